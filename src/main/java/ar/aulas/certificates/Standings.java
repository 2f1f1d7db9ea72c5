package ar.aulas.certificates;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.attendance.AttendanceRate;
import ar.aulas.attendance.AttendanceSession;
import ar.aulas.attendance.AttendanceSessionRepository;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.attendance.Weights;
import ar.aulas.courses.Course;
import ar.aulas.exercises.Exercise;
import ar.aulas.exercises.ExerciseRepository;
import ar.aulas.exercises.Submission;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Every enrolled participant's {@link Standing} in a course, with the rules of the attendance report
 * (rates with the course's weights, a taken session without a mark is an absence, sessions before the
 * person enrolled count only if attended) and of the gradebook (team work counts for every member of
 * the institution; the last grade given). Read with three filtered, projected finds grouped per person
 * (a course's records and submissions, only the fields the rules need); one person by ids only.
 */
@Component
public class Standings {

    /** A participant with their standing and the encounters they attended (for the certificate's text). */
    public record Participant(Account account, String institutionName, Standing standing, List<Integer> attendedModules) {
    }

    /** The same without the account, for figures that need only the institution. */
    /** @param shares what each session adds to the person's attendance rate (for group rates: summed shares) */
    public record Computed(String accountId, String institutionId, Standing standing, List<Integer> attendedModules,
            List<AttendanceRate.Share> shares) {
    }

    /**
     * Texts, files and history left out by exclusion: an inclusion of "attempts.grade" yields missing values for
     * ungraded attempts, which the embedded server cannot encode.
     */
    private static final Document WORK_ONLY = new Document("attempts.text", 0).append("attempts.files", 0)
            .append("attempts.contributions", 0).append("history", 0).append("tokens", 0);

    private final MongoTemplate mongo;
    private final ar.aulas.courses.CourseStructure structure;
    private final AttendanceSessionRepository sessions;
    private final ExerciseRepository exercises;
    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;

    private final ar.aulas.courses.Enrolments enrolments;
    private final ar.aulas.attendance.PersonAttendance attendance;
    private final ar.aulas.exercises.SubmissionIndex submissionIndex;
    private final Clock clock;

    Standings(MongoTemplate mongo, AttendanceSessionRepository sessions, ExerciseRepository exercises,
            AccountRegistry accounts, InstitutionDirectory institutions, ar.aulas.courses.CourseStructure structure,
            ar.aulas.courses.Enrolments enrolments, ar.aulas.attendance.PersonAttendance attendance,
            ar.aulas.exercises.SubmissionIndex submissionIndex, Clock clock) {
        this.clock = clock;
        this.submissionIndex = submissionIndex;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.structure = structure;
        this.mongo = mongo;
        this.sessions = sessions;
        this.exercises = exercises;
        this.accounts = accounts;
        this.institutions = institutions;
    }

    /** The sessions a standing lists, in its order. */
    public List<AttendanceSession> sessions(Course course) {
        return structure.get(course.getCode(), ar.aulas.courses.CourseStructure.SESSIONS,
                () -> sessions.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(course.getCode()));
    }

    /** The exercises a standing lists, in its order. */
    public List<Exercise> exercises(Course course) {
        return structure.get(course.getCode(), ar.aulas.courses.CourseStructure.EXERCISES,
                () -> exercises.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(course.getCode()));
    }

    /** In the course's order (institution, then name); {@code onlyInstitution} null for everyone. */
    public Map<String, Participant> of(Course course, String onlyInstitution) {
        Map<String, Computed> computed = compute(course, onlyInstitution);
        Map<String, Institution> byId = institutions.byId();
        List<Participant> list = new ArrayList<>();
        for (Account a : accounts.findAll(computed.keySet())) {
            Computed c = computed.get(a.getId());
            Institution institution = byId.get(a.getInstitutionId());
            list.add(new Participant(a, institution == null ? "" : institution.getName(), c.standing(), c.attendedModules()));
        }
        list.sort(Comparator.comparing(Participant::institutionName, ar.aulas.accounts.PersonOrder.TEXT)
                .thenComparing(Participant::account, ar.aulas.accounts.PersonOrder.ACCOUNTS));
        Map<String, Participant> result = new LinkedHashMap<>();
        list.forEach(p -> result.put(p.account().getId(), p));
        return result;
    }

    /**
     * One participant with their account, as {@link #of} gives them, computed for that person alone (issuing or
     * reissuing one certificate used to compute the whole course to take one person's standing).
     */
    public java.util.Optional<Participant> participant(Course course, String accountId) {
        return one(course, accountId).flatMap(c -> accounts.find(accountId).map(a -> {
            Institution institution = institutions.byId().get(a.getInstitutionId());
            return new Participant(a, institution == null ? "" : institution.getName(), c.standing(), c.attendedModules());
        }));
    }

    /** Standings by account id, without loading the accounts. */

    /**
     * One participant's standing (for their own course home and the dashboard's bookkeeping), or empty when
     * not enrolled. Read by ids only (the enrolment, each session's record, each exercise's submission), which
     * every store answers from its unique indexes without scanning a collection.
     */
    public java.util.Optional<Computed> one(Course course, String accountId) {
        String code = course.getCode();
        ar.aulas.courses.Enrolment enrolment = enrolments.find(code, accountId).orElse(null);
        if (enrolment == null || !enrolment.isActive()) {
            return java.util.Optional.empty();
        }
        Document person = new Document("accountId", accountId).append("institutionId", enrolment.getInstitutionId())
                .append("enrolledAt", enrolment.getEnrolledAt() == null ? null : Date.from(enrolment.getEnrolledAt()))
                .append("active", true);
        List<AttendanceSession> list = sessions(course);
        List<Exercise> work = exercises(course);
        Map<String, AttendanceStatus> mine = attendance.statuses(code, list, accountId);
        Map<String, Map<String, Document>> byOwner = new HashMap<>();
        String institutionId = person.getString("institutionId");
        for (Exercise e : work) {
            String owner = e.isTeam() ? "i:" + institutionId : "p:" + accountId;
            // both keys of the unique index, so the embedded server answers it from the index
            Document w = mongo.getCollection("submissions").find(new Document("exerciseId", e.getId()).append("ownerKey", owner))
                    .projection(WORK_ONLY).first();
            if (w != null) {
                byOwner.computeIfAbsent(owner, k -> new HashMap<>()).put(e.getId(),
                        new Document("e", e.getId()).append("st", w.getString("status")).append("a", w.get("attempts")));
            }
        }
        return java.util.Optional.of(standing(course, list, work, person, mine, byOwner));
    }

    public Map<String, Computed> compute(Course course, String onlyInstitution) {
        String code = course.getCode();
        List<AttendanceSession> list = sessions(course);
        List<Exercise> workList = exercises(course);

        Document enrolled = new Document("courseCode", code).append("active", true);
        if (onlyInstitution != null) {
            enrolled.append("institutionId", onlyInstitution);
        }
        Map<String, Document> people = new LinkedHashMap<>();
        mongo.getCollection("enrolments").find(enrolled)
                .projection(new Document("accountId", 1).append("institutionId", 1).append("enrolledAt", 1))
                .forEach(d -> people.put(d.getString("accountId"), d));

        // one institution: by the institution recorded on each mark (an equality the embedded server evaluates
        // far faster than a list of people; someone who moved keeps earlier marks under their former institution)
        Document records = new Document("courseCode", code);
        if (onlyInstitution != null) {
            records.append("institutionId", onlyInstitution);
        }
        // filtered, projected finds grouped here, not $group: mongo-java-server runs an aggregation over the whole
        // collection loaded in memory before its $match (at 50,000 submissions, a few at once ran out of heap),
        // while a find filters as it streams and keeps only the matches' projected fields
        Map<String, Map<String, AttendanceStatus>> marks = new HashMap<>();
        java.util.function.Consumer<Document> mark = d -> {
            if (d.getString("status") != null) {
                marks.computeIfAbsent(d.getString("accountId"), k -> new HashMap<>())
                        .put(d.getString("sessionId"), AttendanceStatus.valueOf(d.getString("status")));
            }
        };
        Document markFields = new Document("accountId", 1).append("sessionId", 1).append("status", 1);
        if (onlyInstitution == null) {
            // the whole course: each record by its id (session|account), so reading one course of many reads
            // that course's records, not every record of every course (the embedded server has no other index)
            List<Object> ids = new ArrayList<>();
            for (String accountId : people.keySet()) {
                list.forEach(session -> ids.add(session.getId() + "|" + accountId));
            }
            if (ids.size() * 3L < mongo.getCollection("attendance_records").estimatedDocumentCount()) {
                byIds("attendance_records", ids, markFields, mark);
            } else {
                // the course is most of the store (one programme): one scan is cheaper than a lookup per record
                mongo.getCollection("attendance_records").find(records).projection(markFields).batchSize(5_000).forEach(mark);
            }
        } else {
            mongo.getCollection("attendance_records").find(records).projection(markFields).batchSize(5_000).forEach(mark);
        }

        Document submitted = new Document("courseCode", code);
        if (onlyInstitution != null) {
            submitted.append("institutionId", onlyInstitution);
        }
        Map<String, Map<String, Document>> byOwner = new HashMap<>();
        java.util.function.Consumer<Document> work = d -> byOwner.computeIfAbsent(d.getString("ownerKey"), k -> new HashMap<>())
                .put(d.getString("exerciseId"), new Document("e", d.getString("exerciseId"))
                        .append("st", d.getString("status")).append("a", d.get("attempts")));
        List<List<Object>> submissionIds = new ArrayList<>();
        if (onlyInstitution == null) {
            for (Exercise e : workList) {
                submissionIds.add(submissionIndex.ids(e.getId()));
            }
        }
        long named = submissionIds.stream().mapToLong(List::size).sum();
        if (onlyInstitution == null && named * 3L < mongo.getCollection("submissions").estimatedDocumentCount()) {
            // by the ids each exercise's index names (see SubmissionIndex)
            submissionIds.forEach(ids -> byIds("submissions", ids, WORK_ONLY, work));
        } else {
            mongo.getCollection("submissions").find(submitted).projection(WORK_ONLY).batchSize(2_000).forEach(work);
        }

        Map<String, Computed> result = new LinkedHashMap<>();
        for (Document person : people.values()) {
            Computed c = standing(course, list, workList, person, marks.getOrDefault(person.getString("accountId"), Map.of()), byOwner);
            result.put(c.accountId(), c);
        }
        return result;
    }

    /** Documents by their ids, 1,000 at a time (each answered from the _id index). */
    private void byIds(String collection, List<Object> ids, Document fields, java.util.function.Consumer<Document> each) {
        for (int from = 0; from < ids.size(); from += 1_000) {
            mongo.getCollection(collection).find(new Document("_id", new Document("$in",
                    ids.subList(from, Math.min(ids.size(), from + 1_000))))).projection(fields).forEach(each);
        }
    }

    private Computed standing(Course course, List<AttendanceSession> list, List<Exercise> work, Document person,
            Map<String, AttendanceStatus> mine, Map<String, Map<String, Document>> byOwner) {
        ZoneId zone = ZoneId.of(course.getTimeZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Weights weights = Weights.of(course);
        Map<Integer, Long> perModule = new HashMap<>();
        list.forEach(s -> perModule.merge(s.getModuleNumber(), 1L, Long::sum));
        long remaining = list.stream().filter(s -> !s.isTaken()).count();
        String accountId = person.getString("accountId");
        String institutionId = person.getString("institutionId");
        Date at = person.getDate("enrolledAt");
        var enrolledOn = at == null ? null : at.toInstant().atZone(zone).toLocalDate();
        List<AttendanceRate.SessionMark> rateMarks = new ArrayList<>();
        List<Standing.SessionMark> sessionMarks = new ArrayList<>();
        TreeSet<Integer> attended = new TreeSet<>();
        for (AttendanceSession s : list) {
            AttendanceStatus recorded = mine.get(s.getId());
            AttendanceStatus shown = s.isTaken() && recorded == null ? AttendanceStatus.ABSENT : recorded;
            boolean came = shown == AttendanceStatus.PRESENT || shown == AttendanceStatus.LATE;
            if (came) {
                attended.add(s.getModuleNumber());
            }
            boolean before = !came && enrolledOn != null && s.getDate() != null && s.getDate().isBefore(enrolledOn);
            rateMarks.add(new AttendanceRate.SessionMark(s.getId(), s.getDate(), s.isTaken(), recorded));
            sessionMarks.add(new Standing.SessionMark(s.getModuleNumber(), s.getNumber(),
                    perModule.get(s.getModuleNumber()).intValue(), s.isTaken(), shown, before, s.hasCome(today)));
        }
        AttendanceRate rate = AttendanceRate.of(rateMarks, enrolledOn, weights);
        BigDecimal best = rate.counted() + remaining == 0 ? null
                : rate.earned().add(BigDecimal.valueOf(remaining)).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(rate.counted() + remaining), 1, RoundingMode.HALF_UP);
        List<Standing.ExerciseMark> exerciseMarks = new ArrayList<>();
        for (Exercise e : work) {
            String owner = e.isTeam() ? "i:" + institutionId : "p:" + accountId;
            Document w = byOwner.getOrDefault(owner, Map.of()).get(e.getId());
            exerciseMarks.add(mark(e, w));
        }
        return new Computed(accountId, institutionId, new Standing(sessionMarks, rate.percent(), best, exerciseMarks),
                List.copyOf(attended), AttendanceRate.shares(rateMarks, enrolledOn, weights));
    }

    /** The exercise as the gradebook sees it: its status and the last grade given (which may be an earlier attempt's). */
    private static Standing.ExerciseMark mark(Exercise e, Document w) {
        if (w == null) {
            return new Standing.ExerciseMark(e.getModuleNumber(), e.getTitle(), null, null, null);
        }
        Submission.Status status = Submission.Status.valueOf(w.getString("st"));
        Document last = null;
        List<?> attempts = w.getList("a", Object.class);
        if (attempts != null) {
            for (int i = attempts.size() - 1; i >= 0 && last == null; i--) {
                if (attempts.get(i) instanceof Document a && a.get("grade") instanceof Document g) {
                    last = g;
                }
            }
        }
        Submission.Verdict verdict = last == null || last.getString("verdict") == null ? null
                : Submission.Verdict.valueOf(last.getString("verdict"));
        BigDecimal outOfTen = null;
        Object score = last == null ? null : last.get("score");
        if (score != null && e.getScale() == Exercise.Scale.POINTS && e.getMaxScore() != null && e.getMaxScore().signum() != 0) {
            outOfTen = new BigDecimal(score.toString()).multiply(BigDecimal.TEN).divide(e.getMaxScore(), 2, RoundingMode.HALF_UP);
        }
        return new Standing.ExerciseMark(e.getModuleNumber(), e.getTitle(), status, verdict, outOfTen);
    }
}
