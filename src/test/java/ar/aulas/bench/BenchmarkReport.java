package ar.aulas.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last step of {@code ./mvnw -Pbench verify}: merges what each benchmark wrote under {@code target/bench}
 * (load.json, certificates.json, bombs.json, participation.md) into {@code results.json}, checks the figures against the
 * performance budget of the README, and prints one Markdown report ({@code results.md}). A missed budget is
 * printed, never failed: benchmarks measure, they do not assert.
 */
class BenchmarkReport {

    private static final Path DIR = Path.of("target", "bench");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void mergeAndPrint() throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("java", System.getProperty("java.version"));
        StringBuilder md = new StringBuilder("# Aulas benchmarks\n\n");
        JsonNode load = read("load.json");
        JsonNode certificates = read("certificates.json");
        if (load != null) {
            results.put("load", load);
            md.append(Files.readString(DIR.resolve("load.md"))).append('\n');
        }
        if (certificates != null) {
            results.put("certificates", certificates);
            md.append(String.format(Locale.ROOT, """
                    | Certificates (`CertificateBenchmark`) | value |
                    |---|---|
                    | render + sign, one thread, median / p99 | %.2f ms / %.2f ms |
                    | PDF size | %.1f KB |
                    | bulk issue of %d | %.2f s (%.1f/s), %d failed |

                    """, certificates.get("renderSignMedianMs").asDouble(), certificates.get("renderSignP99Ms").asDouble(),
                    certificates.get("pdfKb").asDouble(), certificates.get("bulk").asInt(), certificates.get("bulkSeconds").asDouble(),
                    certificates.get("bulkPerSecond").asDouble(), certificates.get("bulkFailed").asInt()));
        }
        Path bombs = DIR.resolve("bombs.md");
        if (Files.exists(bombs)) {
            results.put("bombs", read("bombs.json"));
            md.append(Files.readString(bombs)).append('\n');
        }
        Path participation = DIR.resolve("participation.md");
        if (Files.exists(participation)) {
            String table = Files.readString(participation);
            Map<String, String> rows = new LinkedHashMap<>();
            for (String line : table.split("\n")) {
                String[] cells = line.split("\\|");
                if (cells.length >= 3 && !cells[1].isBlank() && !cells[1].startsWith("---")) {
                    rows.put(cells[1].strip(), cells[2].strip());
                }
            }
            results.put("participation", rows);
            md.append(table).append('\n');
        }
        List<String> budget = budget(load, certificates);
        results.put("budget", budget);
        md.append("## Budget (size L, 16 users)\n\n");
        budget.forEach(b -> md.append("- ").append(b).append('\n'));
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve("results.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(results),
                StandardCharsets.UTF_8);
        Files.writeString(DIR.resolve("results.md"), md, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    /** Each figure of the README's budget, met or missed, with the measured value. */
    private static List<String> budget(JsonNode load, JsonNode certificates) {
        List<String> lines = new ArrayList<>();
        if (load != null && load.get("runs") != null) {
            for (JsonNode run : load.get("runs")) {
                if (run.get("concurrency").asInt() != 16) {
                    continue;
                }
                String name = run.get("endpoint").asString();
                double rps = run.get("perSecond").asDouble();
                double p99 = run.get("p99Ms").asDouble();
                switch (name) {
                    case "participant-course-home", "participant-module-page" -> lines.add(verdict(rps >= 900 && p99 <= 40,
                            "%s: %.0f req/s (≥ 900), p99 %.1f ms (≤ 40)".formatted(name, rps, p99)));
                    case "coordinator-programme-view" -> lines.add(verdict(p99 <= 300, "%s: p99 %.1f ms (≤ 300)".formatted(name, p99)));
                    case "coordinator-institution-view" -> lines.add(verdict(p99 <= 100, "%s: p99 %.1f ms (≤ 100)".formatted(name, p99)));
                    default -> {
                    }
                }
            }
            long errors = 0;
            for (JsonNode run : load.get("runs")) {
                errors += run.get("errors").asLong();
            }
            lines.add(verdict(errors == 0, "errors at every concurrency: %d (0)".formatted(errors)));
            if (load.get("peakRssMb") != null && !load.get("peakRssMb").isNull()) {
                long rss = load.get("peakRssMb").asLong();
                lines.add(verdict(rss <= 768, "app peak RSS: %d MB (≤ 768)".formatted(rss)));
            }
        }
        if (certificates != null) {
            lines.add(verdict(certificates.get("renderSignMedianMs").asDouble() <= 10,
                    "render + sign: %.2f ms (≤ 10)".formatted(certificates.get("renderSignMedianMs").asDouble())));
            lines.add(verdict(certificates.get("pdfKb").asDouble() <= 60, "PDF: %.1f KB (≤ 60)".formatted(certificates.get("pdfKb").asDouble())));
            lines.add(verdict(certificates.get("bulkSeconds").asDouble() <= 15,
                    "bulk 1,000: %.2f s (≤ 15)".formatted(certificates.get("bulkSeconds").asDouble())));
        }
        return lines;
    }

    private static String verdict(boolean met, String text) {
        return (met ? "met: " : "**missed**: ") + text;
    }

    private JsonNode read(String name) throws Exception {
        Path file = DIR.resolve(name);
        return Files.exists(file) ? json.readTree(Files.readString(file)) : null;
    }
}
