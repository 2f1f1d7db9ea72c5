package ar.aulas.conversation;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.courses.CourseFiles;
import ar.aulas.courses.Enrolments;
import ar.aulas.courses.Material;
import ar.aulas.notifications.Notification;
import ar.aulas.notifications.Notifications;
import ar.aulas.shared.Markdown;
import ar.aulas.shared.jobs.JobLeases;
import ar.aulas.shared.mail.Mailer;
import ar.aulas.shared.web.NotFoundException;
import ar.aulas.shared.web.PublicUrls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Convocatorias: posted by the course's trainers and by coordinators (a scoped coordinator to their institution
 * only), to the whole course or one institution, now or at a set time; everyone concerned is told once, by mail and
 * the bell (forced subscription), and sees them with an unread mark until opened.
 */
@Service
public class Announcements {

    private static final Logger log = LoggerFactory.getLogger(Announcements.class);
    static final Locale SPANISH = Locale.forLanguageTag("es-AR");
    static final int MAX_TEXT = 20_000;

    /** @param allCourses a programme coordinator's convocatoria to every course of the programme (one per course) */
    public record Draft(String title, String text, String institutionId, LocalDateTime publishAt, LocalDate pinnedUntil,
            List<MultipartFile> files, boolean allCourses) {

        public Draft(String title, String text, String institutionId, LocalDateTime publishAt, LocalDate pinnedUntil,
                List<MultipartFile> files) {
            this(title, text, institutionId, publishAt, pinnedUntil, files, false);
        }
    }

    public record Line(Announcement announcement, String author, String audience, boolean unread, boolean pinned,
            boolean scheduled) {
    }

    public record ListPage(Course course, List<Line> announcements, boolean canPost, Map<String, String> audiences,
            boolean wholeCourseAllowed, boolean programmeAllowed) {
    }

    private final AnnouncementRepository announcements;
    private final ConversationAccess access;
    private final CourseAccess courses;
    private final Enrolments enrolments;
    private final ReadMarks marks;
    private final Attachments attachments;
    private final People people;
    private final Notifications notifications;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final Markdown markdown;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ObjectProvider<CourseCatalog> catalog;
    private final JobLeases leases;

