package ar.aulas.shared.mail.web;

import ar.aulas.shared.mail.OutboxRepository;
import ar.aulas.shared.web.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Mail kept in the outbox when no SMTP server is configured (ADMIN only, under /admin/**). */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

    private final OutboxRepository outbox;

    OutboxController(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("messages", outbox.findAllByOrderByCreatedAtDesc(PageRequest.of(Math.max(0, page), 25)));
        return "mail/outbox";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("message", outbox.findById(id).orElseThrow(NotFoundException::new));
        return "mail/message";
    }
}
