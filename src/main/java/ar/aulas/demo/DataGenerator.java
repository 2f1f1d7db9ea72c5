package ar.aulas.demo;

import ar.aulas.accounts.AulasUser;
import ar.aulas.certificates.BulkIssuing;
import ar.aulas.certificates.CertificateType;
import ar.aulas.certificates.IssueJob;
import ar.aulas.conversation.GeneratedConversation;
import ar.aulas.courses.CourseSync;
import ar.aulas.library.GeneratedLibrary;
import ar.aulas.reports.ParticipationLedger;
import ar.aulas.shared.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fills the store with realistic, reproducible data (a fixed seed) for tests and benchmarks: institutions,
 * participants, course editions of five encounters with three readings and one exercise each (through the
 * real course sync), enrolments, attendance for every encounter and graded submissions. Documents are
 * written in bulk with the same fields the application maps, so the pages read them as their own.
 */
@Component
public class DataGenerator {

    /** How much to generate. */
    /** @param certificates whether to issue the attendance certificates of everyone eligible (real signed PDFs) */
    public record Spec(String prefix, int institutions, int participants, int editions, long seed, boolean certificates) {

        public static final Spec S = new Spec("GS", 10, 100, 1, 42, true);
        public static final Spec M = new Spec("GM", 40, 1_000, 3, 42, true);
        public static final Spec L = new Spec("GL", 100, 10_000, 10, 42, true);
        public static final Spec XL = new Spec("GX", 500, 100_000, 50, 42, true);

        public Spec(String prefix, int institutions, int participants, int editions, long seed) {
            this(prefix, institutions, participants, editions, seed, false);
        }

        public static Spec named(String size) {
            return switch (size.toUpperCase(Locale.ROOT)) {
                case "S" -> S;
                case "M" -> M;
                case "L" -> L;
                case "XL" -> XL;
                default -> throw new IllegalArgumentException("Size is S, M, L or XL, not " + size);
            };
        }
    }

    /** What was written: the course codes, the institution ids, and how many documents in how long. */
    public record Report(List<String> courses, List<String> institutionIds, long documents, long millis, long certificates) {

        public double documentsPerSecond() {
            return millis == 0 ? documents : documents * 1000.0 / millis;
        }
    }

    /** Every generated participant's password (they log in as p&lt;n&gt;@&lt;prefix&gt;.generado.gob.ar): generated data only. */
    public static final String PASSWORD = "generado-aulas-2026";
    /** The coordinator who issues the generated certificates (a demo account). */
    static final String ISSUER = "coordinacion@aulas.demo";

    private static final int BATCH = 2_000;
    private static final String[] FIRST = {"María", "José", "Lucía", "Juan", "Sofía", "Mateo", "Valentina", "Martín",
        "Camila", "Tomás", "Florencia", "Nicolás", "Agustina", "Santiago", "Julieta", "Ramón", "Inés", "Facundo"};
    private static final String[] LAST = {"Núñez", "Gutiérrez", "Peña", "Quispe", "Cruz", "Mamaní", "Ibáñez", "Ríos",
        "Cáceres", "Gómez", "Díaz", "Sosa", "Arias", "Vera", "Luna", "Ruiz", "Zerpa", "Güemes"};

    private final MongoTemplate mongo;
    private final CourseSync sync;
    private final Clock clock;
    private final ParticipationLedger participation;
    private final BulkIssuing issuing;
    private final UserDetailsService users;

    private final GeneratedConversation conversation;
    private final GeneratedLibrary library;

    DataGenerator(MongoTemplate mongo, CourseSync sync, Clock clock,
            @Lazy ParticipationLedger participation,
            @Lazy BulkIssuing issuing,
            UserDetailsService users, GeneratedConversation conversation,
            GeneratedLibrary library) {
        this.library = library;
        this.conversation = conversation;
        this.participation = participation;
        this.issuing = issuing;
        this.users = users;
        this.mongo = mongo;
        this.sync = sync;
        this.clock = clock;
    }

