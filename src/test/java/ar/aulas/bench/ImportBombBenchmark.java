package ar.aulas.bench;

import ar.aulas.bench.LoadBenchmark.Session;
import ar.aulas.demo.DemoAccounts;
import ar.aulas.support.Bombs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decompression bombs against the packaged application, as a separate process with the README's JVM options
 * (as the attack run that found them): each hostile file is uploaded over HTTP by an institution's coordinator
 * (the import) or a trainer (a material), while a second client asks {@code /actuator/health} every 100 ms.
 * Prints, per file: its size, what it would expand to, the answer, the time to refuse it, and the application's
 * peak RSS (VmHWM) after it; then the health probes' count and slowest answer. A spreadsheet at the import's
 * limits (10,000 people) is measured the same way, to compare. Results: {@code target/bench/bombs.json} and
 * {@code bombs.md}.
 */
class ImportBombBenchmark {

    record Shot(String file, String by, double sizeMb, String expandsTo, int status, String answer, long refuseMs,
            long peakRssMb) {
    }

    private final Path out = Path.of("target", "bench");

    @Test
    void bombsAreRefusedWhileTheApplicationStaysHealthy() throws Exception {
        Files.createDirectories(out);
        Path dataDir = out.resolve("bombs-data").toAbsolutePath();
        LoadBenchmark.deleteTree(dataDir);
        Files.createDirectories(dataDir);
        int port = LoadBenchmark.freePort();
        Process app = LoadBenchmark.startApp(LoadBenchmark.jar(), dataDir, port, List.of(), dataDir.resolve("app.log"), null);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("java", System.getProperty("java.version"));
        results.put("jvmOptions", String.join(" ", LoadBenchmark.JVM_OPTIONS));
        List<Long> probes = new CopyOnWriteArrayList<>();
        List<String> probeFailures = new CopyOnWriteArrayList<>();
        AtomicBoolean probing = new AtomicBoolean(true);
        Thread prober = null;
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(30)).build();
            waitUntilUp(app, http, health, dataDir);
            results.put("idleRssMb", LoadBenchmark.rssMb(app.pid(), "VmHWM"));
            Session coordinator = Session.login(base, "coordinacion.sanlorenzo@aulas.demo", "demo-aulas-2026", null,
                    "/imports/participants");
            Session trainer = Session.login(base, "capacitadora@aulas.demo", "demo-aulas-2026", null,
                    "/courses/" + DemoAccounts.COURSE + "/modules/1");
            prober = new Thread(() -> {
                while (probing.get()) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != 200 || !answer.body().contains("UP")) {
                            probeFailures.add(answer.statusCode() + " " + answer.body());
                        }
                        probes.add((System.nanoTime() - start) / 1_000_000);
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException e) {
                        probeFailures.add(e.toString());
                    }
                }
            }, "health-probe");
            prober.start();

            List<Shot> shots = new ArrayList<>();
            String imports = "/imports/participants";
            shots.add(shot(coordinator, imports, "1 GB in one inline cell", "gente.xlsx", Bombs.hugeCell(1L << 30), "1 GB", app));
            shots.add(shot(coordinator, imports, "the same, its sizes rewritten to 1,000 bytes", "gente.xlsx",
                    Bombs.lyingAboutSize(Bombs.hugeCell(1L << 30), "xl/worksheets/sheet1.xml", 1_000), "1 GB", app));
            shots.add(shot(coordinator, imports, "20 million cells", "gente.xlsx", Bombs.manyCells(20_000_000), "0.3 GB", app));
            shots.add(shot(coordinator, imports, "3 GB of blank rows", "gente.xlsx", Bombs.blankRows(500_000_000L, false),
                    "3 GB", app));
            shots.add(shot(coordinator, imports, "20,000 numbered blank rows", "gente.xlsx", Bombs.blankRows(20_000, true),
                    "0.4 MB", app));
            shots.add(shot(coordinator, imports, "a cell of 1,001 characters", "gente.xlsx", Bombs.longCell(1_001), "1 KB", app));
            shots.add(shot(coordinator, imports, "a row of 257 columns", "gente.xlsx", Bombs.wideRow(257), "5 KB", app));
            shots.add(shot(trainer, "/courses/" + DemoAccounts.COURSE + "/modules/1/materials", "a DOCX of 1 GB of text (material)",
                    "informe.docx", docxBomb(1L << 30), "1 GB", app));
            shots.add(shot(coordinator, imports, "10,000 people, at the limits (control)", "gente.csv", people(10_000), "1x",
                    app));
            results.put("shots", shots);
            probing.set(false);
            prober.join();
            prober = null;
            results.put("probes", probes.size());
            results.put("slowestProbeMs", probes.stream().mapToLong(Long::longValue).max().orElse(-1));
            results.put("probesOver1s", probes.stream().filter(ms -> ms > 1000).count());
            results.put("probeFailures", probeFailures);
            results.put("peakRssMb", LoadBenchmark.rssMb(app.pid(), "VmHWM"));
            results.put("aliveAfter", http.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("UP"));
        } finally {
            probing.set(false);
            if (prober != null) {
                prober.join();
            }
            app.destroy();
            app.waitFor();
        }
        String json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(results);
        Files.writeString(out.resolve("bombs.json"), json);
        Files.writeString(out.resolve("bombs.md"), markdown(results));
        System.out.println(markdown(results));
    }

    private static void waitUntilUp(Process app, HttpClient http, HttpRequest health, Path dataDir) throws Exception {
        for (int i = 0; i < 1200; i++) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!app.isAlive()) {
                throw new AssertionError("The application exited: see " + dataDir.resolve("app.log"));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The application did not start: see " + dataDir.resolve("app.log"));
    }

    /** Uploads one file as a multipart form (field {@code file}, and a material's title and kind), timing the answer. */
    private static Shot shot(Session who, String path, String what, String fileName, byte[] bytes, String expands, Process app)
            throws Exception {
        String boundary = "----aulas" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"kind", "FILE"}, {"title", "Bomba"}, {"_csrf", who.csrf()}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1]
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(who.base() + path)).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", who.cookie())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        long start = System.nanoTime();
        HttpResponse<String> response = who.client().send(request, HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        Shot shot = new Shot(what, path.startsWith("/imports") ? "coordinator (San Lorenzo)" : "trainer",
                bytes.length / 1024.0 / 1024.0, expands, response.statusCode(), answer(response.body()), ms,
                LoadBenchmark.rssMb(app.pid(), "VmHWM"));
        System.out.printf(Locale.ROOT, "%-48s %6.2f MB -> %d in %6d ms, peak RSS %d MB: %s%n", what, shot.sizeMb(),
                shot.status(), ms, shot.peakRssMb(), shot.answer());
        return shot;
    }

    /** The page's error message (the alert or the field's feedback), or its title. */
    private static String answer(String page) {
        for (String marker : new String[] {"class=\"invalid-feedback", "role=\"alert\"", "<h1"}) {
            int at = page.indexOf(marker);
            if (at >= 0) {
                String text = page.substring(page.indexOf('>', at) + 1).replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ")
                        .strip();
                int sentence = text.indexOf(". ");
                text = sentence > 0 ? text.substring(0, sentence + 1) : text;
                return text.length() > 140 ? text.substring(0, 140) : text;
            }
        }
        return "";
    }

    /** A DOCX with its main part in {@code [Content_Types].xml} and a document of {@code bytes} letters. */
    private static byte[] docxBomb(long bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/"
                    + "document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main"
                    + "+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "A".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long left = bytes; left > 0; left -= chunk.length) {
                zip.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return buffer.toByteArray();
    }

    /** A CSV of {@code count} new people of San Lorenzo (MSLO), valid in every column. */
    private static byte[] people(int count) {
        StringBuilder csv = new StringBuilder("apellido;nombre;dni;email;institución;cargo/área\n");
        for (int i = 0; i < count; i++) {
            csv.append("Pérez;Ana María;").append(40_000_000 + i).append(";bomba").append(i).append("@sanlorenzo.gob.ar;MSLO;")
                    .append("Planificación\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder("Decompression bombs (`ImportBombBenchmark`): ").append(results.get("cores"))
                .append(" cores, Java ").append(results.get("java")).append(", app JVM `").append(results.get("jvmOptions"))
                .append("`, demo data, uploads over HTTP with a health probe every 100 ms\n\n");
        md.append("| file | by | size | expands to | answer | time to refuse | app peak RSS after |\n|---|---|---|---|---|---|---|\n");
        for (Shot s : (List<Shot>) results.getOrDefault("shots", List.of())) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f MB | %s | %d %s | %d ms | %d MB |%n", s.file(), s.by(),
                    s.sizeMb(), s.expandsTo(), s.status(), s.answer().replace("|", "/"), s.refuseMs(), s.peakRssMb()));
        }
        md.append(String.format(Locale.ROOT, "%nHealth probes during the uploads: %s, slowest %s ms, %s over 1 s, failures %s; "
                + "idle RSS %s MB, peak RSS at the end %s MB; healthy after: %s%n", results.get("probes"),
                results.get("slowestProbeMs"), results.get("probesOver1s"), results.get("probeFailures"), results.get("idleRssMb"),
                results.get("peakRssMb"), results.get("aliveAfter")));
        return md.toString();
    }
}
