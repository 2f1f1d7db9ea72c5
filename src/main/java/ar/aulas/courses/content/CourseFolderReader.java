package ar.aulas.courses.content;

import ar.aulas.accounts.Email;
import ar.aulas.courses.DeclaredExercise;
import ar.aulas.courses.content.CourseContent.AttachmentFile;
import ar.aulas.courses.content.CourseContent.ModuleContent;
import ar.aulas.courses.content.CourseContent.ReadingContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates one course folder ({@code course.yml} plus {@code NN-slug/module.md} and
 * reading files). Either every file is valid and a {@link CourseContent} comes back, or the full
 * list of errors does: a course with any error is not imported at all.
 */
public final class CourseFolderReader {

    public record Result(String folder, CourseContent content, List<ContentError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    static final Set<String> COURSE_KEYS = Set.of("code", "title", "edition", "startDate", "endDate", "totalHours",
            "summary", "trainers", "timeZone", "certificates", "attendance");
    static final Set<String> MODULE_KEYS = Set.of("number", "title", "date", "start", "end", "venue", "objectives",
            "release", "exercises");
    static final Set<String> EXERCISE_KEYS = Set.of("slug", "title", "instructions", "opens", "due", "maxScore",
            "passMark", "mode", "submissionTypes", "rubric");
    static final Set<String> CRITERION_KEYS = Set.of("criterion", "levels");
    static final Set<String> LEVEL_KEYS = Set.of("name", "points", "description");
    static final Set<String> READING_KEYS = Set.of("title", "kind", "minutes", "attachments");
    static final Set<String> ATTACHMENT_TYPES = Set.of("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "png",
            "jpg", "jpeg");
    static final Map<String, String> CONTENT_TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "odt", "application/vnd.oasis.opendocument.text",
            "ods", "application/vnd.oasis.opendocument.spreadsheet",
            "odp", "application/vnd.oasis.opendocument.presentation",
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg");
    private static final Pattern MODULE_FOLDER = Pattern.compile("(\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,30}");

    private final Path root;

    /** @param root the {@code courses/} directory; file names in errors are relative to it */
    public CourseFolderReader(Path root) {
        this.root = root;
    }

    public Result read(Path courseDir) {
        List<ContentError> errors = new ArrayList<>();
        String folder = courseDir.getFileName().toString();
        Path courseFile = courseDir.resolve("course.yml");
        if (!Files.isRegularFile(courseFile)) {
            errors.add(new ContentError(rel(courseFile), null, "content.error.noCourseFile"));
            return new Result(folder, null, errors);
        }
        String courseSource = readText(courseFile);
        YamlMap course = parse(rel(courseFile), courseSource, 1, errors);
        if (course == null) {
            return new Result(folder, null, errors);
        }
        course.allowOnly(COURSE_KEYS);
        String code = course.string("code", true);
        if (code != null && !CODE.matcher(code).matches()) {
            errors.add(new ContentError(rel(courseFile), course.lineOf("code"), "content.error.code", code));
        }
        String title = course.string("title", true);
        String edition = course.string("edition", true);
        var start = course.date("startDate", true);
        var end = course.date("endDate", true);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new ContentError(rel(courseFile), course.lineOf("endDate"), "content.error.endBeforeStart"));
        }
        Integer hours = course.integer("totalHours", true, 1);
        String summary = course.string("summary", false);
        List<String> trainers = new ArrayList<>();
        for (String email : course.strings("trainers")) {
            if (Email.isValid(email)) {
                trainers.add(email.toLowerCase(Locale.ROOT));
            } else {
                errors.add(new ContentError(rel(courseFile), course.lineOf("trainers"), "content.error.email", email));
            }
        }
        String zone = course.string("timeZone", false);
        if (zone == null) {
            zone = "America/Argentina/Salta";
        } else {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                errors.add(new ContentError(rel(courseFile), course.lineOf("timeZone"), "content.error.timeZone", zone));
            }
        }
        Map<String, Object> certificates = course.plain("certificates");
        Map<String, Object> attendance = course.plain("attendance");
        validateWeights(rel(courseFile), course, attendance, errors);
        validateCertificates(rel(courseFile), course, certificates, errors);

        List<ModuleContent> modules = readModules(courseDir, errors);
        if (!errors.isEmpty()) {
            return new Result(folder, null, errors);
        }
        return new Result(folder, new CourseContent(folder, code, title, edition, start, end, hours,
                summary == null ? "" : summary, trainers, zone, certificates, attendance, sha256(courseSource), modules),
                errors);
    }

    /**
     * certificates: attendance and/or approval, each with title, minAttendancePercent (0–100), template (a name in
     * certificates/), and for approval requireAllExercises (true/false) and minAverage (0–10).
     */
    private static void validateCertificates(String file, YamlMap course, Map<String, Object> certificates,
            List<ContentError> errors) {
        int line = course.lineOf("certificates");
        for (var entry : certificates.entrySet()) {
            String type = String.valueOf(entry.getKey());
            if (!Set.of("attendance", "approval").contains(type)) {
                errors.add(new ContentError(file, line, "content.error.choice", "certificates", type, "approval, attendance"));
                continue;
            }
            if (!(entry.getValue() instanceof Map<?, ?> rules)) {
                errors.add(new ContentError(file, line, "content.error.notMapping", "certificates." + type));
                continue;
            }
            Set<String> allowed = type.equals("approval")
                    ? Set.of("title", "minAttendancePercent", "requireAllExercises", "minAverage", "template")
                    : Set.of("title", "minAttendancePercent", "template");
            for (var rule : rules.entrySet()) {
                String key = String.valueOf(rule.getKey());
                String value = String.valueOf(rule.getValue());
                String where = "certificates." + type + "." + key;
                if (!allowed.contains(key)) {
                    errors.add(new ContentError(file, line, "content.error.unknownKey", where,
                            String.join(", ", allowed.stream().sorted().toList())));
                } else if (key.equals("minAttendancePercent") && !between(value, 0, 100)) {
                    errors.add(new ContentError(file, line, "content.error.range", where, value, 0, 100));
                } else if (key.equals("minAverage") && !between(value, 0, 10)) {
                    errors.add(new ContentError(file, line, "content.error.range", where, value, 0, 10));
                } else if (key.equals("requireAllExercises") && !Set.of("true", "false").contains(value)) {
                    errors.add(new ContentError(file, line, "content.error.choice", where, value, "false, true"));
                } else if (key.equals("template") && !value.matches("[a-z0-9][a-z0-9-]*")) {
                    errors.add(new ContentError(file, line, "content.error.templateName", where, value));
                }
            }
        }
    }

    private static boolean between(String value, int min, int max) {
        try {
            var n = new BigDecimal(value.trim());
            return n.compareTo(BigDecimal.valueOf(min)) >= 0 && n.compareTo(BigDecimal.valueOf(max)) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** attendance.weights: PRESENT, LATE, EXCUSED, ABSENT → a number from 0 to 1, or "excluded". */
    private static void validateWeights(String file, YamlMap course, Map<String, Object> attendance,
            List<ContentError> errors) {
        Object weights = attendance.get("weights");
        if (weights == null) {
            return;
        }
        if (!(weights instanceof Map<?, ?> map)) {
            errors.add(new ContentError(file, course.lineOf("attendance"), "content.error.notMapping", "weights"));
            return;
        }
        for (var entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String value = String.valueOf(entry.getValue());
            if (!Set.of("PRESENT", "LATE", "EXCUSED", "ABSENT").contains(key)) {
                errors.add(new ContentError(file, course.lineOf("attendance"), "content.error.choice", "weights", key,
                        "ABSENT, EXCUSED, LATE, PRESENT"));
            } else if (!value.equals("excluded")) {
                try {
                    var n = new BigDecimal(value);
                    if (n.signum() < 0 || n.compareTo(BigDecimal.ONE) > 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    errors.add(new ContentError(file, course.lineOf("attendance"), "content.error.weight", key, value));
                }
            }
        }
    }

    private List<ModuleContent> readModules(Path courseDir, List<ContentError> errors) {
        List<Path> folders;
        try (Stream<Path> children = Files.list(courseDir)) {
            folders = children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ModuleContent> modules = new ArrayList<>();
        Map<Integer, String> numbers = new HashMap<>();
        for (Path moduleDir : folders) {
            Matcher name = MODULE_FOLDER.matcher(moduleDir.getFileName().toString());
            if (!name.matches()) {
                if (!moduleDir.getFileName().toString().startsWith("_") && !moduleDir.getFileName().toString().equals("files")) {
                    errors.add(new ContentError(rel(moduleDir), null, "content.error.moduleFolder",
                            moduleDir.getFileName().toString()));
                }
                continue;
            }
            ModuleContent module = readModule(courseDir, moduleDir, name.group(2), errors);
            if (module == null) {
                continue;
            }
            String other = numbers.putIfAbsent(module.number(), rel(moduleDir.resolve("module.md")));
            if (other != null) {
                errors.add(new ContentError(rel(moduleDir.resolve("module.md")), 2, "content.error.moduleRepeated",
                        module.number(), other));
            }
            modules.add(module);
        }
        if (modules.isEmpty() && errors.isEmpty()) {
            errors.add(new ContentError(rel(courseDir), null, "content.error.noModules"));
        }
        modules.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return modules;
    }

    private ModuleContent readModule(Path courseDir, Path moduleDir, String slug, List<ContentError> errors) {
        Path file = moduleDir.resolve("module.md");
        if (!Files.isRegularFile(file)) {
            errors.add(new ContentError(rel(file), null, "content.error.noModuleFile"));
            return null;
        }
        String source = readText(file);
        FrontMatter fm = FrontMatter.split(rel(file), source, errors);
        if (fm == null) {
            return null;
        }
        YamlMap yaml = parse(rel(file), fm.yaml(), 2, errors);
        if (yaml == null) {
            return null;
        }
        yaml.allowOnly(MODULE_KEYS);
        Integer number = yaml.integer("number", true, 1);
        String title = yaml.string("title", true);
        var date = yaml.date("date", true);
        var start = yaml.time("start", true);
        var end = yaml.time("end", true);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new ContentError(rel(file), yaml.lineOf("end"), "content.error.endBeforeStart"));
        }
        String venue = yaml.string("venue", true);
        List<String> objectives = yaml.strings("objectives");
        var release = yaml.date("release", false);
        List<DeclaredExercise> exercises = new ArrayList<>();
        for (YamlMap exercise : yaml.maps("exercises")) {
            exercise.allowOnly(EXERCISE_KEYS);
            String exerciseSlug = exercise.string("slug", true);
            if (exerciseSlug != null && !SLUG.matcher(exerciseSlug).matches()) {
                errors.add(new ContentError(rel(file), exercise.lineOf("slug"), "content.error.slug", exerciseSlug));
            }
            var opens = exercise.dateTime("opens", true);
            var due = exercise.dateTime("due", true);
            if (opens != null && due != null && !due.isAfter(opens)) {
                errors.add(new ContentError(rel(file), exercise.lineOf("due"), "content.error.endBeforeStart"));
            }
            var max = exercise.decimal("maxScore", false);
            var pass = exercise.decimal("passMark", false);
            if (max != null && pass != null && pass.compareTo(max) > 0) {
                errors.add(new ContentError(rel(file), exercise.lineOf("passMark"), "content.error.passAboveMax"));
            }
            List<String> types = exercise.strings("submissionTypes");
            for (String type : types) {
                if (!Set.of("text", "file").contains(type)) {
                    errors.add(new ContentError(rel(file), exercise.lineOf("submissionTypes"), "content.error.choice",
                            "submissionTypes", type, "file, text"));
                }
            }
            List<DeclaredExercise.Criterion> rubric = new ArrayList<>();
            for (YamlMap criterion : exercise.maps("rubric")) {
                criterion.allowOnly(CRITERION_KEYS);
                String name = criterion.string("criterion", true);
                List<DeclaredExercise.Level> levels = new ArrayList<>();
                for (YamlMap level : criterion.maps("levels")) {
                    level.allowOnly(LEVEL_KEYS);
                    String levelName = level.string("name", true);
                    var points = level.decimal("points", true);
                    if (levelName != null && points != null) {
                        levels.add(new DeclaredExercise.Level(levelName, points, level.string("description", false)));
                    }
                }
                if (levels.isEmpty()) {
                    errors.add(new ContentError(rel(file), criterion.line(), "content.error.rubricNoLevels", name));
                }
                if (name != null) {
                    rubric.add(new DeclaredExercise.Criterion(name, levels));
                }
            }
            if (!rubric.isEmpty()) {
                var total = rubric.stream().map(DeclaredExercise.Criterion::maxPoints)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (max == null || total.compareTo(max) != 0) {
                    errors.add(new ContentError(rel(file), exercise.lineOf("rubric"), "content.error.rubricTotal",
                            total.stripTrailingZeros().toPlainString(), max == null ? "—" : max.stripTrailingZeros().toPlainString()));
                }
            }
            exercises.add(new DeclaredExercise(exerciseSlug, exercise.string("title", true),
                    exercise.string("instructions", true), opens, due, max, pass,
                    exercise.choice("mode", false, Set.of("individual", "team"), "team"),
                    types.isEmpty() ? List.of("text", "file") : types, rubric));
        }
        List<ReadingContent> readings = readReadings(courseDir, moduleDir, errors);
        if (number == null) {
            return null;
        }
        return new ModuleContent(number, slug, title, date, start, end, venue, objectives, release, fm.body(),
                exercises, sha256(source), readings);
    }

    private List<ReadingContent> readReadings(Path courseDir, Path moduleDir, List<ContentError> errors) {
        List<Path> files;
        try (Stream<Path> children = Files.list(moduleDir)) {
            files = children.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equals("module.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ReadingContent> readings = new ArrayList<>();
        int position = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            String slug = name.substring(0, name.length() - 3).replaceFirst("^\\d+-", "");
            if (!SLUG.matcher(slug).matches()) {
                errors.add(new ContentError(rel(file), null, "content.error.slug", slug));
                continue;
            }
            String source = readText(file);
            FrontMatter fm = FrontMatter.split(rel(file), source, errors);
            if (fm == null) {
                continue;
            }
            YamlMap yaml = parse(rel(file), fm.yaml(), 2, errors);
            if (yaml == null) {
                continue;
            }
            yaml.allowOnly(READING_KEYS);
            String title = yaml.string("title", true);
            String kind = yaml.choice("kind", false, Set.of("required", "complementary"), "required");
            Integer minutes = yaml.integer("minutes", false, 1);
            StringBuilder hashInput = new StringBuilder(sha256(source));
            List<AttachmentFile> attachments = new ArrayList<>();
            for (String reference : yaml.strings("attachments")) {
                AttachmentFile attachment = attachment(courseDir, moduleDir, file, reference, yaml.lineOf("attachments"),
                        errors);
                if (attachment != null) {
                    attachments.add(attachment);
                    hashInput.append(attachment.sha256());
                }
            }
            readings.add(new ReadingContent(slug, position++, title, kind, minutes == null ? 0 : minutes, fm.body(),
                    attachments, sha256(hashInput.toString())));
        }
        return readings;
    }

    private AttachmentFile attachment(Path courseDir, Path moduleDir, Path readingFile, String reference, Integer line,
            List<ContentError> errors) {
        Path path = moduleDir.resolve(reference).normalize();
        String extension = reference.contains(".")
                ? reference.substring(reference.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!path.startsWith(courseDir.normalize())) {
            errors.add(new ContentError(rel(readingFile), line, "content.error.attachmentOutside", reference));
            return null;
        }
        if (!Files.isRegularFile(path)) {
            errors.add(new ContentError(rel(readingFile), line, "content.error.attachmentMissing", reference));
            return null;
        }
        if (!ATTACHMENT_TYPES.contains(extension)) {
            errors.add(new ContentError(rel(readingFile), line, "content.error.attachmentType", reference,
                    String.join(", ", ATTACHMENT_TYPES.stream().sorted().toList())));
            return null;
        }
        try {
            return new AttachmentFile(path.getFileName().toString(), path, sha256(path), Files.size(path),
                    CONTENT_TYPES.get(extension));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private YamlMap parse(String file, String yaml, int lineOffset, List<ContentError> errors) {
        try {
            Node node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
            if (node instanceof MappingNode mapping) {
                return new YamlMap(file, lineOffset, mapping, errors);
            }
            errors.add(new ContentError(file, lineOffset, "content.error.notMapping", "front matter"));
        } catch (MarkedYAMLException e) {
            errors.add(new ContentError(file, e.getProblemMark() == null ? null
                    : e.getProblemMark().getLine() + lineOffset, "content.error.yaml", e.getProblem()));
        } catch (YAMLException e) {
            errors.add(new ContentError(file, null, "content.error.yaml", e.getMessage()));
        }
        return null;
    }

    private String rel(Path path) {
        try {
            return root.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()).toString()
                    .replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return path.toString();
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
