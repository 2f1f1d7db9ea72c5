package ar.aulas.certificates;

import ar.aulas.certificates.CertificateTemplate.Align;
import ar.aulas.certificates.CertificateTemplate.Box;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.kernel.geom.PageSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads every {@code *.yml} template of the certificates folder at start. A template with any error
 * (unknown placeholder or key, missing font or image, bad number) is rejected: it is not loaded, each
 * error is logged with its file and place, and administrators see them on the certificates page.
 */
@Component
public class CertificateTemplates {

    private static final Logger log = LoggerFactory.getLogger(CertificateTemplates.class);
    private static final float MM = 72f / 25.4f;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> TOP_KEYS = Set.of("page", "orientation", "background", "fonts", "texts", "images",
            "signatures", "qr");

    private final Map<String, CertificateTemplate> templates = new LinkedHashMap<>();
    private final List<TemplateError> errors = new ArrayList<>();

    CertificateTemplates(CertificatesProperties properties) {
        load(Path.of(properties.getTemplatesDir()));
    }

    public Optional<CertificateTemplate> find(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    public List<TemplateError> errors() {
        return List.copyOf(errors);
    }

    public Set<String> names() {
        return templates.keySet();
    }

    private void load(Path dir) {
        if (!Files.isDirectory(dir)) {
            errors.add(new TemplateError(dir.toString(), null, "certificate.template.noFolder"));
            log.error("Certificate templates folder {} not found: no certificate can be issued", dir.toAbsolutePath());
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                List<TemplateError> found = new ArrayList<>();
                CertificateTemplate template = read(dir, file, found);
                if (found.isEmpty()) {
                    templates.put(template.name(), template);
                    log.info("Certificate template '{}' loaded from {}", template.name(), file);
                } else {
                    found.forEach(e -> log.error("Certificate template rejected: {}", e));
                    errors.addAll(found);
                }
            }
        } catch (IOException e) {
            errors.add(new TemplateError(dir.toString(), null, "certificate.template.unreadable", e.getMessage()));
        }
    }

