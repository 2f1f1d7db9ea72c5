package ar.aulas.certificates.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.certificates.BulkIssuing;
import ar.aulas.certificates.Certificate;
import ar.aulas.certificates.CertificateDownloads;
import ar.aulas.certificates.CertificateIssuing;
import ar.aulas.certificates.CertificateRefused;
import ar.aulas.certificates.CertificateRevocation;
import ar.aulas.certificates.RevocationCategory;
import ar.aulas.certificates.CertificateType;
import ar.aulas.certificates.Eligibility;
import ar.aulas.certificates.IssueJob;
import ar.aulas.shared.Text;
import ar.aulas.shared.web.Flash;
import ar.aulas.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators' certificate pages: eligibility, issuing (one, by exception, in bulk), revocation, reissue, files. */
@Controller
class CertificateController {

    private final CertificateIssuing issuing;
    private final BulkIssuing bulk;
    private final CertificateRevocation revocation;
    private final CertificateDownloads downloads;

    private final Clock clock;

    CertificateController(CertificateIssuing issuing, BulkIssuing bulk, CertificateRevocation revocation,
            CertificateDownloads downloads, Clock clock) {
        this.clock = clock;
        this.issuing = issuing;
        this.bulk = bulk;
        this.revocation = revocation;
        this.downloads = downloads;
    }

    @GetMapping("/courses/{code}/certificates")
    String overview(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @RequestParam(required = false) String institution, @RequestParam(required = false) Eligibility.State state,
            @RequestParam(required = false) CertificateType type, @RequestParam(defaultValue = "") String q, Model model) {
        CertificateIssuing.Overview overview = issuing.overview(me, code);
        Map<String, String> institutions = new LinkedHashMap<>();
        overview.rows().forEach(r -> institutions.putIfAbsent(String.valueOf(r.participant().account().getInstitutionId()),
                r.participant().institutionName()));
        String query = Text.fold(q.trim());
        List<CertificateIssuing.Row> rows = overview.rows().stream()
                .filter(r -> institution == null || institution.isEmpty()
                        || institution.equals(r.participant().account().getInstitutionId()))
                .filter(r -> query.isEmpty() || Text.fold(r.participant().account().getFullName()).contains(query))
                .filter(r -> state == null || r.eligibility().entrySet().stream()
                        .anyMatch(e -> (type == null || e.getKey() == type) && e.getValue().state() == state))
                .toList();
        model.addAttribute("overview", overview);
        model.addAttribute("rows", rows);
        model.addAttribute("institutions", institutions);
        model.addAttribute("states", Eligibility.State.values());
        model.addAttribute("filter", new Filter(institution, state, type, q));
        return "certificates/overview";
    }

    record Filter(String institution, Eligibility.State state, CertificateType type, String q) {
    }

    @PostMapping("/courses/{code}/certificates/issue")
    String issue(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @RequestParam String accountId,
            @RequestParam CertificateType type, @RequestParam(required = false) String justification,
            @RequestParam(defaultValue = "false") boolean notify, RedirectAttributes redirect) {
        try {
            Certificate c = issuing.issue(me, code, accountId, type, justification, notify);
            Flash.success(redirect, "certificate.issued", c.getNumber(), c.getHolderName());
            return "redirect:/certificates/" + c.getId();
        } catch (CertificateRefused refused) {
            Flash.error(redirect, refused.messageKey(), refused.args());
            if (justification != null) {
                return "redirect:/courses/" + code + "/certificates/exception?accountId=" + accountId + "&type=" + type;
            }
            return "redirect:/courses/" + code + "/certificates";
        }
    }

    /** The admin's form to issue to someone not eligible, with the reasons in view and a written justification. */
    @GetMapping("/courses/{code}/certificates/exception")
    String exception(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @RequestParam String accountId,
            @RequestParam CertificateType type, Model model) {
        if (!me.isAdmin()) {
            throw new NotFoundException();
        }
        CertificateIssuing.Overview overview = issuing.overview(me, code);
        CertificateIssuing.Row row = overview.rows().stream()
                .filter(r -> r.participant().account().getId().equals(accountId)).findFirst()
                .orElseThrow(NotFoundException::new);
        if (!overview.rules().containsKey(type)) {
            throw new NotFoundException();
        }
        model.addAttribute("overview", overview);
        model.addAttribute("row", row);
        model.addAttribute("type", type);
        return "certificates/exception";
    }

    @PostMapping("/courses/{code}/certificates/bulk")
    String bulk(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @RequestParam CertificateType type,
            @RequestParam(defaultValue = "false") boolean notify, RedirectAttributes redirect) {
        try {
            IssueJob job = bulk.startBulk(me, code, type, notify);
            return "redirect:/courses/" + code + "/certificates/jobs/" + job.getId();
        } catch (CertificateRefused refused) {
            Flash.error(redirect, refused.messageKey(), refused.args());
            return "redirect:/courses/" + code + "/certificates";
        }
    }

    @GetMapping("/courses/{code}/certificates/jobs/{jobId}")
    String job(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String jobId, Model model) {
        IssueJob job = bulk.job(me, code, jobId);
        model.addAttribute("job", job);
        model.addAttribute("code", code);
        model.addAttribute("interrupted", job.interrupted(clock.instant()));
        return "certificates/job";
    }

    @GetMapping("/courses/{code}/certificates/export.zip")
    void zip(@AuthenticationPrincipal AulasUser me, @PathVariable String code, HttpServletResponse response)
            throws IOException {
        issuing.overview(me, code);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("certificados-" + code + ".zip").build().toString());
        downloads.zip(me, code, response.getOutputStream());
    }

    @GetMapping("/certificates/{id}")
    String detail(@AuthenticationPrincipal AulasUser me, @PathVariable String id, Model model) {
        model.addAttribute("history", issuing.history(me, id));
        model.addAttribute("certificate", issuing.certificate(me, id));
        model.addAttribute("canIssue", issuing.canIssue(me));
        return "certificates/detail";
    }

    @PostMapping("/certificates/{id}/revoke")
    String revoke(@AuthenticationPrincipal AulasUser me, @PathVariable String id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) RevocationCategory category, RedirectAttributes redirect) {
        try {
            Certificate c = revocation.revoke(me, id, category, reason);
            Flash.success(redirect, "certificate.revoked", c.getNumber());
        } catch (CertificateRefused refused) {
            Flash.error(redirect, refused.messageKey(), refused.args());
        }
        return "redirect:/certificates/" + id;
    }

    @PostMapping("/certificates/{id}/reissue")
    String reissue(@AuthenticationPrincipal AulasUser me, @PathVariable String id,
            @RequestParam(defaultValue = "") String justification, RedirectAttributes redirect) {
        try {
            Certificate c = revocation.reissue(me, id, justification);
            Flash.success(redirect, "certificate.reissued", c.getNumber());
            return "redirect:/certificates/" + c.getId();
        } catch (CertificateRefused refused) {
            Flash.error(redirect, refused.messageKey(), refused.args());
            return "redirect:/certificates/" + id;
        }
    }

    @GetMapping("/certificates/{id}/pdf")
    ResponseEntity<InputStreamResource> pdf(@AuthenticationPrincipal AulasUser me, @PathVariable String id) {
        CertificateDownloads.Pdf pdf = downloads.open(me, id);
        Certificate c = pdf.certificate();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).contentLength(c.getSize())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.getNumber() + ".pdf").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(pdf.content()));
    }
}
