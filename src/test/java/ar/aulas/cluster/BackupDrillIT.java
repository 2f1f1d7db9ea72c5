package ar.aulas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.bench.LoadBenchmark;
import ar.aulas.demo.DemoAccounts;
import ar.aulas.store.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * The restore rehearsal: a store generated at size S is backed up and restored into a new store with the jar's own
 * commands; then the application on each store shows every role the same pages, and every certificate's PDF has the
 * same SHA-256.
 */
class BackupDrillIT {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final Pattern LINK = Pattern.compile("href=\"(/[^\"#?]*)\"");
    static final int PAGES_PER_ROLE = 25;

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int run(Path jar, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("ends: see " + log).isTrue();
        return p.exitValue();
    }

    @Test
    void aRestoredStoreShowsEveryRoleTheSamePagesAndTheSameCertificates() throws Exception {
        Path jar = LoadBenchmark.jar();
        Path work = Files.createTempDirectory("aulas-backup-drill");
        Path original = work.resolve("original");
        Path copy = work.resolve("copy");
        Path archive = work.resolve("aulas.zip");
        assertThat(run(jar, work.resolve("generate.log"), "--aulas.store.data-dir=" + original, "--server.port=0",
                "--aulas.generate=S")).as("generated: see " + work).isZero();

        long t0 = System.nanoTime();
        assertThat(run(jar, work.resolve("backup.log"), "--aulas.backup=" + archive,
                "--aulas.store.data-dir=" + original)).as("backed up: see " + work).isZero();
        long backupMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        assertThat(run(jar, work.resolve("restore.log"), "--aulas.restore=" + archive,
                "--aulas.store.data-dir=" + copy)).as("restored: see " + work).isZero();
        long restoreMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("Size S: archive of %d KB written in %d ms, restored in %d ms%n", Files.size(archive) / 1024,
                backupMs, restoreMs);

        Map<String, String> before = pagesOf(jar, original, work.resolve("original.log"));
        Map<String, String> after = pagesOf(jar, copy, work.resolve("copy.log"));
        assertThat(before.size()).as("pages seen").isGreaterThan(50);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        List<String> differing = before.keySet().stream().filter(page -> !before.get(page).equals(after.get(page)))
                .toList();
        for (String page : differing) {
            System.out.println("Differs: " + page);
        }
        for (String page : differing) {
            assertThat(after.get(page)).as(page).isEqualTo(before.get(page));
        }

        Map<String, String> certificatesBefore = certificates(original);
        assertThat(certificatesBefore).as("the generator's certificates").hasSizeGreaterThan(10);
        assertThat(certificates(copy)).isEqualTo(certificatesBefore);
        System.out.printf("%d pages of %d roles and %d certificate PDFs identical after the restore%n", before.size(),
                DemoAccounts.ALL.size(), certificatesBefore.size());
    }

    /** Each certificate's number and the SHA-256 of its stored PDF, read from the store itself. */
    static Map<String, String> certificates(Path dataDir) throws Exception {
        Map<String, String> sha = new TreeMap<>();
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dataDir, 0, "aulas");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase db = client.getDatabase("aulas");
            for (Document c : db.getCollection("certificates").find()) {
                ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                GridFSBuckets.create(db).downloadToStream(new ObjectId(c.getString("pdfFileId")), pdf);
                String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.toByteArray()));
                assertThat(actual).as("the PDF of " + c.getString("number")).isEqualTo(c.getString("sha256"));
                sha.put(c.getString("number"), actual);
            }
        }
        return sha;
    }

    /** Every role's pages (from its home, following links, up to a bound), each as status and normalized text. */
    static Map<String, String> pagesOf(Path jar, Path dataDir, Path log) throws Exception {
        int port = LoadBenchmark.freePort();
        String base = "http://localhost:" + port;
        Process app = LoadBenchmark.startApp(jar, dataDir, port, List.of("--aulas.demo.enabled=true"), log, null);
        try {
            LoadBenchmark.waitUntilHealthy(app, base, System.nanoTime(), log);
            Map<String, String> pages = new LinkedHashMap<>();
            for (DemoAccounts.Demo demo : DemoAccounts.ALL) {
                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER).build();
                String token = token(get(http, base + "/login").body());
                HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(demo.email()) + "&password="
                                + enc(DemoAccounts.PASSWORD) + "&_csrf=" + enc(token))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).isEqualTo(302);
                Deque<String> queue = new ArrayDeque<>(List.of("/"));
                Set<String> seen = new LinkedHashSet<>(queue);
                while (!queue.isEmpty() && pages.keySet().stream().filter(k -> k.startsWith(demo.email())).count()
                        < PAGES_PER_ROLE) {
                    String path = queue.poll();
                    HttpResponse<String> page = get(http, base + path);
                    String type = page.headers().firstValue("Content-Type").orElse("");
                    String body = type.startsWith("text/html") ? normalized(page.body())
                            : "(" + type + ", " + page.body().length() + " chars)";
                    pages.put(demo.email() + " " + path, page.statusCode() + "\n" + body);
                    Matcher links = LINK.matcher(page.body());
                    while (links.find()) {
                        String link = links.group(1);
                        if (!link.startsWith("/logout") && !link.startsWith("/webjars") && !link.startsWith("/css")
                                && !link.startsWith("/js") && !link.startsWith("/img") && seen.add(link)) {
                            queue.add(link);
                        }
                    }
                }
            }
            return pages;
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
    }

    static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /**
     * What differs between two runs by nature: form tokens (the session's, and a submission form's one-time token),
     * and the record of the course sync each start makes (its time and duration).
     */
    static String normalized(String html) {
        return html.replaceAll("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}( · [^<]*) · \\d+ ms", "(sync)$1 · (ms)")
                .replaceAll("name=\"_csrf\"([^>]*)value=\"[^\"]+\"", "name=\"_csrf\"$1value=\"…\"")
                .replaceAll("<meta name=\"_csrf\" content=\"[^\"]+\"", "<meta name=\"_csrf\" content=\"…\"")
                .replaceAll("name=\"token\" value=\"[0-9a-f-]{36}\"", "name=\"token\" value=\"…\"");
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
