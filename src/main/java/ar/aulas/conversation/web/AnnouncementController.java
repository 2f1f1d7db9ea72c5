package ar.aulas.conversation.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.conversation.Announcement;
import ar.aulas.conversation.Announcements;
import ar.aulas.conversation.ConversationRefused;
import ar.aulas.shared.web.Errors;
import ar.aulas.shared.web.Flash;
import ar.aulas.shared.web.FormDrafts;
import ar.aulas.shared.web.PendingForm;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A course's convocatorias: the list with its form (for those who post), one announcement, its files. */
@Controller
@RequestMapping("/courses/{code}/announcements")
class AnnouncementController {

    private final Announcements announcements;
    private final FormDrafts drafts;

    AnnouncementController(Announcements announcements, FormDrafts drafts) {
        this.announcements = announcements;
        this.drafts = drafts;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AulasUser me, @PathVariable String code, Model model, HttpServletRequest request) {
        Announcements.ListPage page = announcements.list(me, code);
        model.addAttribute("page", page);
        if (!model.containsAttribute("announcementForm")) {
            Map<String, String> typed = PendingForm.take(request);
            AnnouncementForm form = AnnouncementForm.restored(typed);
            if (typed == null && page.canPost()) {
                drafts.find(me.id(), "/courses/" + code + "/announcements").filter(d -> d.fields().containsKey("text"))
                        .ifPresent(d -> {
                            form.setText(d.fields().get("text"));
                            model.addAttribute("restoredDraft", d);
                        });
            }
            model.addAttribute("announcementForm", form);
        }
        return "conversation/announcements";
    }

    @PostMapping
    String post(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @ModelAttribute("announcementForm") AnnouncementForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            // a date the browser did not check (typed by hand): the binder's own error, next to its field
            model.addAttribute("page", announcements.list(me, code));
            return "conversation/announcements";
        }
        try {
            Announcement a = announcements.post(me, code, form.toDraft());
            drafts.discard(me.id(), "/courses/" + code + "/announcements");
            Flash.success(redirect, a.isDelivered() ? "announcement.sent" : "announcement.scheduled", a.getDeliveredTo());
            return "redirect:/courses/" + code + "/announcements/" + a.getId();
        } catch (ConversationRefused e) {
            Errors.reject(result, e);
            model.addAttribute("page", announcements.list(me, code));
            return "conversation/announcements";
        }
    }

    @GetMapping("/{id}")
    String one(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id, Model model) {
        model.addAttribute("line", announcements.one(me, code, id));
        model.addAttribute("code", code);
        return "conversation/announcement";
    }

    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<InputStreamResource> file(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @PathVariable String id, @PathVariable String fileId) {
        return announcements.file(me, code, id, fileId).asAttachment();
    }
}
