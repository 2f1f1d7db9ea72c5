package ar.aulas.conversation.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.conversation.ConversationRefused;
import ar.aulas.conversation.Debates;
import ar.aulas.conversation.DiscussionThread;
import ar.aulas.conversation.Moderation;
import ar.aulas.conversation.Space;
import ar.aulas.shared.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Trainers' moderation and members' reports; the service checks the trainer (or reader) and the object. */
@Controller
@RequestMapping("/courses/{code}")
class ModerationController {

    private final Moderation moderation;
    private final Debates debates;

    ModerationController(Moderation moderation, Debates debates) {
        this.moderation = moderation;
        this.debates = debates;
    }

    @GetMapping("/posts/{id}/report")
    String reportForm(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id, Model model) {
        model.addAttribute("post", debates.othersPost(me, code, id));
        return "conversation/report";
    }

    @PostMapping("/posts/{id}/hide")
    String hide(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @RequestParam(defaultValue = "") String reason, @RequestParam String thread, RedirectAttributes redirect) {
        attempt(redirect, () -> moderation.hide(me, code, id, reason), "moderation.hidden");
        return back(code, thread, id);
    }

    @PostMapping("/posts/{id}/show")
    String show(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @RequestParam String thread, RedirectAttributes redirect) {
        moderation.show(me, code, id);
        Flash.success(redirect, "moderation.shown");
        return back(code, thread, id);
    }

    @PostMapping("/posts/{id}/endorse")
    String endorse(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @RequestParam String thread, @RequestParam(defaultValue = "true") boolean endorsed, RedirectAttributes redirect) {
        moderation.endorse(me, code, id, endorsed);
        Flash.success(redirect, endorsed ? "moderation.endorsed" : "moderation.unendorsed");
        return back(code, thread, id);
    }

    @PostMapping("/posts/{id}/report")
    String report(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @RequestParam(defaultValue = "") String reason, @RequestParam String thread, RedirectAttributes redirect) {
        attempt(redirect, () -> moderation.report(me, code, id, reason), "moderation.reported");
        return back(code, thread, id);
    }

    @PostMapping("/threads/{id}/lock")
    String lock(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @RequestParam boolean locked, RedirectAttributes redirect) {
        moderation.lock(me, code, id, locked);
        Flash.success(redirect, locked ? "moderation.locked" : "moderation.unlocked");
        return "redirect:/courses/" + code + "/threads/" + id;
    }

    @PostMapping("/threads/{id}/pin")
    String pin(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @RequestParam boolean pinned, RedirectAttributes redirect) {
        moderation.pin(me, code, id, pinned);
        Flash.success(redirect, pinned ? "moderation.pinned" : "moderation.unpinned");
        return "redirect:/courses/" + code + "/threads/" + id;
    }

    @PostMapping("/threads/{id}/faq")
    String faq(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @RequestParam boolean published, RedirectAttributes redirect) {
        attempt(redirect, () -> moderation.faq(me, code, id, published),
                published ? "moderation.faq.published" : "moderation.faq.withdrawn");
        return "redirect:/courses/" + code + "/threads/" + id;
    }

    @PostMapping("/threads/{id}/move")
    String move(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @RequestParam int module, RedirectAttributes redirect) {
        DiscussionThread thread = moderation.move(me, code, id, module);
        Flash.success(redirect, "moderation.moved", module);
        return "redirect:/courses/" + code + "/threads/" + thread.getId();
    }

    @PostMapping("/debates/{module}/settings")
    String settings(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @RequestParam(defaultValue = "false") boolean qaMode, @RequestParam(defaultValue = "false") boolean locked,
            @RequestParam(defaultValue = "0") int pointsPerPost, @RequestParam(defaultValue = "0") int maxPoints,
            RedirectAttributes redirect) {
        attempt(redirect, () -> moderation.settings(me, code, Space.debate(module), qaMode, locked, pointsPerPost, maxPoints),
                "moderation.settings.saved");
        return "redirect:/courses/" + code + "/debates/" + module;
    }

    @GetMapping("/moderation")
    String page(@AuthenticationPrincipal AulasUser me, @PathVariable String code, Model model) {
        model.addAttribute("page", moderation.page(me, code));
        return "conversation/moderation";
    }

    @PostMapping("/moderation/reports/{id}/resolve")
    String resolve(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            RedirectAttributes redirect) {
        moderation.resolve(me, code, id);
        Flash.success(redirect, "moderation.resolved");
        return "redirect:/courses/" + code + "/moderation";
    }

    /** Does it and says so, or says why not: these small forms live on the thread page, so the answer is a flash. */
    private static void attempt(RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            Flash.success(redirect, done);
        } catch (ConversationRefused e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
    }

    private static String back(String code, String thread, String post) {
        String id = post.matches("[0-9a-f]{24}") ? post : "";
        return "redirect:/courses/" + code + "/threads/" + (thread.matches("[0-9a-f]{24}") ? thread : "") + "?post=" + id
                + "#post-" + id;
    }
}
