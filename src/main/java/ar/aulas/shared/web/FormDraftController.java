package ar.aulas.shared.web;

import ar.aulas.accounts.AulasUser;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where {@code autosave.js} sends what is being typed: 200 with the time saved, 400 for what no draft may hold. */
@RestController
class FormDraftController {

    private final FormDrafts drafts;
    private final Formats formats;

    FormDraftController(FormDrafts drafts, Formats formats) {
        this.drafts = drafts;
        this.formats = formats;
    }

    @PostMapping("/drafts")
    ResponseEntity<Map<String, String>> save(@AuthenticationPrincipal AulasUser me, @RequestParam String page,
            @RequestParam Map<String, String> fields) {
        try {
            var at = drafts.save(me.id(), page, fields);
            return ResponseEntity.ok(Map.of("savedAt", formats.time(at)));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().build();
        }
    }
}
