package ar.aulas.bench;

import ar.aulas.demo.DataGenerator;
import ar.aulas.store.EmbeddedMongo;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.layout.element.Paragraph;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

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
public class LoadBenchmark {

    /** The JVM options the README recommends for the application. */
    static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx384m", "-XX:+UseG1GC", "-XX:MaxMetaspaceSize=192m",
            "-Xss512k", "-XX:ReservedCodeCacheSize=96m", "-XX:MaxDirectMemorySize=128m");

    /**
     * What one endpoint's runs send. Each request line is {method, path, cookie, CSRF token, body kind, body}:
     * kind {@code get}, {@code form} (the body as given), {@code upload} (a multipart work with the 200 KB file and a
     * form token of its own). Reading endpoints rotate over their lines; writing ones ({@code once}) send each line
     * once across all runs (a check-in or a grade save of a given version can only happen once), and the lines are
     * made again before each run ({@code lines}: codes that change every 30 seconds). A response whose Location
     * contains {@code badLocation} counts as an error (the check-in's redirect back to a refused code).
     */
    record Endpoint(String name, String role, int expected, String badLocation, boolean once, Lines lines) {

        Endpoint(String name, String role, int expected, List<String[]> requests) {
            this(name, role, expected, "", false, duration -> requests);
        }
    }

    interface Lines {
        /** The lines for a run of {@code duration} seconds. */
        List<String[]> make(int duration) throws Exception;
    }

    record Run(String endpoint, int concurrency, double seconds, long requests, double perSecond, double medianMs,
            double p90Ms, double p99Ms, double maxMs, long errors, String errorDetail) {
    }

    private final String size = System.getProperty("bench.size", "L").toUpperCase(Locale.ROOT);
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final int warmup = Integer.getInteger("bench.warmup", 5);
    private final int jitWarmup = Integer.getInteger("bench.jit-warmup", 30);
    private final List<Integer> concurrencies = Stream.of(System.getProperty("bench.concurrency", "1,16,64").split(","))
            .map(String::strip).map(Integer::valueOf).toList();
    private final String only = System.getProperty("bench.only", "");
    private final String mongoUri = System.getenv("AULAS_BENCH_MONGODB_URI");
    private final Path out = Path.of("target", "bench");
    /** Writing endpoints: how many of their lines the runs so far used. */
    private final Map<String, Long> used = new HashMap<>();
    /** Distinct check-ins available: people logged in for it, and sessions opened in each course. */
    private final int checkInPeople = Integer.getInteger("bench.check-in-people", 4_000);
    private final int checkInSessions = Integer.getInteger("bench.check-in-sessions", 6);

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
        // the runs write (works, check-ins, grades): they get a copy, the generated store stays as generated
        Path runDir = dataDir;
        if (mongoUri == null) {
            runDir = out.resolve("load-" + size.toLowerCase(Locale.ROOT) + "-run").toAbsolutePath();
            deleteTree(runDir);
            copyTree(dataDir, runDir);
        }
        if (mongoUri == null) {
            // the plain jar first, as a first start after the generator (its clean stop compacted the store)
            int plainPort = freePort();
            long plainStarted = System.nanoTime();
            Process plain = startApp(jar, runDir, plainPort, List.of(), runDir.resolve("app-plain.log"), null, null);
            try {
                results.put("coldStartPlainMs", waitUntilHealthy(plain, "http://127.0.0.1:" + plainPort, plainStarted,
                        runDir.resolve("app-plain.log")));
            } finally {
                plain.destroy();
                plain.waitFor(120, TimeUnit.SECONDS);
            }
        }
        // then the runs' instance, started from the extracted jar with its class data archive (docs/configuration.md)
        Path archived = Boolean.parseBoolean(System.getProperty("bench.cds", "true")) ? ClassDataArchive.of(jar, out) : null;
        int port = freePort();
        long started = System.nanoTime();
        Process app = archived == null ? start(jar, runDir, port, RUN_ARGS, runDir.resolve("app.log"))
                : startApp(ClassDataArchive.jarIn(archived), runDir, port, RUN_ARGS, runDir.resolve("app.log"), mongoUri, archived);
        try {
            String base = "http://127.0.0.1:" + port;
            long readyMs = waitUntilHealthy(app, base, started, runDir.resolve("app.log"));
            results.put("coldStartMs", readyMs);
            results.put("classDataSharing", archived != null);

            long loginStart = System.nanoTime();
            List<Session> participants = new ArrayList<>();
            for (String[] p : ids.participants()) {
                participants.add(Session.login(base, p[0], DataGenerator.PASSWORD, p[1],
                        "/courses/" + p[1] + "/modules/" + p[2] + "/exercises/" + p[3]));
            }
            Session trainer = Session.login(base, "capacitadora@aulas.demo", "demo-aulas-2026", null, "/");
            Session coordinator = Session.login(base, "coordinacion@aulas.demo", "demo-aulas-2026", null, "/");
            List<Session> checkIns = loginAll(base, ids.checkIns());
            results.put("logins", participants.size() + checkIns.size() + 2);
            results.put("loginsMs", (System.nanoTime() - loginStart) / 1_000_000);
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
            endpoints.add(new Endpoint("trainer-grading-queue-1000", "trainer", 200, List.<String[]>of(get(
                "/courses/" + course + "/modules/1/exercises/ejercicio-1/submissions", trainer))));
            endpoints.add(new Endpoint("coordinator-programme-view", "coordinator", 200, List.<String[]>of(get(
                "/courses/" + course + "/participation", coordinator))));
            List<String[]> institutions = new ArrayList<>();
            ids.institutions().forEach(i -> institutions.add(get("/courses/" + course + "/participation/institutions/" + i,
                coordinator)));
            endpoints.add(new Endpoint("coordinator-institution-view", "coordinator", 200, institutions));
            endpoints.add(new Endpoint("coordinator-programme-xlsx", "coordinator", 200, List.<String[]>of(get(
                "/courses/" + course + "/participation/export.xlsx", coordinator))));
            List<String[]> verifications = new ArrayList<>();
            ids.certificates().forEach(c -> verifications.add(get("/verificar/" + c, null)));
            endpoints.add(new Endpoint("public-certificate-verification", "anyone", 200, verifications));
            endpoints.add(new Endpoint("static-asset", "anyone", 200, List.<String[]>of(get("/css/aulas.css", null))));
            List<Session> firstCourse = participants.stream().filter(p -> p.course().equals(course)).toList();
            if (ids.longThread() != null && !firstCourse.isEmpty()) {
                endpoints.add(perUser("participant-debate-1000-threads", firstCourse, s -> "/courses/" + course + "/debates/1"));
                endpoints.add(perUser("participant-thread-500-replies", firstCourse,
                        s -> "/courses/" + course + "/threads/" + ids.longThread()));
            }
            // the library (5,000 generated documents at size L): searches with and without words and filters, a page each
            List<String> searches = List.of("/library?q=movilidad", "/library?q=cartografia&type=MAP", "/library?q=agua+saneamiento",
                    "/library?locality=San+Lorenzo&sort=title", "/library?q=riesgo+hidrico&page=2", "/library");
            AtomicInteger search = new AtomicInteger();
            endpoints.add(perUser("participant-library-search", participants,
                    s -> searches.get(search.getAndIncrement() % searches.size())));
            // the writing ones last: a work submitted again (its 200 KB file replacing the one before), each
            // check-in of a person into a session once, each grade save once on the version it read
            List<String[]> works = new ArrayList<>();
            for (int i = 0; i < participants.size(); i++) {
                String[] p = ids.participants().get(i);
                works.add(new String[] {"POST", "/courses/" + p[1] + "/modules/" + p[2] + "/exercises/" + p[3],
                    participants.get(i).cookie(), participants.get(i).csrf(), "upload", ""});
            }
            endpoints.add(new Endpoint("participant-submission-post-200kb", "participant", 302, works));
            endpoints.add(new Endpoint("participant-check-in-post", "participant", 302, "?c=", true,
                    duration -> checkInLines(trainer, checkIns, duration)));
            List<String[]> grades = new ArrayList<>();
            for (String[] g : ids.grades()) {
                grades.add(new String[] {"POST", "/courses/" + g[0] + "/grading/" + g[1], trainer.cookie(), trainer.csrf(), "form",
                    "version=" + g[2] + "&score=7&verdict=APPROVED&feedback=Revisado"});
            }
            endpoints.add(new Endpoint("trainer-grade-save", "trainer", 302, "", true, duration -> grades));
            if (ids.thread() != null && !firstCourse.isEmpty()) {
                List<String[]> replies = new ArrayList<>();
                for (Session p : firstCourse) {
                    replies.add(new String[] {"POST", "/courses/" + course + "/threads/" + ids.thread(), p.cookie(), p.csrf(),
                        "form", "text=Coincido%3A+hay+que+coordinar+con+los+municipios+vecinos."});
                }
                endpoints.add(new Endpoint("participant-reply-post", "participant", 302, replies));
            }
            results.put("distinctWrites", Map.of("checkIns", (long) checkIns.size() * checkInSessions, "gradeSaves", grades.size()));

            // the JIT compiles the hot paths during the first minutes (measured: the course home at 64 users went
            // 171 → 285 → 331 → 395 requests/s in four consecutive 15 s runs after start): one pass over the reading
            // endpoints first, so each is measured warm, as a server is after its first minutes
            long warmStart = System.nanoTime();
            for (Endpoint endpoint : endpoints) {
                if (!endpoint.once() && endpoint.expected() == 200 && (only.isBlank() || List.of(only.split(",")).contains(endpoint.name()))) {
                    wrk(base, endpoint, 16, jitWarmup);
                }
            }
            results.put("jitWarmupSeconds", (System.nanoTime() - warmStart) / 1_000_000_000);

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
            results.put("storeOnDiskMb", mongoUri == null ? sizeMb(runDir) : null);
            results.put("runs", runs);
        } finally {
            app.destroy();
            app.waitFor();
        }
        String json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
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
        sessions.forEach(s -> requests.add(get(path.of(s), s)));
        return new Endpoint(name, "participant", 200, requests);
    }

    private static String[] get(String path, Session session) {
        return new String[] {"GET", path, session == null ? "" : session.cookie(), "", "get", ""};
    }

    /** Logs in many people at once (4 clients), each with the CSRF token of their check-in page. */
    private static List<Session> loginAll(String base, List<String[]> people) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Session>> logins = new ArrayList<>();
            for (String[] p : people) {
                logins.add(pool.submit(() -> Session.login(base, p[0], DataGenerator.PASSWORD, p[1], "/check-in")));
            }
            List<Session> sessions = new ArrayList<>();
            for (var login : logins) {
                sessions.add(login.get());
            }
            return sessions;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sessions added for the check-in runs: {course, number}, each with its check-in window open. */
    private List<String[]> openedSessions;

    /**
     * The check-ins of a run: the people logged in for it, each into their course's sessions opened for the
     * benchmark (round k: everyone into their k-th), with the code the trainer's projected page shows now. A code
     * is accepted in its 30 s step and the next: the run starts when what is left of that covers it.
     */
    private List<String[]> checkInLines(Session trainer, List<Session> people, int duration) throws Exception {
        if (openedSessions == null) {
            openedSessions = new ArrayList<>();
            String today = LocalDate.now(ZoneId.of("America/Argentina/Salta")).toString();
            Set<String> courses = new TreeSet<>();
            people.forEach(p -> courses.add(p.course()));
            for (String code : courses) {
                for (int k = 0; k < checkInSessions; k++) {
                    String location = trainer.post("/courses/" + code + "/modules/5/attendance/sessions",
                            "date=" + today + "&start=00:00&end=23:59&venue=Banco+de+pruebas+" + (k + 1));
                    Matcher number = Pattern.compile("session=(\\d+)").matcher(location);
                    if (!number.find()) {
                        throw new AssertionError("No session added in " + code + ": " + location);
                    }
                    trainer.post("/courses/" + code + "/modules/5/attendance/check-in?session=" + number.group(1), "");
                    openedSessions.add(new String[] {code, number.group(1)});
                }
            }
        }
        long inStep = (System.currentTimeMillis() / 1000) % 30;
        if (60 - inStep < duration + 4) {
            Thread.sleep((30 - inStep) * 1000 + 500);
        }
        Map<String, List<String>> codes = new LinkedHashMap<>();
        Pattern shown = Pattern.compile("check-in-code[^\"]*\">([A-Z0-9]+)<");
        for (String[] session : openedSessions) {
            Matcher m = shown.matcher(trainer.get("/courses/" + session[0] + "/modules/5/attendance/check-in?session=" + session[1]));
            if (!m.find()) {
                throw new AssertionError("No code shown for session " + session[1] + " of " + session[0]);
            }
            codes.computeIfAbsent(session[0], c -> new ArrayList<>()).add(m.group(1));
        }
        List<String[]> lines = new ArrayList<>();
        for (int k = 0; k < checkInSessions; k++) {
            for (Session p : people) {
                lines.add(new String[] {"POST", "/check-in", p.cookie(), p.csrf(), "form", "code=" + codes.get(p.course()).get(k)});
            }
        }
        return lines;
    }

    /**
     * One wrk run. Rotating endpoints start each connection at a random line and take the next; {@code once}
     * endpoints continue where the previous run stopped, each thread taking every n-th line.
     */
    private Run wrk(String base, Endpoint endpoint, int connections, int duration) throws Exception {
        List<String[]> lines = endpoint.lines().make(duration);
        long offset = endpoint.once() ? used.getOrDefault(endpoint.name(), 0L) : 0;
        Path requests = out.resolve("wrk-" + endpoint.name() + ".tsv");
        StringBuilder text = new StringBuilder();
        for (String[] r : lines) {
            text.append(String.join("\t", r)).append('\n');
        }
        Files.writeString(requests, text);
        Path upload = out.resolve("upload-200kb.pdf");
        if (!Files.exists(upload)) {
            Files.write(upload, reportPdf(200 * 1024));
        }
        Path script = out.resolve("wrk-requests.lua");
        Files.writeString(script, """
                -- args: lines file, mode (rotate|once), offset, threads, expected status, bad Location text, upload file
                local threads = {}
                local count = 0
                function setup(thread)
                  count = count + 1
                  thread:set("tid", count)
                  table.insert(threads, thread)
                end
                function init(args)
                  lines = {}
                  for line in io.lines(args[1]) do
                    local f = {}
                    for field in (line .. "\\t"):gmatch("([^\\t]*)\\t") do f[#f + 1] = field end
                    lines[#lines + 1] = f
                  end
                  once = args[2] == "once"
                  offset = tonumber(args[3])
                  nthreads = tonumber(args[4])
                  expected = tonumber(args[5])
                  bad = args[6]
                  if args[7] ~= "-" then
                    local file = io.open(args[7], "rb")
                    upload = file:read("*a")
                    file:close()
                  end
                  unexpected = 0
                  exhausted = 0
                  sent = 0
                  math.randomseed(os.time() + tid)
                  i = math.random(#lines) - 1
                end
                local B = "----aulas-bench"
                local function part(name, value)
                  return "--" .. B .. "\\r\\nContent-Disposition: form-data; name=\\"" .. name .. "\\"\\r\\n\\r\\n" .. value .. "\\r\\n"
                end
                function request()
                  local r
                  if once then
                    local k = offset + (tid - 1) + sent * nthreads + 1
                    if k > #lines then
                      exhausted = exhausted + 1
                      k = #lines
                    end
                    r = lines[k]
                  else
                    i = i % #lines + 1
                    r = lines[i]
                  end
                  sent = sent + 1
                  local headers = {}
                  if r[3] ~= "" then headers["Cookie"] = r[3] end
                  if r[4] ~= "" then headers["X-CSRF-TOKEN"] = r[4] end
                  local body = nil
                  if r[5] == "form" then
                    headers["Content-Type"] = "application/x-www-form-urlencoded"
                    body = r[6]
                  elseif r[5] == "upload" then
                    headers["Content-Type"] = "multipart/form-data; boundary=" .. B
                    body = part("text", "Informe del equipo") .. part("action", "submit") .. part("replaceFiles", "true")
                      .. part("token", "bench-" .. tid .. "-" .. sent .. "-" .. os.time())
                      .. "--" .. B .. "\\r\\nContent-Disposition: form-data; name=\\"files\\"; filename=\\"informe.pdf\\"\\r\\n"
                      .. "Content-Type: application/pdf\\r\\n\\r\\n" .. upload .. "\\r\\n--" .. B .. "--\\r\\n"
                  end
                  return wrk.format(r[1], r[2], headers, body)
                end
                function response(status, headers, body)
                  local location = headers["Location"]
                  if status ~= expected or (bad ~= "-" and location ~= nil and string.find(location, bad, 1, true)) then
                    unexpected = unexpected + 1
                  end
                end
                function done(summary, latency, requests)
                  local wrong, out, most = 0, 0, 0
                  for _, t in ipairs(threads) do
                    wrong = wrong + (t:get("unexpected") or 0)
                    out = out + (t:get("exhausted") or 0)
                    most = math.max(most, t:get("sent") or 0)
                  end
                  local e = summary.errors
                  io.write(string.format("RESULT %d %d %d %.3f %.3f %.3f %.3f %d %d %d %d %d %d %d\\n",
                    summary.requests, summary.duration, wrong, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
                    latency:percentile(99) / 1000, latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout,
                    out, most))
                end
                """);
        int threads = Math.min(connections, 2);
        boolean uploads = lines.stream().anyMatch(r -> r[4].equals("upload"));
        Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration + "s", "--timeout", "10s",
                "-s", script.toString(), base, "--", requests.toAbsolutePath().toString(), endpoint.once() ? "once" : "rotate",
                String.valueOf(offset), String.valueOf(threads), String.valueOf(endpoint.expected()),
                endpoint.badLocation().isEmpty() ? "-" : endpoint.badLocation(),
                uploads ? upload.toAbsolutePath().toString() : "-").redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Matcher m = Pattern.compile("RESULT (\\d+) (\\d+) (\\d+) ([\\d.]+) ([\\d.]+) ([\\d.]+) ([\\d.]+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)")
                .matcher(output);
        if (!m.find()) {
            throw new AssertionError("wrk said: " + output);
        }
        long total = Long.parseLong(m.group(1));
        double secs = Long.parseLong(m.group(2)) / 1e6;
        long unexpected = Long.parseLong(m.group(3));
        long socket = Long.parseLong(m.group(8)) + Long.parseLong(m.group(9)) + Long.parseLong(m.group(10))
                + Long.parseLong(m.group(12));
        long exhausted = Long.parseLong(m.group(13));
        if (endpoint.once()) {
            used.put(endpoint.name(), offset + threads * Long.parseLong(m.group(14)));
        }
        // a run in which not one request finished (each took longer than the run) counts as failed
        long errors = socket + unexpected + (total == 0 ? 1 : 0);
        String detail = errors == 0 && exhausted == 0 ? "" : "(socket errors and time-outs " + socket + ", unexpected status or location "
                + unexpected + (exhausted > 0 ? ", requests beyond the " + lines.size() + " distinct ones: " + exhausted : "")
                + (total == 0 ? ", no request finished within the run" : "") + ")";
        return new Run(endpoint.name(), connections, secs, total, total / secs, Double.parseDouble(m.group(4)),
                Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)), Double.parseDouble(m.group(7)), errors, detail);
    }

    /** A logged-in user: their session cookie and CSRF token, and the course they follow (participants). */
    record Session(String cookie, String csrf, String course, HttpClient client, String base) {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        static Session login(String base, String username, String password, String course, String formPage) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(page);
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
            // SESSION: sessions kept in the store (the jar's default); JSESSIONID: the servlet container's
            String cookie = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("SESSION") || c.getName().equals("JSESSIONID"))
                    .map(c -> c.getName() + "=" + c.getValue()).findFirst().orElseThrow();
            Session session = new Session(cookie, null, course, client, base);
            // the token of the logged-in session, from a page with a form (the login changed it)
            Matcher token = CSRF.matcher(session.get(formPage));
            if (!token.find()) {
                throw new AssertionError("No CSRF token on " + formPage);
            }
            return new Session(cookie, token.group(1), course, client, base);
        }

        String get(String path) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return response.body();
        }

        /** A form post answered with a redirect: where to. */
        String post(String path, String form) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return response.headers().firstValue("Location").orElse("");
        }
    }

    /**
     * Ids the runs need, read from the store before the application opens it (the embedded file has one owner):
     * participants {email, course, module, exercise} (each with an exercise they may still hand in), the people
     * for check-ins {email, course}, submissions to grade {course, id, version}.
     */
    record Ids(List<String> courses, List<String> institutions, List<String[]> participants, List<String[]> checkIns,
            List<String[]> grades, List<String> certificates, String longThread, String thread) {
    }

    private Ids ids(Path dataDir) {
        String prefix = "G" + (size.equals("XL") ? "X" : size);
        if (mongoUri != null) {
            try (MongoClient client = MongoClients.create(mongoUri)) {
                return ids(client.getDatabase(new ConnectionString(mongoUri).getDatabase() == null ? "aulas"
                        : new ConnectionString(mongoUri).getDatabase()), prefix);
            }
        }
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dataDir, 0, "aulas");
                MongoClient client = MongoClients.create(store.connectionString())) {
            return ids(client.getDatabase("aulas"), prefix);
        }
    }

    private Ids ids(MongoDatabase db, String prefix) {
        List<String> courses = db.getCollection("courses").find(new Document("_id", new Document("$regex", "^" + prefix + "-")))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
        courses.sort(null);
        if (courses.isEmpty()) {
            throw new AssertionError("No generated data of size " + prefix + " in the store");
        }
        // the institutions with people in the first course (whose views the coordinator runs open)
        List<String> institutions = new ArrayList<>(db.getCollection("enrolments").find(new Document("courseCode", courses.get(0)))
                .map(d -> d.getString("institutionId")).into(new TreeSet<>()));
        // every submission's owner, status and version
        Map<String, String> status = new HashMap<>();
        List<Document> submitted = db.getCollection("submissions").find(new Document("courseCode", new Document("$in", courses)))
                .projection(new Document("exerciseId", 1).append("ownerKey", 1).append("status", 1).append("version", 1)
                        .append("courseCode", 1)).into(new ArrayList<>());
        submitted.forEach(d -> status.put(d.getString("exerciseId") + "|" + d.getString("ownerKey"), d.getString("status")));
        List<String[]> participants = new ArrayList<>();
        List<String[]> checkIns = new ArrayList<>();
        Set<String> posting = new HashSet<>();
        Map<String, String[]> wanted = new LinkedHashMap<>();
        for (Document e : db.getCollection("enrolments").find(new Document("courseCode", new Document("$in", courses)))) {
            if (participants.size() + wanted.size() >= 64 + checkInPeople) {
                break;
            }
            String account = e.getString("accountId");
            String code = e.getString("courseCode");
            String[] open = null;
            for (int m = 1; m <= 5 && open == null; m++) {
                String st = status.get(code + "/" + m + "/ejercicio-" + m + "|p:" + account);
                if (st == null || st.equals("SUBMITTED") || st.equals("DRAFT")) {
                    open = new String[] {code, String.valueOf(m), "ejercicio-" + m};
                }
            }
            if (posting.size() < 64 && open != null) {
                posting.add("p:" + account);
                wanted.put(account, new String[] {"poster", open[0], open[1], open[2]});
            } else if (wanted.size() < 64 + checkInPeople) {
                wanted.put(account, new String[] {"check-in", code});
            }
        }
        List<String> accountIds = new ArrayList<>(wanted.keySet());
        Map<String, String> emails = new HashMap<>();
        for (int from = 0; from < accountIds.size(); from += 500) {
            List<ObjectId> chunk = accountIds.subList(from, Math.min(from + 500, accountIds.size())).stream()
                    .map(ObjectId::new).toList();
            db.getCollection("accounts").find(new Document("_id", new Document("$in", chunk)))
                    .projection(new Document("email", 1)).forEach(a -> emails.put(a.getObjectId("_id").toHexString(), a.getString("email")));
        }
        wanted.forEach((account, w) -> {
            if (emails.containsKey(account)) {
                if (w[0].equals("poster")) {
                    participants.add(new String[] {emails.get(account), w[1], w[2], w[3]});
                } else {
                    checkIns.add(new String[] {emails.get(account), w[1]});
                }
            }
        });
        // grade saves: submitted work of everyone but the 64 who hand in during the runs
        List<String[]> grades = new ArrayList<>();
        for (Document d : submitted) {
            if (!posting.contains(d.getString("ownerKey")) && !"DRAFT".equals(d.getString("status")) && grades.size() < 40_000) {
                Object version = d.get("version");
                grades.add(new String[] {d.getString("courseCode"), d.get("_id").toString(),
                    String.valueOf(version == null ? 0 : ((Number) version).longValue())});
            }
        }
        List<String> certificates = db.getCollection("certificates").find(new Document("status", "VALID")).limit(2_000)
                .map(d -> d.getString("code")).into(new ArrayList<>());
        if (participants.isEmpty() || certificates.isEmpty()) {
            throw new AssertionError("No generated data of size " + prefix + " in the store");
        }
        // the first edition's debate of encounter 1: its longest thread (500 replies) and another one to reply to
        Document longest = db.getCollection("threads").find(new Document("courseCode", courses.get(0)).append("space", "m1"))
                .sort(new Document("posts", -1)).first();
        Document another = db.getCollection("threads").find(new Document("courseCode", courses.get(0)).append("space", "m1")
                .append("posts", new Document("$lt", 10))).first();
        return new Ids(courses, institutions, participants, checkIns.subList(0, Math.min(checkInPeople, checkIns.size())),
                grades, certificates, longest == null ? null : longest.get("_id").toString(),
                another == null ? null : another.get("_id").toString());
    }

    private static final List<String> RUN_ARGS = List.of("--aulas.certificates.verifications-per-minute=1000000000",
            "--aulas.conversation.posts-per-window=1000000000", "--logging.level.ar.aulas.accounts.web.RequestLogFilter=WARN");

    private Process start(Path jar, Path dataDir, int port, List<String> args, Path log) throws IOException {
        return startApp(jar, dataDir, port, args, log, mongoUri, null);
    }

    /** Milliseconds from {@code started} until {@code /actuator/health} answers 200 (the process must stay up). */
    public static long waitUntilHealthy(Process app, String base, long started, Path log) throws Exception {
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 1200; i++) {
            try {
                if (probe.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!app.isAlive()) {
                throw new AssertionError("The application exited: see " + log);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not healthy after 120 s: see " + log);
    }

    public static Process startApp(Path jar, Path dataDir, int port, List<String> args, Path log, String mongoUri)
            throws IOException {
        return startApp(jar, dataDir, port, args, log, mongoUri, null);
    }

    /**
     * The application jar as its own process, with the README's JVM options and {@code MALLOC_ARENA_MAX=2}; with a
     * class data archive when one is given (then {@code jar} is the extracted one it was made from).
     */
    static Process startApp(Path jar, Path dataDir, int port, List<String> args, Path log, String mongoUri, Path archive)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        if (archive != null) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--aulas.store.data-dir=" + dataDir,
                "--logging.level.root=WARN", "--logging.level.ar.aulas.demo=INFO"));
        if (mongoUri != null) {
            command.add("--spring.mongodb.uri=" + mongoUri);
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // glibc's per-thread malloc arenas: measured 773 → 658 MB peak RSS with 2 (the README recommends it)
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return builder.start();
    }

    /**
     * A real PDF of about {@code size} bytes (the upload check opens a PDF and reads its pages): pages of incompressible
     * text, written uncompressed, as a scanned-and-typed report would weigh.
     */
    static byte[] reportPdf(int size) throws IOException {
        Random random = new Random(2026);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(
                bytes, new WriterProperties().setCompressionLevel(0)));
                com.itextpdf.layout.Document document = new com.itextpdf.layout.Document(pdf)) {
            for (int written = 0; written < size * 7 / 10; written += 100) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < 100; i++) {
                    line.append((char) ('a' + random.nextInt(26)));
                }
                document.add(new Paragraph(line.toString()));
            }
        }
        return bytes.toByteArray();
    }

    public static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("aulas-.*\\.jar")).filter(p -> !p.toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("No application jar in target/: run ./mvnw -Pbench verify"))
                    .toAbsolutePath();
        }
    }

    public static int freePort() throws IOException {
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

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().endsWith(".log")) {
                    Files.copy(f, target);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder();
        md.append("Load (`LoadBenchmark`): size ").append(results.get("size")).append(", ").append(results.get("cores"))
                .append(" cores, Java ").append(results.get("java")).append(", ").append(results.get("store"))
                .append(", app JVM `").append(results.get("jvmOptions")).append("` with `MALLOC_ARENA_MAX=2`, wrk on the same machine\n\n");
        md.append("| endpoint | users | req/s | median ms | p90 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|---|---|\n");
        for (Run r : (List<Run>) results.getOrDefault("runs", List.of())) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %,.1f | %.2f | %.2f | %.2f | %.2f | %d |%n", r.endpoint(),
                    r.concurrency(), r.perSecond(), r.medianMs(), r.p90Ms(), r.p99Ms(), r.maxMs(), r.errors()));
        }
        md.append("\n| figure | value |\n|---|---|\n");
        md.append("| data generator | ").append(results.get("generator").toString().replace("\n", "; ")).append(" |\n");
        md.append("| cold start to ready (`/actuator/health` 200)").append(Boolean.TRUE.equals(results.get("classDataSharing"))
                ? ", extracted jar with its class data archive" : "").append(" | ").append(results.get("coldStartMs")).append(" ms |\n");
        if (results.containsKey("coldStartPlainMs")) {
            md.append("| cold start of the plain jar, first start after the generator | ").append(results.get("coldStartPlainMs"))
                    .append(" ms |\n");
        }
        md.append("| warm-up pass over the reading endpoints before the runs (16 users each) | ")
                .append(results.get("jitWarmupSeconds")).append(" s |\n");
        md.append("| people logged in over HTTP before the runs | ").append(results.get("logins")).append(" in ")
                .append(results.get("loginsMs")).append(" ms |\n");
        md.append("| distinct writes available (each sent once) | ").append(results.get("distinctWrites")).append(" |\n");
        md.append("| app RSS idle / peak (VmRSS after start, VmHWM at the end) | ").append(results.get("idleRssMb")).append(" MB / ")
                .append(results.get("peakRssMb")).append(" MB |\n");
        if (results.get("storeOnDiskMb") != null) {
            md.append(String.format(Locale.ROOT, "| embedded store on disk | %.1f MB |%n", (Double) results.get("storeOnDiskMb")));
        }
        return md.toString();
    }
}
