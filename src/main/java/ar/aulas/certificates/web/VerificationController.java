package ar.aulas.certificates.web;

import ar.aulas.certificates.CertificateVerification;
import ar.aulas.certificates.CertificatesProperties;
import ar.aulas.certificates.VerificationRateLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public verification of certificates: by code (typed or from the QR), by the file itself, and as
 * JSON. No listing; every answer is rate-limited per IP; an unknown code costs the same lookup as a known one.
 */
@Controller
class VerificationController {

    private final CertificateVerification verification;
    private final VerificationRateLimit limit;
    private final long maxUpload;

    VerificationController(CertificateVerification verification, VerificationRateLimit limit,
            CertificatesProperties properties) {
        this.verification = verification;
        this.limit = limit;
        this.maxUpload = properties.getMaxVerifyUpload().toBytes();
    }

    @GetMapping("/verificar")
    String form() {
        return "certificates/verify";
    }

    @PostMapping("/verificar")
    String typed(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (!limit.allow(request.getRemoteAddr())) {
            return limited(response);
        }
        CertificateVerification.Result result = verification.byCode(code);
        if (result.outcome() == CertificateVerification.Outcome.MALFORMED) {
            model.addAttribute("code", code);
            model.addAttribute("codeError", true);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "certificates/verify";
        }
        return "redirect:/verificar/" + code.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    }

    @GetMapping("/verificar/{code}")
    String byCode(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!limit.allow(request.getRemoteAddr())) {
            return limited(response);
        }
        CertificateVerification.Result result = verification.byCode(code);
        if (result.outcome() == CertificateVerification.Outcome.MALFORMED) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else if (result.outcome() == CertificateVerification.Outcome.NOT_FOUND) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("result", result);
        model.addAttribute("code", code);
        return "certificates/verify";
    }

    @PostMapping("/verificar/archivo")
    String byFile(@RequestParam(required = false) MultipartFile file, HttpServletRequest request,
            HttpServletResponse response, Model model) throws IOException {
        if (!limit.allow(request.getRemoteAddr())) {
            return limited(response);
        }
        String error = null;
        if (file == null || file.isEmpty()) {
            error = "verify.file.empty";
        } else if (file.getSize() > maxUpload) {
            error = "verify.file.tooLarge";
        } else if (!isPdf(file)) {
            error = "verify.file.notPdf";
        }
        if (error != null) {
            model.addAttribute("fileError", error);
            model.addAttribute("maxMb", maxUpload / (1024 * 1024));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "certificates/verify";
        }
        model.addAttribute("fileResult", verification.byFile(file.getBytes()));
        model.addAttribute("fileName", file.getOriginalFilename());
        return "certificates/verify";
    }

    @GetMapping(value = "/api/v1/certificados/{code}", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> api(@PathVariable String code, HttpServletRequest request) {
        if (!limit.allow(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
                    .body(Map.of("estado", "LIMITE_EXCEDIDO"));
        }
        CertificateVerification.Result result = verification.byCode(code);
        return switch (result.outcome()) {
            case MALFORMED -> ResponseEntity.badRequest().body(Map.of("estado", "CODIGO_MALFORMADO"));
            case NOT_FOUND, FILE_NOT_ISSUED -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("estado", "NO_ENCONTRADO"));
            default -> ResponseEntity.ok(json(result));
        };
    }

    private static Map<String, Object> json(CertificateVerification.Result result) {
        CertificateVerification.View v = result.view();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estado", switch (result.outcome()) {
            case REVOKED -> "REVOCADO";
            case REPLACED -> "REEMPLAZADO";
            default -> "VALIDO";
        });
        m.put("codigo", v.code());
        m.put("numero", v.number());
        m.put("titular", v.holderName());
        m.put("dni", v.maskedDni());
        m.put("curso", v.courseTitle());
        m.put("edicion", v.edition());
        m.put("tipo", v.typeTitle());
        m.put("horas", v.hours());
        m.put("encuentrosAsistidos", v.attendedModules());
        m.put("encuentrosTotales", v.totalModules());
        m.put("fechaInicio", String.valueOf(v.startDate()));
        m.put("fechaFin", String.valueOf(v.endDate()));
        m.put("emitido", String.valueOf(v.issuedAt()));
        m.put("emitidoPorExcepcion", v.byException());
        if (v.revokedAt() != null) {
            m.put("revocado", String.valueOf(v.revokedAt()));
            m.put("categoriaRevocacion", v.revokeCategory() == null ? "SIN_CATEGORIA" : switch (v.revokeCategory()) {
                case ISSUED_IN_ERROR -> "EMITIDO_POR_ERROR";
                case WRONG_DATA -> "DATOS_INCORRECTOS";
                case RECORDS_REVISED -> "REGISTROS_REVISADOS";
                case HOLDER_REQUEST -> "PEDIDO_DEL_TITULAR";
                case OTHER -> "OTRO";
            });
        }
        if (v.replacedByCode() != null) {
            m.put("reemplazadoPor", v.replacedByCode());
        }
        return m;
    }

    private static boolean isPdf(MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return Arrays.equals(in.readNBytes(5), "%PDF-".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String limited(HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "60");
        return "certificates/limited";
    }
}