    /** Reads one template file; errors go to {@code errors} (the result is meaningful only when there are none). */
    static CertificateTemplate read(Path dir, Path file, List<TemplateError> errors) {
        String name = file.getFileName().toString().replaceFirst("\\.yml$", "");
        String where = dir.getFileName() + "/" + file.getFileName();
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | YAMLException e) {
            errors.add(new TemplateError(where, null, "certificate.template.yaml", firstLine(e.getMessage())));
            return null;
        }
        if (!(root instanceof Map<?, ?> map)) {
            errors.add(new TemplateError(where, null, "certificate.template.notMapping"));
            return null;
        }
        Reader r = new Reader(dir, where, errors);
        map.keySet().stream().map(String::valueOf).filter(k -> !TOP_KEYS.contains(k)).forEach(k ->
                errors.add(new TemplateError(where, k, "certificate.template.unknownKey", k, String.join(", ", TOP_KEYS.stream().sorted().toList()))));
        PageSize size = switch (String.valueOf(map.get("page") == null ? "A4" : map.get("page")).toUpperCase(Locale.ROOT)) {
            case "A4" -> PageSize.A4;
            case "LETTER" -> PageSize.LETTER;
            case "LEGAL" -> PageSize.LEGAL;
            default -> {
                errors.add(new TemplateError(where, "page", "certificate.template.page", map.get("page")));
                yield PageSize.A4;
            }
        };
        String orientation = String.valueOf(map.get("orientation") == null ? "landscape" : map.get("orientation"));
        if (!orientation.equals("landscape") && !orientation.equals("portrait")) {
            errors.add(new TemplateError(where, "orientation", "certificate.template.orientation", orientation));
        }
        float width = orientation.equals("portrait") ? size.getWidth() : size.getHeight();
        float height = orientation.equals("portrait") ? size.getHeight() : size.getWidth();
        r.pageHeight = height;
        CertificateTemplate.Background background = null;
        if (map.get("background") != null) {
            String bg = map.get("background").toString();
            byte[] bytes = r.file(bg, "background");
            boolean pdf = bg.toLowerCase(Locale.ROOT).endsWith(".pdf");
            if (!pdf && !bg.toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)$")) {
                errors.add(new TemplateError(where, "background", "certificate.template.backgroundType", bg));
            }
            background = bytes == null ? null : new CertificateTemplate.Background(bytes, pdf);
        }
        Map<String, byte[]> fonts = new LinkedHashMap<>();
        if (map.get("fonts") instanceof Map<?, ?> declared && !declared.isEmpty()) {
            declared.forEach((key, path) -> {
                byte[] bytes = r.file(String.valueOf(path), "fonts." + key);
                if (bytes != null) {
                    try {
                        FontProgramFactory.createFont(bytes);
                        fonts.put(String.valueOf(key), bytes);
                    } catch (IOException | RuntimeException e) {
                        errors.add(new TemplateError(where, "fonts." + key, "certificate.template.fontInvalid", path));
                    }
                }
            });
        } else {
            errors.add(new TemplateError(where, "fonts", "certificate.template.fontsMissing"));
        }
        List<CertificateTemplate.TextBlock> texts = new ArrayList<>();
        List<Map<?, ?>> textItems = r.list(map.get("texts"), "texts");
        if (textItems.isEmpty()) {
            errors.add(new TemplateError(where, "texts", "certificate.template.textsMissing"));
        }
        for (int i = 0; i < textItems.size(); i++) {
            Map<?, ?> t = textItems.get(i);
            String at = "texts[" + (i + 1) + "]";
            String text = t.get("text") == null ? null : t.get("text").toString();
            if (text == null || text.isBlank()) {
                errors.add(new TemplateError(where, at + ".text", "certificate.template.required", "text"));
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!CertificateTemplate.PLACEHOLDERS.contains(m.group(1))) {
                    errors.add(new TemplateError(where, at + ".text", "certificate.template.unknownPlaceholder",
                            "{" + m.group(1) + "}", String.join(", ", CertificateTemplate.PLACEHOLDERS.stream().sorted()
                                    .map(p -> "{" + p + "}").toList())));
                }
            }
            String font = r.font(t.get("font"), fonts, at + ".font");
            Align align;
            try {
                align = Align.valueOf(String.valueOf(t.get("align") == null ? "left" : t.get("align")).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new TemplateError(where, at + ".align", "certificate.template.align", t.get("align")));
                align = Align.LEFT;
            }
            texts.add(new CertificateTemplate.TextBlock(text, r.box(t, at, 20), font, r.number(t, "size", at, 12),
                    r.color(t.get("color"), at + ".color"), align, r.number(t, "lineHeight", at, 1.2f)));
        }
        List<CertificateTemplate.ImageBlock> images = new ArrayList<>();
        List<Map<?, ?>> imageItems = r.list(map.get("images"), "images");
        for (int i = 0; i < imageItems.size(); i++) {
            String at = "images[" + (i + 1) + "]";
            byte[] bytes = r.file(String.valueOf(imageItems.get(i).get("file")), at + ".file");
            images.add(new CertificateTemplate.ImageBlock(bytes, r.box(imageItems.get(i), at, 20)));
        }
        List<CertificateTemplate.SignatureBlock> signatures = new ArrayList<>();
        List<Map<?, ?>> signatureItems = r.list(map.get("signatures"), "signatures");
        for (int i = 0; i < signatureItems.size(); i++) {
            Map<?, ?> s = signatureItems.get(i);
            String at = "signatures[" + (i + 1) + "]";
            byte[] image = s.get("image") == null ? null : r.file(s.get("image").toString(), at + ".image");
            for (String required : List.of("name", "role")) {
                if (s.get(required) == null || s.get(required).toString().isBlank()) {
                    errors.add(new TemplateError(where, at + "." + required, "certificate.template.required", required));
                }
            }
            signatures.add(new CertificateTemplate.SignatureBlock(image, String.valueOf(s.get("name")),
                    String.valueOf(s.get("role")), r.box(s, at, 25), r.font(s.get("font"), fonts, at + ".font"),
                    r.font(s.get("nameFont") == null ? s.get("font") : s.get("nameFont"), fonts, at + ".nameFont"),
                    r.number(s, "size", at, 9)));
        }
        Box qr = null;
        if (map.get("qr") instanceof Map<?, ?> q) {
            float side = r.number(q, "size", "qr", 30) * MM;
            float x = r.number(q, "x", "qr", 0) * MM;
            float y = height - r.number(q, "y", "qr", 0) * MM - side;
            qr = new Box(x, y, side, side);
        } else {
            errors.add(new TemplateError(where, "qr", "certificate.template.qrMissing"));
        }
        return new CertificateTemplate(name, where, width, height, background, fonts, texts, images, signatures, qr);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Field readers that record an error instead of throwing. */
    private static final class Reader {
        private final Path dir;
        private final String where;
        private final List<TemplateError> errors;
        private float pageHeight;

        Reader(Path dir, String where, List<TemplateError> errors) {
            this.dir = dir;
            this.where = where;
            this.errors = errors;
        }

        byte[] file(String relative, String at) {
            Path path = dir.resolve(relative).normalize();
            if (!path.startsWith(dir.normalize()) || !Files.isRegularFile(path)) {
                errors.add(new TemplateError(where, at, "certificate.template.fileMissing", relative));
                return null;
            }
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                errors.add(new TemplateError(where, at, "certificate.template.fileMissing", relative));
                return null;
            }
        }

        List<Map<?, ?>> list(Object value, String at) {
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> items)) {
                errors.add(new TemplateError(where, at, "certificate.template.notList"));
                return List.of();
            }
            List<Map<?, ?>> maps = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map<?, ?> m) {
                    maps.add(m);
                } else {
                    errors.add(new TemplateError(where, at + "[" + (i + 1) + "]", "certificate.template.notMapping"));
                }
            }
            return maps;
        }

        String font(Object key, Map<String, byte[]> fonts, String at) {
            if (key == null) {
                return fonts.isEmpty() ? null : fonts.keySet().iterator().next();
            }
            if (!fonts.containsKey(key.toString())) {
                errors.add(new TemplateError(where, at, "certificate.template.fontUndeclared", key,
                        String.join(", ", fonts.keySet())));
            }
            return key.toString();
        }

        float number(Map<?, ?> map, String key, String at, float otherwise) {
            Object value = map.get(key);
            if (value == null) {
                return otherwise;
            }
            try {
                float f = Float.parseFloat(value.toString().trim());
                if (f < 0 || Float.isNaN(f) || Float.isInfinite(f)) {
                    throw new NumberFormatException();
                }
                return f;
            } catch (NumberFormatException e) {
                errors.add(new TemplateError(where, at + "." + key, "certificate.template.number", value));
                return otherwise;
            }
        }

        Box box(Map<?, ?> map, String at, float defaultHeight) {
            for (String required : List.of("x", "y", "width")) {
                if (map.get(required) == null) {
                    errors.add(new TemplateError(where, at + "." + required, "certificate.template.required", required));
                }
            }
            float x = number(map, "x", at, 0) * MM;
            float top = number(map, "y", at, 0) * MM;
            float w = number(map, "width", at, 50) * MM;
            float h = number(map, "height", at, defaultHeight) * MM;
            return new Box(x, pageHeight - top - h, w, h);
        }

        int color(Object value, String at) {
            if (value == null) {
                return 0x222222;
            }
            String hex = value.toString().trim();
            if (!hex.matches("#[0-9a-fA-F]{6}")) {
                errors.add(new TemplateError(where, at, "certificate.template.color", hex));
                return 0x222222;
            }
            return Integer.parseInt(hex.substring(1), 16);
        }
    }
}
