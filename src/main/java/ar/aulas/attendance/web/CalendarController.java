package ar.aulas.attendance.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.attendance.CalendarFeed;
import ar.aulas.shared.web.Flash;
import ar.aulas.shared.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Controller
class CalendarController {

    private final CalendarFeed feed;
    private final PublicUrls urls;

    CalendarController(CalendarFeed feed, PublicUrls urls) {
        this.feed = feed;
        this.urls = urls;
    }

    @GetMapping("/account/calendar")
    String page(@AuthenticationPrincipal AulasUser me, Model model) {
        model.addAttribute("hasLink", feed.hasLink(me));
        return "attendance/calendar";
    }

    @PostMapping("/account/calendar")
    String create(@AuthenticationPrincipal AulasUser me, HttpServletRequest request, RedirectAttributes redirect) {
        String token = feed.newLink(me);
        // how people reach Aulas (a phone subscribes to it), never the address this request came by
        String url = urls.base() + "/calendar/" + token + ".ics";
        redirect.addFlashAttribute("calendarUrl", url);
        redirect.addFlashAttribute("webcalUrl", url.replaceFirst("^https?://", "webcal://"));
        Flash.success(redirect, "calendar.created");
        return "redirect:/account/calendar";
    }

    @PostMapping("/account/calendar/revoke")
    String revoke(@AuthenticationPrincipal AulasUser me, RedirectAttributes redirect) {
        feed.revoke(me);
        Flash.success(redirect, "calendar.revoked");
        return "redirect:/account/calendar";
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> ics(@PathVariable String token) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .body(feed.feed(token));
    }
}