    Announcements(AnnouncementRepository announcements, ConversationAccess access, CourseAccess courses,
            Enrolments enrolments, ReadMarks marks, Attachments attachments, People people, Notifications notifications,
            Mailer mailer, MessageSource messages, PublicUrls urls, Markdown markdown, MongoTemplate mongo, Clock clock,
            ObjectProvider<CourseCatalog> catalog, JobLeases leases) {
        this.leases = leases;
        this.catalog = catalog;
        this.announcements = announcements;
        this.access = access;
        this.courses = courses;
        this.enrolments = enrolments;
        this.marks = marks;
        this.attachments = attachments;
        this.people = people;
        this.notifications = notifications;
        this.mailer = mailer;
        this.messages = messages;
        this.urls = urls;
        this.markdown = markdown;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Trainers of the course, admins and coordinators who see the course. */
    boolean canPost(AulasUser user, Course course) {
        return access.moderates(user, course) || user.has(Role.COORDINATOR);
    }

    /** The audiences this person may choose: institution id → name ("" for the whole course when allowed). */
    Map<String, String> audiences(AulasUser user, Course course) {
        Map<String, String> names = people.institutionNames();
        Map<String, String> choices = new LinkedHashMap<>();
        if (user.has(Role.COORDINATOR) && user.coordinatedInstitutionId() != null && !access.moderates(user, course)) {
            choices.put(user.coordinatedInstitutionId(), names.getOrDefault(user.coordinatedInstitutionId(), ""));
            return choices;
        }
        enrolments.institutionsOf(course.getCode()).stream().sorted(Comparator.comparing(id -> names.getOrDefault(id, "")))
                .forEach(id -> choices.put(id, names.getOrDefault(id, "")));
        return choices;
    }

    /** Programme coordinators and admins reach every course of the programme at once. */
    private static boolean programmeAllowed(AulasUser user) {
        return user.has(Role.ADMIN) || (user.has(Role.COORDINATOR) && user.coordinatedInstitutionId() == null);
    }

    private boolean wholeCourseAllowed(AulasUser user, Course course) {
        return access.moderates(user, course) || (user.has(Role.COORDINATOR) && user.coordinatedInstitutionId() == null);
    }

    public ListPage list(AulasUser user, String courseCode) {
        Course course = access.course(user, courseCode);
        boolean canPost = canPost(user, course);
        return new ListPage(course, lines(user, course, announcements.findByCourseCodeOrderByPublishAtDesc(course.getCode())),
                canPost, canPost ? audiences(user, course) : Map.of(), wholeCourseAllowed(user, course),
                programmeAllowed(user));
    }

    List<Line> lines(AulasUser user, Course course, List<Announcement> all) {
        Instant now = clock.instant();
        LocalDate today = courses.today(course);
        Map<String, Long> seen = marks.of(user.id(), course.getCode());
        List<Announcement> visible = all.stream().filter(a -> visible(user, course, a, now)).toList();
        Map<String, String> authors = people.names(visible.stream().map(Announcement::getAuthorId).toList());
        Map<String, String> institutions = people.institutionNames();
        List<Line> lines = new ArrayList<>();
        for (Announcement a : visible) {
            lines.add(new Line(a, authors.getOrDefault(a.getAuthorId(), ""),
                    a.getInstitutionId() == null ? null : institutions.getOrDefault(a.getInstitutionId(), ""),
                    a.isPublishedAt(now) && !seen.containsKey(ReadMarks.announcement(a.getId())), a.isPinnedOn(today),
                    !a.isPublishedAt(now)));
        }
        lines.sort(Comparator.comparing((Line l) -> !l.pinned()).thenComparing(l -> l.announcement().getPublishAt(),
                Comparator.reverseOrder()));
        return lines;
    }

    public Line one(AulasUser user, String courseCode, String id) {
        Course course = access.course(user, courseCode);
        Announcement a = visibleOne(user, course, id);
        if (a.isPublishedAt(clock.instant())) {
            marks.mark(user.id(), course.getCode(), ReadMarks.announcement(a.getId()), 1);
            notifications.markReadAt(user, path(a));
        }
        return lines(user, course, List.of(a)).get(0);
    }

    public CourseFiles.Download file(AulasUser user, String courseCode, String id, String fileId) {
        Course course = access.course(user, courseCode);
        return attachments.open(visibleOne(user, course, id).getAttachments(), fileId);
    }

    public Announcement post(AulasUser user, String courseCode, Draft draft) {
        Course course = access.course(user, courseCode);
        if (!canPost(user, course)) {
            throw new NotFoundException();
        }
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty()) {
            throw new ConversationRefused("title", "conversation.title.required");
        }
        if (title.length() > Debates.MAX_TITLE) {
            throw new ConversationRefused("title", "form.tooLong");
        }
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty()) {
            throw new ConversationRefused("text", "conversation.text.required");
        }
        if (text.length() > MAX_TEXT) {
            throw new ConversationRefused("text", "conversation.text.tooLong", MAX_TEXT);
        }
        String audience = draft.institutionId() == null || draft.institutionId().isBlank() ? null : draft.institutionId();
        if (draft.allCourses() && (!programmeAllowed(user) || audience != null)) {
            throw new ConversationRefused("allCourses", "announcement.programme.invalid");
        }
        if (audience == null ? !wholeCourseAllowed(user, course) : !audiences(user, course).containsKey(audience)) {
            throw new ConversationRefused("institutionId", "announcement.audience.invalid");
        }
        ZoneId zone = ZoneId.of(course.getTimeZone());
        Instant now = clock.instant();
        Instant publishAt = draft.publishAt() == null ? now : draft.publishAt().atZone(zone).toInstant();
        if (publishAt.isBefore(now.minusSeconds(60))) {
            throw new ConversationRefused("publishAt", "announcement.publishAt.past");
        }
        if (publishAt.isAfter(now.plus(Duration.ofDays(366)))) {
            throw new ConversationRefused("publishAt", "announcement.publishAt.tooFar");
        }
        if (publishAt.isBefore(now)) {
            publishAt = now;
        }
        if (draft.pinnedUntil() != null && draft.pinnedUntil().isBefore(courses.today(course))) {
            throw new ConversationRefused("pinnedUntil", "announcement.pinned.past");
        }
        List<Material.StoredFile> files = attachments.store(draft.files(), course.getCode(), "announcement");
        // the programme's: the same convocatoria (and files) in every live course, this one first
        List<Course> targets = new ArrayList<>(List.of(course));
        if (draft.allCourses()) {
            catalog.getObject().live().stream().filter(c -> !c.getCode().equals(course.getCode())).forEach(targets::add);
        }
        List<Announcement> saved = new ArrayList<>();
        try {
            for (Course target : targets) {
                saved.add(announcements.save(new Announcement(target.getCode(), audience, title, text,
                        markdown.toSafeHtml(text), files, user.id(), now, publishAt, draft.pinnedUntil())));
            }
        } catch (RuntimeException e) {
            announcements.deleteAll(saved);
            attachments.delete(files);
            throw e;
        }
        for (Announcement a : saved) {
            marks.mark(user.id(), a.getCourseCode(), ReadMarks.announcement(a.getId()), 1);
            if (a.isPublishedAt(now)) {
                deliver(a);
            }
        }
        return announcements.findById(saved.get(0).getId()).orElseThrow();
    }

    /**
     * Scheduled ones whose time has come are delivered by the minute, by one instance (each delivery is claimed
     * anyway, so two instances would not tell anyone twice; the lease saves the second one the work).
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void deliverDueByTheMinute() {
        leases.runExclusively("announcements-due", Duration.ofSeconds(30), this::deliverDue);
    }

    public int deliverDue() {
        int delivered = 0;
        for (Announcement a : announcements.findByDeliveredFalseAndPublishAtLessThanEqual(clock.instant())) {
            if (deliver(a)) {
                delivered++;
            }
        }
        return delivered;
    }

    /**
     * Tells everyone concerned once: the announcement is claimed (delivered false → true) before anyone is told, so a
     * second delivery (the job and the post at once) tells no one.
     */
    boolean deliver(Announcement a) {
        var claimed = mongo.updateFirst(Query.query(Criteria.where("_id").is(a.getId()).and("delivered").is(false)),
                new Update().set("delivered", true), Announcement.class);
        if (claimed.getModifiedCount() == 0) {
            return false;
        }
        Course course = courses.courseForSystem(a.getCourseCode()).orElse(null);
        if (course == null) {
            return false;
        }
        Map<String, Account> to = new HashMap<>();
        people.participants(course, a.getInstitutionId()).forEach(p -> to.put(p.getId(), p));
        people.trainers(course).forEach(p -> to.put(p.getId(), p));
        to.remove(a.getAuthorId());
        notifications.tell(to.keySet(), Notification.Kind.ANNOUNCEMENT, "notification.announcement",
                List.of(a.getTitle(), course.getTitle()), path(a));
        String link = urls.base() + path(a);
        String subject = messages.getMessage("mail.announcement.subject", new Object[] {course.getTitle(), a.getTitle()}, SPANISH);
        for (Account person : to.values()) {
            try {
                mailer.send(person.getEmail(), subject, messages.getMessage("mail.announcement.body",
                        new Object[] {person.getFullName(), a.getTitle(), a.getText(), link}, SPANISH));
            } catch (RuntimeException e) {
                log.warn("Announcement {} not mailed to account {}: {}", a.getId(), person.getId(), e.getMessage());
            }
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(a.getId())), new Update().set("deliveredTo", to.size()),
                Announcement.class);
        return true;
    }

    /** What a person's home page lists for a course: published in the last 30 days or pinned, visible to them. */
    List<Line> recent(AulasUser user, Course course) {
        return lines(user, course, recentOf(course)).stream().filter(l -> !l.scheduled()).toList();
    }

    /** How many of the course's recent announcements this person has not opened. */
    long unread(AulasUser user, Course course) {
        Instant now = clock.instant();
        Map<String, Long> seen = marks.of(user.id(), course.getCode());
        return recentOf(course).stream().filter(a -> a.isPublishedAt(now) && visible(user, course, a, now))
                .filter(a -> !seen.containsKey(ReadMarks.announcement(a.getId()))).count();
    }

    /** The course's announcements of the last 30 days and those still pinned (what the unread count counts). */
    List<Announcement> recentOf(Course course) {
        Instant since = clock.instant().minus(Duration.ofDays(30));
        LocalDate today = courses.today(course);
        return announcements.findByCourseCodeOrderByPublishAtDesc(course.getCode()).stream()
                .filter(a -> a.getPublishAt().isAfter(since) || a.isPinnedOn(today)).toList();
    }

    private Announcement visibleOne(AulasUser user, Course course, String id) {
        return announcements.findById(id).filter(a -> a.getCourseCode().equals(course.getCode()))
                .filter(a -> visible(user, course, a, clock.instant())).orElseThrow(NotFoundException::new);
    }

    /** Published (its author and the trainers also see it scheduled), and to this person's audience. */
    boolean visible(AulasUser user, Course course, Announcement a, Instant now) {
        boolean moderator = access.moderates(user, course);
        if (!a.isPublishedAt(now) && !moderator && !a.getAuthorId().equals(user.id())) {
            return false;
        }
        if (a.getInstitutionId() == null || moderator || user.seesAllInstitutions()) {
            return true;
        }
        if (user.has(Role.COORDINATOR) && a.getInstitutionId().equals(user.coordinatedInstitutionId())) {
            return true;
        }
        return a.getInstitutionId().equals(access.teamOf(user, course));
    }

    static String path(Announcement a) {
        return "/courses/" + a.getCourseCode() + "/announcements/" + a.getId();
    }
}
