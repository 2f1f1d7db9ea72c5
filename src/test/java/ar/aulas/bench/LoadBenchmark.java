package ar.aulas.bench;

import ar.aulas.demo.DataGenerator;
import ar.aulas.store.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The whole application under load, as a separate process, measured by wrk (Debian's package) over real
 * HTTP with logged-in users. {@code ./mvnw -Pbench verify} packages the application, generates size L
 * (once; kept under {@code target/bench/load-<size>}), starts the jar with the JVM options the README
 * recommends, logs in 64 distinct participants (and the demo trainer and coordinator), and for each
 * endpoint runs wrk at concurrency 1, 16 and 64 after a warm-up. Each request of a run goes to the next
 * user's session; any status but the expected one counts as an error. Results: {@code target/bench/load.json}
 * and {@code load.md}, merged with the other benchmarks' by {@link BenchmarkReport}.
 *
 * <p>Options (system properties): {@code bench.size} (S, M, L, XL; default L), {@code bench.seconds} (per run,
 * default 30), {@code bench.warmup} (default 5), {@code bench.concurrency} (default 1,16,64),
 * {@code bench.only} (comma-separated endpoint names), {@code bench.fresh=true} (generate again);
 * environment {@code AULAS_BENCH_MONGODB_URI} for a real MongoDB instead of the embedded store.
 */
class LoadBenchmark {

    /** The JVM options the README recommends for the application. */
    static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx384m", "-XX:+UseG1GC", "-XX:MaxMetaspaceSize=192m",
            "-Xss512k", "-XX:ReservedCodeCacheSize=96m", "-XX:MaxDirectMemorySize=128m");

    record Endpoint(String name, String role, String method, int expected, List<String[]> requests) {
    }

    record Run(String endpoint, int concurrency, double seconds, long requests, double perSecond, double medianMs,
            double p90Ms, double p99Ms, double maxMs, long errors, String errorDetail) {
    }

    private final String size = System.getProperty("bench.size", "L").toUpperCase(Locale.ROOT);
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final int warmup = Integer.getInteger("bench.warmup", 5);
    private final List<Integer> concurrencies = Stream.of(System.getProperty("bench.concurrency", "1,16,64").split(","))
            .map(String::strip).map(Integer::valueOf).toList();
    private final String only = System.getProperty("bench.only", "");
    private final String mongoUri = System.getenv("AULAS_BENCH_MONGODB_URI");
    private final Path out = Path.of("target", "bench");

    @Test
    void theApplicationUnderLoad() throws Exception {
        Files.createDirectories(out);
        Path jar = jar();
        Path dataDir = out.resolve("load-" + size.toLowerCase(Locale.ROOT)).toAbsolutePath();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("java", System.getProperty("java.version"));
        results.put("size", size);
        results.put("store", mongoUri == null ? "embedded (file backend)" : "MongoDB");
        results.put("jvmOptions", String.join(" ", JVM_OPTIONS));

        Path marker = dataDir.resolve("generated.txt");
        if (Boolean.getBoolean("bench.fresh") || (mongoUri == null && !Files.exists(marker))) {
            deleteTree(dataDir);
            Files.createDirectories(dataDir);
            long t0 = System.nanoTime();
            Process generate = start(jar, dataDir, 0, List.of("--aulas.generate=" + size), dataDir.resolve("generate.log"));
            if (generate.waitFor() != 0) {
                throw new AssertionError("The generator failed: see " + dataDir.resolve("generate.log"));
            }
            String log = Files.readString(dataDir.resolve("generate.log"));
            Matcher m = Pattern.compile("Generated size \\w+: .*?: (\\d+) documents in (\\d+) ms \\((\\d+) documents/s\\), (\\d+) certificates").matcher(log);
            if (!m.find()) {
                throw new AssertionError("No generator report in " + dataDir.resolve("generate.log"));
            }
            Files.writeString(marker, m.group(0) + "\n" + "process wall time " + (System.nanoTime() - t0) / 1_000_000 + " ms\n");
        }
        results.put("generator", Files.exists(marker) ? Files.readString(marker).strip() : "(data already in MongoDB)");

        Ids ids = ids(dataDir);
        int port = freePort();
        long started = System.nanoTime();
        Process app = start(jar, dataDir, port, List.of("--aulas.certificates.verifications-per-minute=1000000000",
                "--logging.level.ar.aulas.accounts.web.RequestLogFilter=WARN"), dataDir.resolve("app.log"));
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long readyMs = -1;
            for (int i = 0; i < 1200 && readyMs < 0; i++) {
                try {
                    if (probe.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        readyMs = (System.nanoTime() - started) / 1_000_000;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (readyMs < 0) {
                    if (!app.isAlive()) {
                        throw new AssertionError("The application exited: see " + dataDir.resolve("app.log"));
                    }
                    Thread.sleep(100);
                }
            }
            results.put("coldStartMs", readyMs);

            List<Session> participants = new ArrayList<>();
            int users = Math.min(64, ids.participants().size());
            for (int i = 0; i < users; i++) {
                participants.add(Session.login(base, ids.participants().get(i)[0], DataGenerator.PASSWORD, ids.participants().get(i)[1]));
            }
            Session trainer = Session.login(base, "capacitadora@aulas.demo", "demo-aulas-2026", null);
            Session coordinator = Session.login(base, "coordinacion@aulas.demo", "demo-aulas-2026", null);
            String course = ids.courses().get(0);
            // figures built at start (if any): wait until every course's are current, so the runs measure steady reads
            for (String code : ids.courses()) {
                for (int i = 0; i < 600 && coordinator.get("/courses/" + code + "/participation").contains("data-figures=\"updating\""); i++) {
                    Thread.sleep(500);
                }
            }
            results.put("idleRssMb", rssMb(app.pid(), "VmRSS"));

            List<Endpoint> endpoints = new ArrayList<>();
            endpoints.add(perUser("participant-course-home", participants, s -> "/courses/" + s.course()));
            endpoints.add(perUser("participant-module-page", participants, s -> "/courses/" + s.course() + "/modules/1"));
            endpoints.add(perUser("participant-my-submissions", participants, s -> "/my/submissions"));
            endpoints.add(new Endpoint("trainer-grading-queue-1000", "trainer", "GET", 200, List.<String[]>of(new String[] {
                "/courses/" + course + "/modules/1/exercises/ejercicio-1/submissions", trainer.cookie()})));
            endpoints.add(new Endpoint("coordinator-programme-view", "coordinator", "GET", 200, List.<String[]>of(new String[] {
                "/courses/" + course + "/participation", coordinator.cookie()})));
            List<String[]> institutions = new ArrayList<>();
            ids.institutions().forEach(i -> institutions.add(new String[] {"/courses/" + course + "/participation/institutions/" + i,
                coordinator.cookie()}));
            endpoints.add(new Endpoint("coordinator-institution-view", "coordinator", "GET", 200, institutions));
            endpoints.add(new Endpoint("coordinator-programme-xlsx", "coordinator", "GET", 200, List.<String[]>of(new String[] {
                "/courses/" + course + "/participation/export.xlsx", coordinator.cookie()})));
            List<String[]> verifications = new ArrayList<>();
            ids.certificates().forEach(c -> verifications.add(new String[] {"/verificar/" + c, ""}));
            endpoints.add(new Endpoint("public-certificate-verification", "anyone", "GET", 200, verifications));
            endpoints.add(new Endpoint("static-asset", "anyone", "GET", 200, List.<String[]>of(new String[] {"/css/aulas.css", ""})));

            List<Run> runs = new ArrayList<>();
            for (Endpoint endpoint : endpoints) {
                if (!only.isBlank() && !List.of(only.split(",")).contains(endpoint.name())) {
                    continue;
                }
                for (int c : concurrencies) {
                    wrk(base, endpoint, c, warmup);
                    Run run = wrk(base, endpoint, c, seconds);
                    runs.add(run);
                    System.out.printf(Locale.ROOT, "%-34s c=%-3d %9.1f req/s  median %7.2f ms  p90 %7.2f  p99 %7.2f  max %8.2f  errors %d %s%n",
                            run.endpoint(), c, run.perSecond(), run.medianMs(), run.p90Ms(), run.p99Ms(), run.maxMs(),
                            run.errors(), run.errorDetail());
                }
            }
            results.put("peakRssMb", rssMb(app.pid(), "VmHWM"));
            results.put("storeOnDiskMb", mongoUri == null ? sizeMb(dataDir) : null);
            results.put("runs", runs);
        } finally {
            app.destroy();
            app.waitFor();
        }
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(results);
        Files.writeString(out.resolve("load.json"), json);
        Files.writeString(out.resolve("load.md"), markdown(results));
        System.out.println(markdown(results));
    }

    interface PathOf {
        String of(Session s);
    }

    private static Endpoint perUser(String name, List<Session> sessions, PathOf path) {
        List<String[]> requests = new ArrayList<>();
        sessions.forEach(s -> requests.add(new String[] {path.of(s), s.cookie()}));
        return new Endpoint(name, "participant", "GET", 200, requests);
    }

    /** One wrk run; each request is the next of the endpoint's list (path and that user's session cookie). */
    private Run wrk(String base, Endpoint endpoint, int connections, int duration) throws Exception {
        Path requests = out.resolve("wrk-" + endpoint.name() + ".tsv");
        StringBuilder lines = new StringBuilder();
        for (String[] r : endpoint.requests()) {
            lines.append(r[0]).append('\t').append(r[1]).append('\n');
        }
        Files.writeString(requests, lines);
        Path script = out.resolve("wrk-rotate.lua");
        Files.writeString(script, """
                -- each request is the next of the list (path, session cookie); any status but the expected one is counted
                local threads = {}
                function setup(thread)
                  table.insert(threads, thread)
                end
                function init(args)
                  requests = {}
                  unexpected = 0
                  for line in io.lines(args[1]) do
                    local path, cookie = line:match("([^\t]*)\t(.*)")
                    local headers = {}
                    if cookie ~= "" then headers["Cookie"] = cookie end
                    requests[#requests + 1] = wrk.format("%s", path, headers)
                  end
                  math.randomseed(os.time() + #threads)
                  i = math.random(#requests) - 1
                end
                function request()
                  i = i %% #requests + 1
                  return requests[i]
                end
                function response(status, headers, body)
                  if status ~= %d then
                    unexpected = unexpected + 1
                  end
                end
                function done(summary, latency, requests)
                  local bad = 0
                  for _, t in ipairs(threads) do
                    bad = bad + (t:get("unexpected") or 0)
                  end
                  local e = summary.errors
                  io.write(string.format("RESULT %%d %%d %%d %%.3f %%.3f %%.3f %%.3f %%d %%d %%d %%d %%d\\n",
                    summary.requests, summary.duration, bad, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
                    latency:percentile(99) / 1000, latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout))
                end
                """.formatted(endpoint.method(), endpoint.expected()));
        int threads = Math.min(connections, 2);
        Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration + "s", "--timeout", "10s",
                "-s", script.toString(), base, "--", requests.toAbsolutePath().toString()).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Matcher m = Pattern.compile("RESULT (\\d+) (\\d+) (\\d+) ([\\d.]+) ([\\d.]+) ([\\d.]+) ([\\d.]+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)")
                .matcher(output);
        if (!m.find()) {
            throw new AssertionError("wrk said: " + output);
        }
        long total = Long.parseLong(m.group(1));
        double secs = Long.parseLong(m.group(2)) / 1e6;
        long unexpected = Long.parseLong(m.group(3));
        long socket = Long.parseLong(m.group(8)) + Long.parseLong(m.group(9)) + Long.parseLong(m.group(10))
                + Long.parseLong(m.group(12));
        // a run in which not one request finished (each took longer than the run) counts as failed
        long errors = socket + unexpected + (total == 0 ? 1 : 0);
        String detail = errors == 0 ? "" : "(socket errors and time-outs " + socket + ", unexpected status " + unexpected
                + (total == 0 ? ", no request finished within the run" : "") + ")";
        return new Run(endpoint.name(), connections, secs, total, total / secs, Double.parseDouble(m.group(4)),
                Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)), Double.parseDouble(m.group(7)), errors, detail);
    }

    /** A logged-in user: their session cookie, and the course they follow (participants). */
    record Session(String cookie, String course, HttpClient client, String base) {

        static Session login(String base, String username, String password, String course) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
            if (!csrf.find()) {
                throw new AssertionError("No CSRF token on the login page");
            }
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            HttpResponse<Void> done = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(), HttpResponse.BodyHandlers.discarding());
            String location = done.headers().firstValue("Location").orElse("");
            if (done.statusCode() != 302 || location.contains("error")) {
                throw new AssertionError("Login of " + username + " failed: " + done.statusCode() + " " + location);
            }
            String cookie = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(c -> "JSESSIONID=" + c.getValue()).findFirst().orElseThrow();
            return new Session(cookie, course, client, base);
        }

        String get(String path) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return response.body();
        }
    }

    /** Ids the runs need, read from the store before the application opens it (the embedded file has one owner). */
    record Ids(List<String> courses, List<String> institutions, List<String[]> participants, List<String> certificates) {
    }

    private Ids ids(Path dataDir) {
        String prefix = "G" + (size.equals("XL") ? "X" : size);
        if (mongoUri != null) {
            try (MongoClient client = MongoClients.create(mongoUri)) {
                return ids(client.getDatabase(new com.mongodb.ConnectionString(mongoUri).getDatabase() == null ? "aulas"
                        : new com.mongodb.ConnectionString(mongoUri).getDatabase()), prefix);
            }
        }
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dataDir, 0, "aulas");
                MongoClient client = MongoClients.create(store.connectionString())) {
            return ids(client.getDatabase("aulas"), prefix);
        }
    }

    private static Ids ids(MongoDatabase db, String prefix) {
        List<String> courses = db.getCollection("courses").find(new Document("_id", new Document("$regex", "^" + prefix + "-")))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
        courses.sort(null);
        // the institutions with people in the first course (whose views the coordinator runs open)
        List<String> institutions = new ArrayList<>(db.getCollection("enrolments").find(new Document("courseCode", courses.get(0)))
                .map(d -> d.getString("institutionId")).into(new java.util.TreeSet<>()));
        List<String[]> participants = new ArrayList<>();
        for (Document e : db.getCollection("enrolments").find(new Document("courseCode", new Document("$in", courses))).limit(5_000)) {
            Document account = db.getCollection("accounts").find(new Document("_id", new org.bson.types.ObjectId(e.getString("accountId"))))
                    .first();
            if (account != null && participants.size() < 64) {
                participants.add(new String[] {account.getString("email"), e.getString("courseCode")});
            }
        }
        List<String> certificates = db.getCollection("certificates").find(new Document("status", "VALID")).limit(2_000)
                .map(d -> d.getString("code")).into(new ArrayList<>());
        if (courses.isEmpty() || participants.isEmpty() || certificates.isEmpty()) {
            throw new AssertionError("No generated data of size " + prefix + " in the store");
        }
        return new Ids(courses, institutions, participants, certificates);
    }

    private Process start(Path jar, Path dataDir, int port, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--aulas.store.data-dir=" + dataDir,
                "--logging.level.root=WARN", "--logging.level.ar.aulas.demo=INFO"));
        if (mongoUri != null) {
            command.add("--spring.mongodb.uri=" + mongoUri);
        }
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("aulas-.*\\.jar")).filter(p -> !p.toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("No application jar in target/: run ./mvnw -Pbench verify"))
                    .toAbsolutePath();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Long rssMb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return null;
    }

    private static Double sizeMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".db"))
                    .mapToLong(p -> p.toFile().length()).sum() / 1024.0 / 1024.0;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder();
        md.append("Load (`LoadBenchmark`): size ").append(results.get("size")).append(", ").append(results.get("cores"))
                .append(" cores, Java ").append(results.get("java")).append(", ").append(results.get("store"))
                .append(", app JVM `").append(results.get("jvmOptions")).append("`, wrk on the same machine\n\n");
        md.append("| endpoint | users | req/s | median ms | p90 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|---|---|\n");
        for (Run r : (List<Run>) results.getOrDefault("runs", List.of())) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %,.1f | %.2f | %.2f | %.2f | %.2f | %d |%n", r.endpoint(),
                    r.concurrency(), r.perSecond(), r.medianMs(), r.p90Ms(), r.p99Ms(), r.maxMs(), r.errors()));
        }
        md.append("\n| figure | value |\n|---|---|\n");
        md.append("| data generator | ").append(results.get("generator").toString().replace("\n", "; ")).append(" |\n");
        md.append("| cold start to ready (`/actuator/health` 200) | ").append(results.get("coldStartMs")).append(" ms |\n");
        md.append("| app RSS idle / peak (VmRSS after start, VmHWM at the end) | ").append(results.get("idleRssMb")).append(" MB / ")
                .append(results.get("peakRssMb")).append(" MB |\n");
        if (results.get("storeOnDiskMb") != null) {
            md.append(String.format(Locale.ROOT, "| embedded store on disk | %.1f MB |%n", (Double) results.get("storeOnDiskMb")));
        }
        return md.toString();
    }
}