    public Report generate(Spec spec, Path workDir) {
        long t0 = System.nanoTime();
        Random random = new Random(spec.seed());
        Date now = Date.from(clock.instant());
        long documents = 0;
        List<String> institutionIds = new ArrayList<>();
        List<Document> batch = new ArrayList<>();
        for (int i = 1; i <= spec.institutions(); i++) {
            String id = new ObjectId().toHexString();
            institutionIds.add(id);
            String name = (i % 4 == 0 ? "Comuna " : "Municipalidad ") + spec.prefix() + " " + i;
            batch.add(new Document("_id", new ObjectId(id)).append("code", "%s%03d".formatted(spec.prefix(), i))
                    .append("name", name).append("type", i % 4 == 0 ? "COMMUNE" : "MUNICIPALITY")
                    .append("locality", "Salta").append("active", true).append("createdAt", now)
                    .append("searchText", Text.searchable(name)).append("version", 0L));
        }
        documents += insert("institutions", batch);

        // one hash for everyone (hashing 100,000 passwords would take hours), at BCrypt's lowest cost: generated
        // people are benchmark and demo data, and the load benchmark logs in thousands of them (about 1 ms each
        // instead of 80); real accounts keep the application's encoder and its cost
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        List<String[]> people = new ArrayList<>();
        for (int p = 0; p < spec.participants(); p++) {
            String id = new ObjectId().toHexString();
            // participant p follows edition p mod editions: each edition gets people of every institution
            String institutionId = institutionIds.get((p / spec.editions()) % institutionIds.size());
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + " "
                    + LAST[random.nextInt(LAST.length)];
            String dni = String.valueOf(20_000_000 + Math.floorMod(spec.prefix().hashCode(), 60) * 1_000_000 + p);
            String email = "p" + p + "@" + spec.prefix().toLowerCase(Locale.ROOT) + ".generado.gob.ar";
            people.add(new String[] {id, institutionId});
            batch.add(new Document("_id", new ObjectId(id)).append("fullName", name).append("dni", dni).append("email", email)
                    .append("institutionId", institutionId).append("position", "Equipo técnico")
                    .append("roles", List.of("PARTICIPANT")).append("active", true).append("passwordHash", hash)
                    .append("passwordChangedAt", now)
                    .append("searchText", Text.searchable(name + " " + dni + " " + email)).append("createdAt", now)
                    .append("updatedAt", now).append("version", 0L));
            if (batch.size() == BATCH) {
                documents += insert("accounts", batch);
            }
        }
        documents += insert("accounts", batch);

        List<Document> batchFiles = new ArrayList<>();
        List<Document> batchChunks = new ArrayList<>();
        List<String> courses = new ArrayList<>();
        Path root = workDir.resolve(spec.prefix().toLowerCase(Locale.ROOT) + "-courses");
        for (int e = 1; e <= spec.editions(); e++) {
            String code = spec.prefix() + "-" + (2000 + e);
            courses.add(code);
            writeCourse(root.resolve(code.toLowerCase(Locale.ROOT)), code, e);
        }
        sync.syncAll(root);

        for (int e = 0; e < courses.size(); e++) {
            String code = courses.get(e);
            // each participant follows one edition (participant p the edition p mod editions)
            List<String[]> cohort = new ArrayList<>();
            for (int p = e; p < people.size(); p += courses.size()) {
                cohort.add(people.get(p));
            }
            List<Document> sessions = mongo.getCollection("attendance_sessions")
                    .find(new Document("courseCode", code)).into(new ArrayList<>());
            for (String[] person : cohort) {
                batch.add(new Document("_id", code + ":" + person[0]).append("courseCode", code).append("accountId", person[0])
                        .append("institutionId", person[1]).append("active", true).append("enrolledAt", Date.from(
                                Instant.parse("2020-01-01T12:00:00Z"))).append("enrolledBy", "generator"));
                if (batch.size() == BATCH) {
                    documents += insert("enrolments", batch);
                }
            }
            documents += insert("enrolments", batch);
            // the first edition's debate of encounter 1 has 1,000 threads (one with 500 replies); each edition 20 posts yesterday
            documents += conversation.write(code, cohort.stream().map(p -> new GeneratedConversation.Member(
                    p[0], p[1])).toList(), e == 0 ? 1_000 : 100, e == 0 ? 500 : 0, 20, random, now.toInstant());
            for (Document session : sessions) {
                mongo.getCollection("attendance_sessions").updateOne(new Document("_id", session.get("_id")),
                        new Document("$set", new Document("takenAt", now)));
                String sessionId = session.get("_id").toString();
                for (String[] person : cohort) {
                    int roll = random.nextInt(100);
                    if (roll < 5) {
                        continue; // no mark: counts as absent
                    }
                    String status = roll < 80 ? "PRESENT" : roll < 88 ? "LATE" : roll < 92 ? "EXCUSED" : "ABSENT";
                    batch.add(new Document("_id", sessionId + "|" + person[0]).append("sessionId", sessionId)
                            .append("courseCode", code).append("accountId", person[0]).append("institutionId", person[1])
                            .append("status", status).append("source", "ROLL_CALL").append("markedBy", "generator")
                            .append("markedAt", now).append("history", List.of()).append("version", 0L));
                    if (batch.size() == BATCH) {
                        documents += insert("attendance_records", batch);
                    }
                }
                documents += insert("attendance_records", batch);
            }
            for (Document exercise : mongo.getCollection("exercises").find(new Document("courseCode", code))
                    .into(new ArrayList<>())) {
                String exerciseId = exercise.getString("_id");
                boolean first = exercise.getInteger("moduleNumber", 0) == 1;
                for (String[] person : cohort) {
                    int roll = random.nextInt(100);
                    if (roll < 15 && !first) {
                        continue; // everyone hands in the first encounter's exercise: a full grading queue
                    }
                    boolean graded = roll < 92;
                    String verdict = roll < 80 ? "APPROVED" : roll < 88 ? "NEEDS_REVISION" : "NOT_APPROVED";
                    Object submissionId = new ObjectId();
                    List<Document> files = new ArrayList<>();
                    if (roll % 5 == 0) {
                        files.add(file(submissionId, "informe-" + person[0].substring(18) + ".txt", batchFiles, batchChunks, random));
                    }
                    Document attempt = new Document("number", 1).append("text", "Trabajo del equipo técnico")
                            .append("files", files).append("submittedAt", now).append("submittedBy", person[0])
                            .append("late", false).append("contributions", List.of());
                    List<Document> history = new ArrayList<>();
                    if (graded) {
                        attempt.append("grade", new Document("score", verdict.equals("APPROVED") ? "8" : "4")
                                .append("verdict", verdict).append("feedbackMarkdown", "Devolución")
                                .append("feedbackHtml", "<p>Devolución</p>").append("gradedBy", "generator")
                                .append("gradedAt", now).append("levels", List.of()).append("files", List.of()));
                        if (roll % 7 == 0) {
                            // graded twice: a first score, then the one that stands
                            history.add(change(now, "score", null, "6"));
                            history.add(change(now, "score", "6", verdict.equals("APPROVED") ? "8" : "4"));
                        } else {
                            history.add(change(now, "score", null, verdict.equals("APPROVED") ? "8" : "4"));
                        }
                        history.add(change(now, "verdict", null, verdict));
                    }
                    String status = !graded ? "SUBMITTED" : verdict.equals("NEEDS_REVISION") ? "NEEDS_REVISION" : "GRADED";
                    batch.add(new Document("_id", submissionId).append("exerciseId", exerciseId).append("courseCode", code)
                            .append("ownerKey", "p:" + person[0]).append("institutionId", person[1])
                            .append("participantId", person[0]).append("team", false).append("attempts", List.of(attempt))
                            .append("status", status).append("late", false).append("history", history)
                            .append("tokens", List.of()).append("updatedAt", now).append("version", 0L));
                    if (batch.size() == BATCH) {
                        documents += insert("submissions", batch) + insert("fs.files", batchFiles) + insert("fs.chunks", batchChunks);
                    }
                }
                documents += insert("submissions", batch) + insert("fs.files", batchFiles) + insert("fs.chunks", batchChunks);
            }
        }
        // written around the services: the participation figures are rebuilt from what is stored now
        courses.forEach(participation::rebuild);
        // the programme's library: half as many documents as participants (5,000 at size L)
        documents += library.write(spec.participants() / 2, institutionIds, random, now.toInstant());
        long certificates = spec.certificates() ? certificates(courses) : 0;
        return new Report(courses, institutionIds, documents + certificates, (System.nanoTime() - t0) / 1_000_000, certificates);
    }

