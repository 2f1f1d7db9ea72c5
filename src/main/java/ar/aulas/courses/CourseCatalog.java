package ar.aulas.courses;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.shared.web.NotFoundException;
import ar.aulas.shared.web.RequestMemo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** What the course pages show, already filtered by what the person may see. */
@Service
public class CourseCatalog {

    public record ModuleSummary(CourseModule module, boolean released, int readings, int read) {
    }

    public record CourseHome(Course course, List<ModuleSummary> modules, int readings, int read, boolean participant,
            boolean manager, boolean canEnrol, List<CourseSummaries.Summary> summaries, List<CourseLinks.Link> links) {
        public int percentRead() {
            return readings == 0 ? 0 : Math.round(100f * read / readings);
        }
    }

    public record ReadingItem(Reading reading, boolean read) {
    }

    public record ModulePage(Course course, CourseModule module, List<ReadingItem> readings, List<Material> materials,
            List<ModuleActivities.Activity> activities, boolean participant, boolean manager) {
    }

    public record ReadingPage(Course course, CourseModule module, Reading reading, boolean read, boolean participant) {
    }

    private final CourseRepository courses;
    private final CourseModuleRepository modules;
    private final ReadingRepository readings;
    private final ReadingProgressRepository progress;
    private final EnrolmentRepository enrolments;
    private final CourseAccess access;
    private final Materials materials;
    private final Clock clock;
    private final List<ModuleActivities> activities;
    private final List<CourseSummaries> summaries;
    /** Looked up when a home page is built: the features that add links read the catalog themselves. */
    private final ObjectProvider<CourseLinks> links;
    private final Enrolments enrolled;

    CourseCatalog(Enrolments enrolled, List<CourseSummaries> summaries, ObjectProvider<CourseLinks> links, List<ModuleActivities> activities, CourseRepository courses, CourseModuleRepository modules, ReadingRepository readings,
            ReadingProgressRepository progress, EnrolmentRepository enrolments, CourseAccess access, Materials materials,
            Clock clock) {
        this.enrolled = enrolled;
        this.courses = courses;
        this.modules = modules;
        this.readings = readings;
        this.progress = progress;
        this.enrolments = enrolments;
        this.access = access;
        this.materials = materials;
        this.clock = clock;
        this.activities = activities;
        this.summaries = summaries;
        this.links = links;
    }

    /** Every course not archived, for work done across the programme (the debates' daily digest). */
    public List<Course> live() {
        return courses.findByArchivedFalseOrderByStartDateDesc();
    }

    /** "Mis cursos": enrolled, trained, coordinated or (admins, programme coordinators) all. */
    public List<Course> coursesOf(AulasUser user) {
        if (access.canEnrol(user)) {
            return courses.findByArchivedFalseOrderByStartDateDesc();
        }
        Map<String, Course> visible = new LinkedHashMap<>();
        courses.findByTrainerEmailsContainingAndArchivedFalseOrderByStartDateDesc(user.email())
                .forEach(c -> visible.put(c.getCode(), c));
        Set<String> codes = enrolled.activeOf(user.id()).stream()
                .map(Enrolment::getCourseCode).collect(Collectors.toSet());
        if (user.has(Role.COORDINATOR)) {
            courses.findByArchivedFalseOrderByStartDateDesc().stream().filter(c -> access.canSee(user, c))
                    .forEach(c -> visible.put(c.getCode(), c));
        }
        courses.findByCodeInAndArchivedFalseOrderByStartDateDesc(codes).forEach(c -> visible.put(c.getCode(), c));
        return List.copyOf(visible.values());
    }

