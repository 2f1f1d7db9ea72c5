package ar.aulas.conversation.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.conversation.ConversationRefused;
import ar.aulas.conversation.ConversationSearch;
import ar.aulas.conversation.Debates;
import ar.aulas.conversation.DiscussionThread;
import ar.aulas.conversation.Post;
import ar.aulas.conversation.Space;
import ar.aulas.conversation.Subscriptions;
import ar.aulas.courses.CourseFiles;
import ar.aulas.courses.PlaceDocuments;
import ar.aulas.shared.web.Errors;
import ar.aulas.shared.web.Flash;
import ar.aulas.shared.web.FormDrafts;
import ar.aulas.shared.web.PendingForm;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The debates, team spaces and questions of a course: each form posts to its own page. */
@Controller
@RequestMapping("/courses/{code}")
class DebateController {

    private final Debates debates;
    private final ConversationSearch search;
    private final Subscriptions subscriptions;
    private final FormDrafts drafts;

    private final ObjectProvider<PlaceDocuments> places;

    DebateController(Debates debates, ConversationSearch search, Subscriptions subscriptions,
            FormDrafts drafts,
            ObjectProvider<PlaceDocuments> places) {
        this.places = places;
        this.drafts = drafts;
        this.debates = debates;
        this.search = search;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/debates/{module}")
    String debate(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request) {
        model.addAttribute("related", PlaceDocuments.of(places, me, code, module,
                PlaceDocuments.DEBATE));
        return space(me, code, Space.debate(module), page, model, request);
    }

    @GetMapping("/teams")
    String teams(@AuthenticationPrincipal AulasUser me, @PathVariable String code, Model model) {
        model.addAttribute("teams", debates.teams(me, code));
        model.addAttribute("code", code);
        return "conversation/teams";
    }

    @GetMapping("/teams/{institution}")
    String team(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String institution,
            @RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request) {
        return space(me, code, Space.team(institution), page, model, request);
    }

    @GetMapping("/questions")
    String questions(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request) {
        return space(me, code, Space.questions(), page, model, request);
    }

    @PostMapping("/debates/{module}")
    String startInDebate(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @ModelAttribute("threadForm") ThreadForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        return start(me, code, Space.debate(module), form, result, model, redirect);
    }

    @PostMapping("/teams/{institution}")
    String startInTeam(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String institution,
            @ModelAttribute("threadForm") ThreadForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        return start(me, code, Space.team(institution), form, result, model, redirect);
    }

    @PostMapping("/questions")
    String ask(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @ModelAttribute("threadForm") ThreadForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        return start(me, code, Space.questions(), form, result, model, redirect);
    }

    @GetMapping("/threads/{id}")
    String thread(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @RequestParam(required = false) String replyTo, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String post, Model model, HttpServletRequest request) {
        String at = post != null && post.matches("[0-9a-f]{24}") ? post
                : replyTo != null && replyTo.matches("[0-9a-f]{24}") ? replyTo : null;
        Debates.ThreadPage threadPage = debates.thread(me, code, id, page, at);
        model.addAttribute("page", threadPage);
        if (threadPage.space().kind() != Space.Kind.QUESTIONS) {
            model.addAttribute("subscription", subscriptions.modeOf(me, code, "thread:" + id));
        }
        if (!model.containsAttribute("replyForm")) {
            Map<String, String> typed = PendingForm.take(request);
            ReplyForm form = ReplyForm.restored(typed);
            if (form.getReplyTo() == null && replyTo != null && replyTo.matches("[0-9a-f]{24}")) {
                form.setReplyTo(replyTo);
                form.setQuote(true);
            }
            if (typed == null && threadPage.canReply()) {
                // saved while typing and never sent (a closed tab, a lost connection): offered again
                drafts.find(me.id(), "/courses/" + code + "/threads/" + id).filter(d -> d.fields().containsKey("text"))
                        .ifPresent(d -> {
                            form.setText(d.fields().get("text"));
                            model.addAttribute("restoredDraft", d);
                        });
            }
            model.addAttribute("replyForm", form);
        }
        return "conversation/thread";
    }

    @PostMapping("/threads/{id}")
    String reply(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @ModelAttribute("replyForm") ReplyForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            Post post = debates.reply(me, code, id, form.toData());
            drafts.discard(me.id(), "/courses/" + code + "/threads/" + id);
            Flash.success(redirect, "conversation.replied");
            return "redirect:/courses/" + code + "/threads/" + id + "?post=" + post.getId() + "#post-" + post.getId();
        } catch (ConversationRefused e) {
            Errors.reject(result, e);
            model.addAttribute("page", debates.thread(me, code, id));
            return "conversation/thread";
        }
    }

    @GetMapping("/posts/{id}/edit")
    String editForm(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id, Model model,
            HttpServletRequest request) {
        Post post = debates.ownPost(me, code, id);
        if (!model.containsAttribute("replyForm")) {
            ReplyForm form = ReplyForm.restored(PendingForm.take(request));
            if (form.getText() == null) {
                form.setText(post.getText());
            }
            model.addAttribute("replyForm", form);
        }
        model.addAttribute("post", post);
        return "conversation/post-edit";
    }

    @PostMapping("/posts/{id}/edit")
    String edit(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @ModelAttribute("replyForm") ReplyForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            Post post = debates.edit(me, code, id, form.getText());
            Flash.success(redirect, "conversation.saved");
            return "redirect:/courses/" + code + "/threads/" + post.getThreadId() + "?post=" + post.getId() + "#post-" + post.getId();
        } catch (ConversationRefused e) {
            Errors.reject(result, e);
            model.addAttribute("post", debates.ownPost(me, code, id));
            return "conversation/post-edit";
        }
    }

    @GetMapping("/posts/{id}/files/{fileId}")
    ResponseEntity<InputStreamResource> file(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @PathVariable String id, @PathVariable String fileId) {
        CourseFiles.Download download = debates.file(me, code, id, fileId);
        return download.asAttachment();
    }

    @GetMapping("/conversation/search")
    String search(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("hits", search.search(me, code, q));
        model.addAttribute("q", q);
        model.addAttribute("code", code);
        return "conversation/search";
    }

    private String space(AulasUser me, String code, Space space, int page, Model model, HttpServletRequest request) {
        Debates.SpacePage view = debates.space(me, code, space, page);
        model.addAttribute("page", view);
        if (space.kind() != Space.Kind.QUESTIONS) {
            model.addAttribute("subscription", subscriptions.modeOf(me, code, space.key()));
        }
        if (!model.containsAttribute("threadForm")) {
            Map<String, String> typed = PendingForm.take(request);
            ThreadForm form = ThreadForm.restored(typed);
            if (typed == null && view.canWrite()) {
                drafts.find(me.id(), space.path(code)).filter(d -> d.fields().containsKey("text")).ifPresent(d -> {
                    form.setText(d.fields().get("text"));
                    model.addAttribute("restoredDraft", d);
                });
            }
            model.addAttribute("threadForm", form);
        }
        return "conversation/space";
    }

    private String start(AulasUser me, String code, Space space, ThreadForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            DiscussionThread thread = debates.start(me, code, space, form.toData());
            drafts.discard(me.id(), space.path(code));
            Flash.success(redirect, space.kind() == Space.Kind.QUESTIONS ? "conversation.asked" : "conversation.started");
            return "redirect:/courses/" + code + "/threads/" + thread.getId();
        } catch (ConversationRefused e) {
            Errors.reject(result, e);
            model.addAttribute("page", debates.space(me, code, space));
            return "conversation/space";
        }
    }
}
