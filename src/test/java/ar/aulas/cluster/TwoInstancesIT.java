package ar.aulas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.bench.LoadBenchmark;
import ar.aulas.demo.DemoAccounts;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Aulas processes on one store server, behind a round-robin balancer with no stickiness, as the "several
 * instances" manual describes: sessions, form tokens, an import and a bulk issue cross from one to the other, a
 * scheduled job runs once, and a bulk issue whose instance is killed is finished by the other. Runs the packaged jar
 * (so after {@code package}, in {@code verify}).
 */
class TwoInstancesIT {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final String COURSE = "GS-2001";

    static Path work;
    static Process store;
    static Process a;
    static Process b;
    static String baseA;
    static String baseB;
    static RoundRobinProxy proxy;
    static MongoClient mongo;
    static MongoDatabase db;

    @BeforeAll
    static void start() throws Exception {
        Path jar = LoadBenchmark.jar();
        work = Files.createTempDirectory("aulas-two-instances");
        int storePort = LoadBenchmark.freePort();
        store = new ProcessBuilder(java(), "-Xmx256m", "-jar", jar.toString(), "--aulas.store.serve=" + storePort,
                "--aulas.store.data-dir=" + work.resolve("store")).redirectErrorStream(true)
                .redirectOutput(work.resolve("store.log").toFile()).start();
        awaitPort(storePort, store);
        String uri = "mongodb://127.0.0.1:" + storePort + "/aulas";
        mongo = MongoClients.create(uri);
        db = mongo.getDatabase("aulas");

        int portA = LoadBenchmark.freePort();
        int portB = LoadBenchmark.freePort();
        baseA = "http://localhost:" + portA;
        baseB = "http://localhost:" + portB;
        proxy = new RoundRobinProxy(List.of(baseA, baseB));
        List<String> generate = List.of("--aulas.demo.enabled=true", "--aulas.web.public-base-url=" + proxy.base(),
                "--aulas.generate=S");
        // the morning digest every two seconds on both: its lease must still let it run once
        List<String> common = List.of("--aulas.demo.enabled=true", "--aulas.web.public-base-url=" + proxy.base(),
                "--aulas.conversation.digest-cron=*/2 * * * * *", "--logging.level.aulas.requests=INFO");

        // the generator fills the store first (100 participants, their attendance certificates), then exits
        Process generator = LoadBenchmark.startApp(jar, work.resolve("unused"), LoadBenchmark.freePort(), generate,
                work.resolve("generate.log"), uri);
        assertThat(generator.waitFor(300, TimeUnit.SECONDS)).as("generation ends: see " + work).isTrue();
        assertThat(generator.exitValue()).as("generation succeeds: see " + work.resolve("generate.log")).isZero();

        // a signs with one thread, so its bulk issue is still running when it is killed
        a = LoadBenchmark.startApp(jar, work.resolve("unused"), portA, with(with(common, "--aulas.instance.name=a"),
                "--aulas.certificates.bulk-threads=1"), work.resolve("a.log"), uri);
        LoadBenchmark.waitUntilHealthy(a, baseA, System.nanoTime(), work.resolve("a.log"));
        b = LoadBenchmark.startApp(jar, work.resolve("unused"), portB, with(common, "--aulas.instance.name=b"),
                work.resolve("b.log"), uri);
        LoadBenchmark.waitUntilHealthy(b, baseB, System.nanoTime(), work.resolve("b.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        for (Process p : new Process[] {a, b, store}) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    static List<String> with(List<String> args, String more) {
        List<String> all = new ArrayList<>(args);
        all.add(more);
        return all;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void awaitPort(int port, Process process) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                assertThat(process.isAlive()).as("the store server runs: see " + work.resolve("store.log")).isTrue();
                Thread.sleep(100);
            }
        }
        throw new AssertionError("The store server did not listen: see " + work.resolve("store.log"));
    }