    /**
     * The attendance certificate of everyone eligible in each course, through the real bulk issue (numbered,
     * rendered, signed and stored like any other), one course after another.
     */
    private long certificates(List<String> courses) {
        AulasUser issuer;
        try {
            issuer = (AulasUser) users.loadUserByUsername(ISSUER);
        } catch (UsernameNotFoundException e) {
            return 0; // no demo accounts: no certificates
        }
        long issued = 0;
        for (String code : courses) {
            var job = issuing.startBulk(issuer, code, CertificateType.ATTENDANCE, false);
            var status = job.getStatus();
            while (status == IssueJob.Status.RUNNING) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return issued;
                }
                job = issuing.job(issuer, code, job.getId());
                status = job.getStatus();
            }
            issued += job.getIssued();
        }
        return issued;
    }

    /** A small text file in GridFS's own layout (one chunk), as an upload would store it. */
    private static Document file(Object submissionId, String name, List<Document> files, List<Document> chunks, Random random) {
        StringBuilder text = new StringBuilder("Informe de avance del equipo técnico.\n");
        for (int i = 0; i < 20; i++) {
            text.append("Línea ").append(i + 1).append(": relevamiento ").append(random.nextInt(1_000)).append(".\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        ObjectId id = new ObjectId();
        String sha256;
        try {
            sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        files.add(new Document("_id", id).append("filename", name).append("length", (long) bytes.length)
                .append("chunkSize", 261_120).append("uploadDate", new Date()).append("metadata",
                        new Document("_contentType", "text/plain").append("submission", submissionId.toString())
                                .append("sha256", sha256)));
        chunks.add(new Document("_id", new ObjectId()).append("files_id", id).append("n", 0)
                .append("data", new Binary(bytes)));
        return new Document("fileId", id.toHexString()).append("name", name).append("size", (long) bytes.length)
                .append("contentType", "text/plain").append("sha256", sha256);
    }

    private static Document change(Date at, String field, String from, String to) {
        return new Document("accountId", "generator").append("at", at).append("attempt", 1).append("field", field)
                .append("from", from).append("to", to);
    }

    private long insert(String collection, List<Document> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        mongo.getCollection(collection).insertMany(batch);
        int n = batch.size();
        batch.clear();
        return n;
    }

    private static void writeCourse(Path dir, String code, int edition) {
        DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        LocalDate start = LocalDate.of(2025, 3, 2).plusDays(7L * edition);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("course.yml"), """
                    code: %s
                    title: Gestión de Ciudades (edición generada %d)
                    edition: "%d"
                    startDate: %s
                    endDate: %s
                    totalHours: 40
                    trainers:
                      - capacitadora@aulas.demo
                    certificates:
                      attendance:
                        title: Certificado de asistencia
                        minAttendancePercent: 80
                      approval:
                        title: Certificado de aprobación
                        minAttendancePercent: 80
                        requireAllExercises: true
                    """.formatted(code, edition, 2000 + edition, start.format(dmy), start.plusDays(40).format(dmy)));
            for (int m = 1; m <= 5; m++) {
                Path module = Files.createDirectories(dir.resolve("%02d-encuentro-%d".formatted(m, m)));
                Files.writeString(module.resolve("module.md"), """
                        ---
                        number: %d
                        title: Encuentro %d
                        date: %s
                        start: "09:00"
                        end: "13:00"
                        venue: Centro de Convenciones
                        release: 01/01/2020
                        exercises:
                          - slug: ejercicio-%d
                            title: Ejercicio del encuentro %d
                            instructions: Trabajen con la realidad de su institución.
                            opens: 01/01/2020 08:00
                            due: 31/12/2099 23:00
                            maxScore: 10
                            passMark: 6
                            mode: individual
                            submissionTypes: [text, file]
                        ---
                        Encuentro %d de la edición %d.
                        """.formatted(m, m, start.plusDays(7L * (m - 1)).format(dmy), m, m, m, edition));
                for (int r = 1; r <= 3; r++) {
                    Files.writeString(module.resolve("%02d-lectura.md".formatted(r)), """
                            ---
                            title: Lectura %d del encuentro %d
                            kind: required
                            minutes: 10
                            ---
                            El territorio metropolitano se gestiona con acuerdos entre instituciones (lectura %d).
                            """.formatted(r, m, r));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