    public CourseHome home(AulasUser user, String code) {
        Course course = access.course(user, code);
        boolean staff = access.seesUnreleased(user, course);
        LocalDate today = access.today(course);
        Set<String> read = readIds(user, code);
        Map<Integer, List<Reading>> byModule = readingsOf(code).stream()
                .collect(Collectors.groupingBy(Reading::getModuleNumber));
        List<ModuleSummary> summaries = modulesOf(code).stream()
                .map(m -> {
                    List<Reading> rs = byModule.getOrDefault(m.getNumber(), List.of());
                    int done = (int) rs.stream().filter(r -> read.contains(r.getId())).count();
                    return new ModuleSummary(m, m.isReleasedOn(today), rs.size(), done);
                }).toList();
        int total = summaries.stream().filter(s -> s.released() || staff).mapToInt(ModuleSummary::readings).sum();
        int done = summaries.stream().mapToInt(ModuleSummary::read).sum();
        boolean participant = access.isEnrolled(user, course);
        List<CourseSummaries.Summary> extra = participant
                ? this.summaries.stream().flatMap(s -> s.summaries(user, course).stream()).toList() : List.of();
        return new CourseHome(course, summaries, total, done, participant,
                access.canManageMaterials(user, course), access.canEnrol(user), extra,
                links.orderedStream().flatMap(l -> l.links(user, course).stream()).toList());
    }

    public ModulePage module(AulasUser user, String code, int number) {
        Course course = access.course(user, code);
        CourseModule module = access.module(user, course, number);
        Set<String> read = readIds(user, code);
        List<ReadingItem> items = readingsOf(code).stream().filter(r -> r.getModuleNumber() == number)
                .map(r -> new ReadingItem(r, read.contains(r.getId()))).toList();
        List<ModuleActivities.Activity> activities = this.activities.stream()
                .flatMap(a -> a.activities(user, course, number).stream()).toList();
        return new ModulePage(course, module, items, materials.of(user, course, number), activities,
                access.isEnrolled(user, course), access.canManageMaterials(user, course));
    }

    public ReadingPage reading(AulasUser user, String code, int number, String slug) {
        Course course = access.course(user, code);
        CourseModule module = access.module(user, course, number);
        Reading reading = readings.findById(Reading.id(code, number, slug)).filter(r -> !r.isArchived())
                .orElseThrow(NotFoundException::new);
        boolean read = progress.existsById(ReadingProgress.id(user.id(), reading.getId()));
        return new ReadingPage(course, module, reading, read, access.isEnrolled(user, course));
    }

    /** Marks a reading read for an enrolled participant; marking it again changes nothing. */
    public void markRead(AulasUser user, String code, int number, String slug) {
        ReadingPage page = reading(user, code, number, slug);
        if (!page.participant()) {
            throw new NotFoundException();
        }
        String id = ReadingProgress.id(user.id(), page.reading().getId());
        if (!progress.existsById(id)) {
            progress.save(new ReadingProgress(id, user.id(), code, page.reading().getId(), clock.instant()));
        }
    }

    /** The readings of the course this person marked as read, by the progress ids (account:reading), not a scan. */
    private Set<String> readIds(AulasUser user, String code) {
        List<String> ids = readingsOf(code).stream().map(r -> ReadingProgress.id(user.id(), r.getId())).toList();
        Set<String> read = new HashSet<>();
        progress.findAllById(ids).forEach(p -> read.add(p.readingId()));
        return read;
    }

    /** The numbers of the course's modules this person can open today (staff: all). */
    public Set<Integer> openModules(AulasUser user, Course course) {
        boolean staff = access.seesUnreleased(user, course);
        LocalDate today = access.today(course);
        return modulesOf(course.getCode()).stream()
                .filter(m -> staff || m.isReleasedOn(today)).map(CourseModule::getNumber).collect(Collectors.toSet());
    }

    /** The course's modules (released or not) by number: their titles name the encounters' debates. */
    public Map<Integer, CourseModule> modules(String code) {
        Map<Integer, CourseModule> byNumber = new TreeMap<>();
        modulesOf(code).forEach(m -> byNumber.put(m.getNumber(), m));
        return byNumber;
    }

    private List<Reading> readingsOf(String code) {
        return RequestMemo.get("readings:" + code,
                () -> readings.findByCourseCodeAndArchivedFalseOrderByModuleNumberAscPositionAsc(code));
    }

    private List<CourseModule> modulesOf(String code) {
        return RequestMemo.get("modules:" + code, () -> modules.findByCourseCodeAndArchivedFalseOrderByNumberAsc(code));
    }
}
