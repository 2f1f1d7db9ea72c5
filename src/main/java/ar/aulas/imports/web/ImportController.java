package ar.aulas.imports.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.imports.ImportJob;
import ar.aulas.imports.ImportRefused;
import ar.aulas.imports.ImportRow;
import ar.aulas.imports.ParticipantImport;
import ar.aulas.shared.export.SheetExport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Importing participants: upload, preview (nothing written), confirm, progress, error report. */
@Controller
@RequestMapping("/imports/participants")
class ImportController {

    /** Rows shown in the preview besides every row with an error; the counts cover all of them. */
    static final int SHOWN_VALID_ROWS = 200;

    private final ParticipantImport imports;
    private final MessageSource messages;

    ImportController(ParticipantImport imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping
    String form(@AuthenticationPrincipal AulasUser me, Model model) {
        model.addAttribute("recent", imports.recent(me));
        model.addAttribute("maxMb", imports.maxFileBytes() / (1024 * 1024));
        return "imports/upload";
    }

    @PostMapping
    String preview(@AuthenticationPrincipal AulasUser me, @RequestParam(required = false) MultipartFile file, Model model,
            HttpServletResponse response) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new ImportRefused("import.file.empty");
            }
            if (file.getSize() > imports.maxFileBytes()) {
                throw new ImportRefused("import.file.tooLarge", imports.maxFileBytes() / (1024 * 1024));
            }
            return show(imports.preview(me, file.getOriginalFilename(), file.getBytes()), model);
        } catch (ImportRefused refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("fileError", refused);
            return form(me, model);
        }
    }

    /** An unknown, someone else's or already confirmed preview: the upload form says so (404, nothing else told). */
    @GetMapping("/{token}")
    String again(@AuthenticationPrincipal AulasUser me, @PathVariable String token, Model model,
            HttpServletResponse response) {
        try {
            return show(imports.preview(me, token), model);
        } catch (ImportRefused refused) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("fileError", refused);
            return form(me, model);
        }
    }

    private String show(ParticipantImport.Preview preview, Model model) {
        List<ImportRow> errors = preview.rows().stream().filter(r -> !r.valid()).toList();
        List<ImportRow> valid = preview.rows().stream().filter(ImportRow::valid).limit(SHOWN_VALID_ROWS).toList();
        model.addAttribute("preview", preview);
        model.addAttribute("errors", errors);
        model.addAttribute("valid", valid);
        model.addAttribute("validCount", preview.rows().size() - errors.size());
        return "imports/preview";
    }

    @PostMapping("/{token}/confirm")
    String confirm(@AuthenticationPrincipal AulasUser me, @PathVariable String token, Model model,
            HttpServletResponse response) {
        try {
            return "redirect:/imports/participants/jobs/" + imports.confirm(me, token).getId();
        } catch (ImportRefused refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("fileError", refused);
            return form(me, model);
        }
    }

    @GetMapping("/jobs/{id}")
    String job(@AuthenticationPrincipal AulasUser me, @PathVariable String id, Model model) {
        model.addAttribute("job", imports.job(me, id));
        return "imports/job";
    }

    @GetMapping("/jobs/{id}/errors.csv")
    void errors(@AuthenticationPrincipal AulasUser me, @PathVariable String id, Locale locale, HttpServletResponse response)
            throws IOException {
        ImportJob job = imports.job(me, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("errores-importacion.csv").build().toString());
        List<List<String>> rows = new ArrayList<>();
        for (ImportRow row : job.getRejected()) {
            for (ImportRow.Problem p : row.problems()) {
                rows.add(List.of(String.valueOf(row.line()), row.fullName(), row.dni(), row.email(),
                        p.column() == null ? "" : p.column(), messages.getMessage(p.key(), p.args().toArray(), locale)));
            }
        }
        SheetExport.csv(response.getOutputStream(), List.of(msg("import.col.line", locale), msg("import.col.name", locale),
                msg("account.dni", locale), msg("account.email", locale), msg("import.col.column", locale),
                msg("import.col.error", locale)), rows);
    }

    @GetMapping("/modelo.csv")
    void sample(@AuthenticationPrincipal AulasUser me, HttpServletResponse response) throws IOException {
        imports.recent(me);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("modelo-participantes.csv").build().toString());
        SheetExport.csv(response.getOutputStream(), List.of("apellido", "nombre", "dni", "email", "institución",
                "cargo/área", "curso"), List.of(List.of("Núñez", "María José", "28.456.789", "mjnunez@municipio.gob.ar",
                "MSLO", "Planificación urbana", "AGC-2026")));
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
