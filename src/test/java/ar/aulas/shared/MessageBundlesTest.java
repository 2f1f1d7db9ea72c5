package ar.aulas.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.accounts.Role;
import ar.aulas.institutions.InstitutionType;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every visible string comes from the bundles, and both bundles know every key that is used. */
class MessageBundlesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path JAVA = Path.of("src/main/java");
    static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "value", "label");
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
    static final Pattern JAVA_KEY = Pattern.compile(
            "(?:(?:Exception|Refused|Refusal)\\(\\s*(?:null|\"[a-zA-Z]+\")\\s*,\\s*|Flash\\.(?:success|error)\\(\\s*\\w+\\s*,\\s*"
            + "|getMessage\\(\\s*|rejectValue\\(\\s*\"[a-zA-Z]+\"\\s*,\\s*|orElseThrow\\(\\(\\) -> new \\w+\\(null, )"
            + "\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
    static final Pattern ANNOTATION_KEY = Pattern.compile("message\\s*=\\s*\"\\{([A-Za-z0-9_.]+)}\"");
    static final Pattern SERVICE_KEY = Pattern.compile("Optional\\.of\\(\"([a-z]+\\.[A-Za-z.]+)\"\\)");

    @Test
    void templatesContainNoHardCodedText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            var document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                for (TextNode text : element.textNodes()) {
                    if (!text.text().isBlank() && !element.hasAttr("th:text") && !element.hasAttr("th:utext")
                            && !Set.of("script", "style").contains(element.tagName())) {
                        problems.add(template + ": text '" + text.text().trim() + "' in <" + element.tagName() + ">");
                    }
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    if (element.hasAttr(attribute) && !element.attr(attribute).isBlank()
                            && !(attribute.equals("value") && !isVisibleValue(element))) {
                        problems.add(template + ": attribute " + attribute + "='" + element.attr(attribute) + "'");
                    }
                }
            }
        }
        assertThat(problems).as("hard-coded text in templates").isEmpty();
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeIsInBothBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path template : templates()) {
            collect(TEMPLATE_KEY, Files.readString(template), used);
        }
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                collect(JAVA_KEY, source, used);
                collect(ANNOTATION_KEY, source, used);
                collect(SERVICE_KEY, source, used);
            }
        }
        for (Role role : Role.values()) {
            used.add("role." + role);
        }
        for (InstitutionType type : InstitutionType.values()) {
            used.add("institutionType." + type);
        }
        used.add("lang.es");
        used.add("lang.en");
        assertThat(used).as("keys found").hasSizeGreaterThan(100)
                .contains("account.dni.taken", "password.common", "institution.code.taken", "account.created");

        Properties spanish = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        assertThat(used.stream().filter(k -> !spanish.containsKey(k)).toList()).as("missing in Spanish").isEmpty();
        assertThat(used.stream().filter(k -> !english.containsKey(k)).toList()).as("missing in English").isEmpty();
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Set<Object> spanish = new TreeSet<>(bundle("messages.properties").keySet());
        Set<Object> english = new TreeSet<>(bundle("messages_en.properties").keySet());
        assertThat(english).containsExactlyInAnyOrderElementsOf(spanish);
    }

    private static boolean isVisibleValue(Element element) {
        String type = element.attr("type");
        return element.tagName().equals("input") && (type.equals("submit") || type.equals("button"));
    }

    private static void collect(Pattern pattern, String source, Set<String> into) {
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    static String format(String key, Locale locale, Object... args) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages.getMessage(key, args, locale);
    }

    @Test
    void countsReadRightInTheSingularAndThePluralInBothLanguages() {
        Locale es = Locale.forLanguageTag("es-AR");
        assertThat(format("attendance.enrolled", es, 1)).isEqualTo("1 inscripto");
        assertThat(format("attendance.enrolled", es, 12)).isEqualTo("12 inscriptos");
        assertThat(format("grade.scoreOf", es, "1", BigDecimal.ONE)).isEqualTo("· 1 de 1 punto");
        assertThat(format("grade.scoreOf", es, "7,5", new BigDecimal("7.5"))).isEqualTo("· 7,5 de 7,5 puntos");
        assertThat(format("certificate.counts", es, 1, 1)).isEqualTo("1 emitido · 1 persona puede recibirlo y todavía no lo tiene");
        assertThat(format("certificate.counts", es, 2, 0)).isEqualTo("2 emitidos · nadie más puede recibirlo todavía");
        assertThat(format("sync.done", es, 1)).isEqualTo("Se sincronizó 1 curso.");
        assertThat(format("home.admin.total", es, 1)).isEqualTo("Hay 1 cuenta en total.");
        assertThat(format("accounts.found", es, 1)).isEqualTo("1 cuenta encontrada");
        assertThat(format("exercise.rubric.level", es, "Completo", new BigDecimal("2.5"))).isEqualTo("Completo (2,5 puntos)");
        assertThat(format("attendance.allPresentConfirm", es, 1)).contains("1 persona que no tiene marca");
        assertThat(format("attendance.enrolled", Locale.ENGLISH, 1)).isEqualTo("1 enrolled");
        assertThat(format("grade.scoreOf", Locale.ENGLISH, "1", BigDecimal.ONE)).isEqualTo("· 1 of 1 point");
        assertThat(format("sync.done", Locale.ENGLISH, 1)).isEqualTo("1 course was synchronised.");
        assertThat(format("exercise.rubric.level", Locale.ENGLISH, "Full", new BigDecimal("2.5"))).isEqualTo("Full (2.5 points)");
        assertThat(format("grade.rubric.level", es, "Presente", BigDecimal.ONE)).isEqualTo("Presente (1 punto)");
        assertThat(format("participation.summary", es, 1L, "100,0 %", 1L, 0L))
                .isEqualTo("1 inscripto · asistencia 100,0 % · 1 entrega, ninguna aprobada.");
        assertThat(format("certificate.reason.pendingSessions", es, 1L)).isEqualTo("queda 1 encuentro sin asistencia registrada");
        assertThat(format("search.found", es, 0, "agua")).isEqualTo("Ningún resultado para «agua»");
        assertThat(format("module.readingsRead", es, 0, 1)).isEqualTo("0 de 1 lectura leída");
        assertThat(format("verify.attended", Locale.ENGLISH, 1, 1, 100)).isEqualTo("1 of 1 encounter (100 %)");
        assertThat(format("reminder.sent", es, 1)).isEqualTo("Se escribió a 1 persona.");
    }

    /** Every choice format in both bundles reads right for 0, 1, 2 and 1,5 (a count passed as a number). */
    @Test
    void everyChoiceFormatFormatsEachCount() throws IOException {
        Pattern choice = Pattern.compile("\\{(\\d+),choice,");
        for (String name : List.of("messages.properties", "messages_en.properties")) {
            Properties bundle = bundle(name);
            Locale locale = name.contains("_en") ? Locale.ENGLISH : Locale.forLanguageTag("es-AR");
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                Matcher m = choice.matcher(value);
                int args = 0;
                Matcher all = Pattern.compile("\\{(\\d+)").matcher(value);
                while (all.find()) {
                    args = Math.max(args, Integer.parseInt(all.group(1)) + 1);
                }
                if (!m.find()) {
                    continue;
                }
                for (Object n : List.of(0, 1, 2, new BigDecimal("1.5"))) {
                    Object[] values = new Object[args];
                    Arrays.fill(values, n);
                    assertThat(format(key, locale, values)).as(name + " " + key + " with " + n).isNotBlank()
                            .doesNotContain("{");
                }
            }
        }
    }
}
