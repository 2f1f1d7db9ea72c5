package ar.aulas.imports;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Passwords;
import ar.aulas.accounts.Role;
import ar.aulas.courses.CourseRepository;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.imports.ImportRow.Outcome;
import ar.aulas.imports.ImportRow.Problem;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.Refusal;
import ar.aulas.shared.Text;
import ar.aulas.shared.web.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Importing participants from a spreadsheet: first a preview that writes nothing (each row's outcome
 * or its error), then, on confirmation, the valid rows in the background: new accounts get an
 * invitation link (never a password), existing ones (matched by DNI, then email) are updated, and
 * enrolments added. Importing the same file again changes nothing. Admins and programme coordinators
 * import for any institution; an institution's coordinator only for their own.
 */
@Service
public class ParticipantImport {

    private static final Logger log = LoggerFactory.getLogger(ParticipantImport.class);
    private static final Locale SPANISH = Locale.forLanguageTag("es-AR");
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("apellido", "lastName"), Map.entry("apellidos", "lastName"),
            Map.entry("nombre", "firstName"), Map.entry("nombres", "firstName"),
            Map.entry("dni", "dni"), Map.entry("documento", "dni"),
            Map.entry("email", "email"), Map.entry("e-mail", "email"), Map.entry("correo", "email"),
            Map.entry("correo electronico", "email"), Map.entry("mail", "email"),
            Map.entry("institucion", "institution"),
            Map.entry("cargo", "position"), Map.entry("area", "position"), Map.entry("cargo/area", "position"),
            Map.entry("cargo o area", "position"),
            Map.entry("curso", "course"), Map.entry("codigo de curso", "course"));
    private static final List<String> REQUIRED = List.of("lastName", "firstName", "dni", "email", "institution");
    private static final Map<String, String> SPANISH_NAMES = Map.of("lastName", "apellido", "firstName", "nombre",
            "dni", "dni", "email", "email", "institution", "institución", "position", "cargo/área", "course", "curso");

    public record Preview(String token, String fileName, List<ImportRow> rows, Map<Outcome, Long> counts, long enrolments,
            List<String> ignoredColumns) {
    }

    /** An upload under review as this instance parsed it: the file, and its preview as computed then. */
    private record Parsed(ImportFile file, String accountId, Instant at, Preview preview) {
    }

    private final AccountRegistry accounts;
    private final Passwords passwords;
    private final InstitutionDirectory institutions;
    private final CourseRepository courses;
    private final Enrolments enrolments;
    private final ImportJobRepository jobs;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ImportsProperties properties;
    private final ImportUploads uploads;
    /** What this instance parsed, so its own review page does not read the file again; another instance reads it. */
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "participant-import");
        t.setDaemon(true);
        return t;
    });
    private final SecureRandom random = new SecureRandom();
    private final ApplicationEventPublisher events;

    ParticipantImport(AccountRegistry accounts, Passwords passwords, InstitutionDirectory institutions,
            CourseRepository courses, Enrolments enrolments, ImportJobRepository jobs, MongoTemplate mongo, Clock clock,
            ImportsProperties properties, ApplicationEventPublisher events, ImportUploads uploads) {
        this.uploads = uploads;
        this.events = events;
        this.accounts = accounts;
        this.passwords = passwords;
        this.institutions = institutions;
        this.courses = courses;
        this.enrolments = enrolments;
        this.jobs = jobs;
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    public boolean mayImport(AulasUser user) {
        return user.has(Role.ADMIN) || user.has(Role.COORDINATOR);
    }

    private String scope(AulasUser user) {
        if (!mayImport(user)) {
            throw new NotFoundException();
        }
        return user.seesAllInstitutions() ? null : user.coordinatedInstitutionId();
    }

    public long maxFileBytes() {
        return properties.getMaxFileSize().toBytes();
    }

    /**
     * Reads and checks the file; no person or enrolment is written. The file is kept in the store for review (one
     * per person: a new upload replaces theirs) until confirmed or for two hours.
     */
    public Preview preview(AulasUser user, String fileName, byte[] bytes) {
        scope(user);
        if (bytes.length > maxFileBytes()) {
            throw new ImportRefused("import.file.tooLarge", properties.getMaxFileSize().toMegabytes());
        }
        ImportFile file = ImportFile.read(fileName, bytes, ImportFile.Limits.of(properties));
        Evaluation evaluation = evaluate(user, file);
        String token = HexFormat.of().formatHex(random.generateSeed(16));
        Preview preview = preview(token, fileName, evaluation);
        uploads.keep(token, user.id(), fileName, bytes);
        forgetOld();
        parsed.values().removeIf(p -> p.accountId().equals(user.id()));
        parsed.put(token, new Parsed(file, user.id(), clock.instant(), preview));
        return preview;
    }

    /**
     * The preview of an uploaded file: as it was computed at upload on the instance that received it, else read
     * again from the store (with the same limits) and checked against what is stored now.
     */
    public Preview preview(AulasUser user, String token) {
        scope(user);
        ImportUploads.Upload upload = uploads.find(token, user.id())
                .orElseThrow(() -> new ImportRefused("import.file.expired"));
        Parsed mine = parsed.get(token);
        if (mine != null && mine.accountId().equals(user.id())) {
            return mine.preview();
        }
        return preview(token, upload.fileName(), evaluate(user, read(upload)));
    }

    /** Imports the valid rows of an uploaded file, checked again now against the store, in the background. */
    public ImportJob confirm(AulasUser user, String token) {
        scope(user);
        ImportUploads.Upload upload = uploads.claim(token, user.id())
                .orElseThrow(() -> new ImportRefused("import.file.expired"));
        Parsed mine = parsed.remove(token);
        Evaluation evaluation;
        try {
            evaluation = evaluate(user, mine != null && mine.accountId().equals(user.id()) ? mine.file() : read(upload));
        } finally {
            uploads.discard(upload);
        }
        List<ImportRow> valid = evaluation.rows().stream().filter(ImportRow::valid).toList();
        List<ImportRow> rejected = evaluation.rows().stream().filter(r -> !r.valid()).toList();
        ImportJob job = jobs.insert(new ImportJob(user.id(), user.fullName(), scope(user), upload.fileName(),
                evaluation.rows().size(), rejected, clock.instant()));
        runner.execute(() -> apply(job.getId(), user, valid));
        return job;
    }

    public ImportJob job(AulasUser user, String id) {
        String scope = scope(user);
        return jobs.findById(id).filter(j -> scope == null || scope.equals(j.getInstitutionScope()))
                .orElseThrow(NotFoundException::new);
    }

    public List<ImportJob> recent(AulasUser user) {
        String scope = scope(user);
        return scope == null ? jobs.findTop10ByOrderByStartedAtDesc() : jobs.findTop10ByInstitutionScopeOrderByStartedAtDesc(scope);
    }

    private record Evaluation(List<ImportRow> rows, List<String> ignoredColumns) {
    }

    /** The file's header and rows, each row through {@link ImportRowRules} against what is stored now. */
    private Evaluation evaluate(AulasUser user, ImportFile file) {
        String scope = scope(user);
        Map<String, Integer> columns = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < file.header().size(); i++) {
            String raw = file.header().get(i);
            String name = Text.searchable(raw).replaceAll("\\s*/\\s*", "/").replaceAll("\\s+", " ");
            String field = COLUMNS.get(name);
            if (field == null) {
                if (!raw.isBlank()) {
                    ignored.add(raw);
                }
            } else if (columns.putIfAbsent(field, i) != null) {
                throw new ImportRefused("import.file.repeatedColumn", raw);
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).map(SPANISH_NAMES::get).toList();
        if (!missing.isEmpty()) {
            throw new ImportRefused("import.file.missingColumns", String.join(", ", missing));
        }
        Map<String, Institution> byCode = new HashMap<>();
        Map<String, Institution> byName = new HashMap<>();
        for (Institution i : institutions.active()) {
            byCode.put(i.getCode().toUpperCase(Locale.ROOT), i);
            byName.put(Text.searchable(i.getName()), i);
        }
        Set<String> dnis = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (ImportFile.Line line : file.lines()) {
            String dni = cell(line, columns.get("dni")).replaceAll("[.\\s]", "");
            dnis.add(dni);
            emails.add(cell(line, columns.get("email")).toLowerCase(Locale.ROOT));
        }
        Map<String, Account> byDni = new HashMap<>();
        Map<String, Account> byEmail = new HashMap<>();
        for (List<String> batch : batches(dnis)) {
            accounts.findByDnis(batch).forEach(a -> byDni.put(a.getDni(), a));
        }
        for (List<String> batch : batches(emails)) {
            accounts.findByEmails(batch).forEach(a -> byEmail.put(a.getEmail(), a));
        }
        Map<String, Set<String>> enrolled = new HashMap<>();
        Map<String, Boolean> courseExists = new HashMap<>();
        ImportRowRules rules = new ImportRowRules(scope, columns, file.header().size(), byCode, byName, byDni, byEmail,
                course -> courseExists.computeIfAbsent(course, c -> courses.findById(c).filter(x -> !x.isArchived()).isPresent()),
                course -> enrolled.computeIfAbsent(course, this::activeEnrolments));
        List<ImportRow> rows = file.lines().stream().map(rules::evaluate).toList();
        return new Evaluation(rows, ignored);
    }

    private Set<String> activeEnrolments(String course) {
        Set<String> ids = new HashSet<>();
        enrolments.ofCourse(course).stream().filter(Enrolment::isActive).forEach(e -> ids.add(e.getAccountId()));
        return ids;
    }

    private void apply(String jobId, AulasUser by, List<ImportRow> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("processed", 0, "created", 0, "updated", 0,
                "unchanged", 0, "enrolled", 0, "failed", 0));
        List<ImportRow> rejected = new ArrayList<>();
        Set<String> enrolledIn = new HashSet<>();
        long lastFlush = System.nanoTime();
        try {
            for (ImportRow row : rows) {
                try {
                    String accountId = row.accountId();
                    switch (row.outcome()) {
                        case NEW -> {
                            Account a = accounts.create(data(row, EnumSet.of(Role.PARTICIPANT), null));
                            accountId = a.getId();
                            passwords.sendInvitation(accountId, SPANISH);
                            counts.merge("created", 1, Integer::sum);
                        }
                        case UPDATED -> {
                            Account current = accounts.find(accountId).orElseThrow(NotFoundException::new);
                            Set<Role> roles = EnumSet.of(Role.PARTICIPANT);
                            roles.addAll(current.getRoles());
                            accounts.update(accountId, current.getVersion(), data(row, roles,
                                    current.getCoordinatedInstitutionId()));
                            counts.merge("updated", 1, Integer::sum);
                        }
                        default -> counts.merge("unchanged", 1, Integer::sum);
                    }
                    if (row.enrols() && enrolments.enrol(row.courseCode(), accountId, by.id(), false)) {
                        counts.merge("enrolled", 1, Integer::sum);
                        enrolledIn.add(row.courseCode());
                    }
                    counts.merge("processed", 1, Integer::sum);
                } catch (Refusal | NotFoundException e) {
                    String key = e instanceof Refusal r ? r.messageKey() : "import.error.vanished";
                    rejected.add(new ImportRow(row.line(), row.accountId(), row.fullName(), row.dni(), row.email(),
                            row.institutionName(), row.position(), row.institutionId(), row.courseCode(), Outcome.ERROR,
                            false, List.of(new Problem(null, key, List.of())), List.of()));
                    counts.merge("failed", 1, Integer::sum);
                }
                if (System.nanoTime() - lastFlush > 250_000_000L) {
                    flush(jobId, counts, rejected, false);
                    rejected.clear();
                    lastFlush = System.nanoTime();
                }
            }
            announce(jobId, enrolledIn);
            flush(jobId, counts, rejected, true);
        } catch (RuntimeException e) {
            log.error("Participant import {} failed", jobId, e);
            announce(jobId, enrolledIn);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)), new Update().set("status", ImportJob.Status.FAILED)
                    .set("finishedAt", clock.instant()), ImportJob.class);
        }
    }

    /** The enrolments were written without announcing each one: the figures follow each course once, before "done". */
    private void announce(String jobId, Set<String> courses) {
        if (!courses.isEmpty()) {
            events.publishEvent(new ParticipantsImported(jobId, courses));
        }
    }

    /** Adds the counts since the last flush with one {@code $inc} (and the newly rejected rows with {@code $push}). */
    private void flush(String jobId, Map<String, Integer> counts, List<ImportRow> rejected, boolean done) {
        Update update = new Update();
        counts.forEach((k, v) -> update.inc(k, v));
        counts.replaceAll((k, v) -> 0);
        if (!rejected.isEmpty()) {
            update.push("rejected").each(rejected.toArray());
        }
        if (done) {
            update.set("status", ImportJob.Status.DONE).set("finishedAt", clock.instant());
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)), update, ImportJob.class);
    }

    private static AccountRegistry.AccountData data(ImportRow row, Set<Role> roles, String coordinated) {
        return new AccountRegistry.AccountData(row.fullName(), row.email(), row.dni(), row.institutionId(),
                row.position().isEmpty() ? null : row.position(), roles, coordinated, row.surname());
    }

    static String cell(ImportFile.Line line, Integer index) {
        if (index == null || index >= line.cells().size()) {
            return "";
        }
        String value = line.cells().get(index);
        return value == null ? "" : value.trim();
    }

    private static List<List<String>> batches(Set<String> values) {
        List<String> all = new ArrayList<>(values);
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            batches.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return batches;
    }

    private Preview preview(String token, String fileName, Evaluation evaluation) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, evaluation.rows().stream().filter(r -> r.outcome() == o).count());
        }
        long enrols = evaluation.rows().stream().filter(ImportRow::enrols).count();
        return new Preview(token, fileName, evaluation.rows(), counts, enrols, evaluation.ignoredColumns());
    }

    private ImportFile read(ImportUploads.Upload upload) {
        return ImportFile.read(upload.fileName(), uploads.bytes(upload), ImportFile.Limits.of(properties));
    }

    private void forgetOld() {
        Instant limit = clock.instant().minus(ImportUploads.KEPT);
        parsed.values().removeIf(p -> p.at().isBefore(limit));
    }
}