    /** A browser's cookies, sending each request where it is told (the balancer, or one instance directly). */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> upload(String url, String token, String name, byte[] file) throws Exception {
            String boundary = "----aulas" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        static String token(HttpResponse<String> page) {
            Matcher m = CSRF.matcher(page.body());
            assertThat(m.find()).as("a form token in " + page.uri()).isTrue();
            return m.group(1);
        }

        void login(String base, String email) throws Exception {
            String token = URLEncoder.encode(token(get(base + "/login")), StandardCharsets.UTF_8);
            HttpResponse<String> done = post(base + "/login", "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(DemoAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token);
            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(done.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void twoInstancesServeOnePersonWithoutStickinessAndFinishWhatTheOtherLeft() throws Exception {
        // 1. a login whose form came from one instance and was posted to the other, then pages from both in turn
        Browser tech = new Browser();
        tech.login(proxy.base(), "tecnico@aulas.demo");
        long before = proxy.served(baseA) + proxy.served(baseB);
        int kept = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> home = tech.get(proxy.base() + "/");
            if (home.statusCode() == 200 && home.body().contains("Juan Pablo Arias")) {
                kept++;
            }
        }
        assertThat(kept).as("logged in on every page, from either instance").isEqualTo(20);
        assertThat(proxy.served(baseA)).isGreaterThanOrEqualTo(10);
        assertThat(proxy.served(baseB)).isGreaterThanOrEqualTo(10);
        System.out.printf("Through the balancer: %d requests served by a, %d by b; %d of 20 pages logged in%n",
                proxy.served(baseA), proxy.served(baseB), kept);
        assertThat(proxy.served(baseA) + proxy.served(baseB) - before).isEqualTo(20);

        // 2. an import previewed on a, confirmed on b (the coordinator's one session, on both)
        Browser coordinator = new Browser();
        coordinator.login(proxy.base(), "coordinacion@aulas.demo");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        int dni = 40_000_000 + Math.floorMod(tag.hashCode(), 9_000_000);
        byte[] csv = ("apellido;nombre;dni;email;institución\nPaz;Irene;" + dni + ";irene." + tag
                + "@salta.gob.ar;MSAL\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> preview = coordinator.upload(baseA + "/imports/participants",
                Browser.token(coordinator.get(baseA + "/imports/participants")), "gente.csv", csv);
        assertThat(preview.statusCode()).isEqualTo(200);
        Matcher confirmForm = Pattern.compile("/imports/participants/([0-9a-f]{32})/confirm").matcher(preview.body());
        assertThat(confirmForm.find()).isTrue();
        HttpResponse<String> confirmed = coordinator.post(baseB + "/imports/participants/" + confirmForm.group(1)
                + "/confirm", "_csrf=" + enc(Browser.token(preview)));
        assertThat(confirmed.statusCode()).as("confirmed on b").isEqualTo(302);
        String importJob = path(confirmed);
        awaitPage(coordinator, baseA + importJob, "Terminada.");
        assertThat(db.getCollection("accounts").countDocuments(new Document("email", "irene." + tag + "@salta.gob.ar")))
                .isEqualTo(1);

        // 3. a bulk issue started on a, followed on b; a is killed and b finishes it
        HttpResponse<String> overview = coordinator.get(baseA + "/courses/" + COURSE + "/certificates");
        assertThat(overview.statusCode()).isEqualTo(200);
        HttpResponse<String> started = coordinator.post(baseA + "/courses/" + COURSE + "/certificates/bulk",
                "type=APPROVAL&_csrf=" + enc(Browser.token(overview)));
        assertThat(started.statusCode()).isEqualTo(302);
        String job = path(started);
        String jobId = job.substring(job.lastIndexOf('/') + 1);
        Document approvals = new Document("courseCode", COURSE).append("type", "APPROVAL");
        for (int i = 0; i < 6000 && db.getCollection("certificates").countDocuments(approvals) == 0; i++) {
            Thread.sleep(10);
        }
        a.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL, once the first certificate is numbered
        long killed = System.nanoTime();
        long numberedAtKill = db.getCollection("certificates").countDocuments(approvals);
        Document atKill = db.getCollection("certificate_jobs").find(new Document("_id", new ObjectId(jobId))).first();
        assertThat(atKill.getInteger("total")).as("a job worth resuming").isGreaterThanOrEqualTo(10);
        assertThat(coordinator.get(baseB + job).body()).as("its progress, seen on b").contains("participantes");
        awaitPage(coordinator, baseB + job, "Terminada.");
        long resumedInMs = (System.nanoTime() - killed) / 1_000_000;
        Document done = db.getCollection("certificate_jobs").find(new Document("_id", new ObjectId(jobId))).first();
        assertThat(done.getInteger("resumes")).as("b resumed it").isEqualTo(1);
        List<Integer> sequences = new ArrayList<>();
        db.getCollection("certificates").find(approvals).forEach(c -> sequences.add(c.getInteger("sequence")));
        sequences.sort(null);
        assertThat(sequences).hasSize(atKill.getInteger("total")).doesNotHaveDuplicates();
        assertThat(sequences.get(sequences.size() - 1) - sequences.get(0)).as("no gap").isEqualTo(sequences.size() - 1);
        System.out.printf("Bulk issue of %d certificates: a killed with %d numbered; b finished it %d ms after the kill%n",
                sequences.size(), numberedAtKill, resumedInMs);

        // 4. with a gone, the balancer sends everything to b, and the person is still logged in
        assertThat(tech.get(proxy.base() + "/").body()).contains("Juan Pablo Arias");

        // 5. the digest ran every two seconds on both instances for the whole test, and was run once
        Document digest = db.getCollection("job_leases").find(new Document("_id", "debate-digest")).first();
        assertThat(digest).isNotNull();
        assertThat(((Number) digest.get("runs")).longValue()).as("the digest ran once").isEqualTo(1);
        assertThat(digest.getString("owner")).isIn("a", "b");
        System.out.printf("Daily digest scheduled every 2 s on two instances: run %s time(s), by %s%n",
                digest.get("runs"), digest.get("owner"));

        // 6. logout (a form token from b's page, posted through the balancer) ends the session everywhere
        HttpResponse<String> out = tech.post(proxy.base() + "/logout", "_csrf=" + enc(Browser.token(tech.get(baseB + "/"))));
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(tech.get(baseB + "/").statusCode()).isEqualTo(302);
    }

    /** The path of a redirect (an instance answers with its own address, the balancer's with the balancer's). */
    static String path(HttpResponse<String> redirect) {
        return URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawPath();
    }

    static void awaitPage(Browser browser, String url, String text) throws Exception {
        for (int i = 0; i < 1200; i++) {
            HttpResponse<String> page = browser.get(url);
            if (page.statusCode() == 200 && page.body().contains(text)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(url + " never showed «" + text + "»: see " + work);
    }
}
