package ar.aulas.courses;

import ar.aulas.courses.content.ContentError;
import ar.aulas.courses.content.CourseContent;
import ar.aulas.courses.content.CourseFolderReader;
import ar.aulas.shared.Markdown;
import ar.aulas.shared.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Service;

/**
 * Imports the course folders into the store. Each course is validated whole first; a course with
 * any error is not touched (the previous version stays live). Items are upserted by stable ids and
 * written only when their source changed, so a second sync with no change writes nothing. Items
 * gone from the files are archived, never deleted: progress, submissions and attendance may refer to them.
 */
@Service
public class CourseSync {

    private static final Logger log = LoggerFactory.getLogger(CourseSync.class);
    static final Locale LOG_LOCALE = Locale.forLanguageTag("es-AR");

    private final CoursesProperties properties;
    private final CourseRepository courses;
    private final CourseModuleRepository modules;
    private final ReadingRepository readings;
    private final MongoTemplate mongo;
    private final GridFsTemplate files;
    private final Markdown markdown;
    private final MessageSource messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;


    CourseSync(ApplicationEventPublisher events, CoursesProperties properties, CourseRepository courses, CourseModuleRepository modules,
            ReadingRepository readings, MongoTemplate mongo, GridFsTemplate files, Markdown markdown,
            MessageSource messages, Clock clock) {
        this.properties = properties;
        this.courses = courses;
        this.modules = modules;
        this.readings = readings;
        this.mongo = mongo;
        this.files = files;
        this.markdown = markdown;
        this.messages = messages;
        this.clock = clock;
        this.events = events;
    }

    public Path root() {
        return Path.of(properties.dir());
    }

    /** Syncs every course folder under the configured content root. */
    public List<SyncReport> syncAll() {
        return syncAll(root());
    }

    /** Syncs every course folder under {@code root}; one sync at a time. */
    public synchronized List<SyncReport> syncAll(Path root) {
        if (!Files.isDirectory(root)) {
            log.warn("No course folder at {}: nothing to sync", root.toAbsolutePath());
            return List.of();
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(root)) {
            folders = children.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CourseFolderReader reader = new CourseFolderReader(root);
        List<CourseFolderReader.Result> results = folders.stream().map(reader::read).toList();
        Map<String, String> codes = new HashMap<>();
        List<SyncReport> reports = new ArrayList<>();
        for (CourseFolderReader.Result result : results) {
            long start = System.nanoTime();
            if (result.valid()) {
                String other = codes.putIfAbsent(result.content().code(), result.folder());
                if (other != null) {
                    result.errors().add(new ContentError(result.folder() + "/course.yml", null,
                            "content.error.codeRepeated", result.content().code(), other));
                }
            }
            SyncReport report = result.valid() ? write(result.content(), start) : reject(result, start);
            mongo.save(report);
            reports.add(report);
            if (!report.rejected()) {
                events.publishEvent(new CourseContentSynced(report.courseCode(), report.written() + report.archived() > 0));
            }
        }
        return reports;
    }

    public boolean isLive(String courseCode) {
        return courses.findById(courseCode).filter(c -> !c.isArchived()).isPresent();
    }

    public List<SyncReport> lastReports() {
        return mongo.findAll(SyncReport.class).stream()
                .sorted((a, b) -> a.folder().compareTo(b.folder())).toList();
    }

    private SyncReport reject(CourseFolderReader.Result result, long start) {
        for (ContentError error : result.errors()) {
            log.error("Course {} not imported: {}{} {}", result.folder(), error.file(),
                    error.line() == null ? "" : ":" + error.line(),
                    messages.getMessage(error.key(), error.args(), error.key(), LOG_LOCALE));
        }
        return new SyncReport(result.folder(), result.content() == null ? null : result.content().code(),
                SyncReport.Outcome.REJECTED, 0, 0, millis(start), List.copyOf(result.errors()), clock.instant());
    }

    private SyncReport write(CourseContent content, long start) {
        int written = 0;
        int archived = 0;
        Course course = courses.findById(content.code()).orElseGet(() -> new Course(content.code()));
        if (!Objects.equals(course.getContentHash(), content.hash()) || course.isArchived()
                || !Objects.equals(course.getFolder(), content.folder())) {
            course.update(content.folder(), content.title(), content.edition(), content.startDate(), content.endDate(),
                    content.totalHours(), markdown.toSafeHtml(content.summary()), content.summary(),
                    content.trainers(), content.timeZone(), content.certificates(), content.attendance(), content.hash(),
                    clock.instant());
            courses.save(course);
            written++;
        }

        Map<String, CourseModule> existingModules = new HashMap<>();
        modules.findByCourseCodeOrderByNumberAsc(content.code()).forEach(m -> existingModules.put(m.getId(), m));
        Map<String, Reading> existingReadings = new HashMap<>();
        readings.findByCourseCode(content.code()).forEach(r -> existingReadings.put(r.getId(), r));
        Set<String> seenModules = new HashSet<>();
        Set<String> seenReadings = new HashSet<>();

        for (CourseContent.ModuleContent m : content.modules()) {
            String id = CourseModule.id(content.code(), m.number());
            seenModules.add(id);
            CourseModule module = existingModules.getOrDefault(id, new CourseModule(content.code(), m.number()));
            if (!Objects.equals(module.getContentHash(), m.hash()) || module.isArchived()) {
                module.update(m.slug(), m.title(), m.date(), m.start(), m.end(), m.venue(), m.objectives(), m.release(),
                        markdown.toSafeHtml(m.body()),
                        Text.searchable(m.title() + " " + String.join(" ", m.objectives()) + " " + m.body()),
                        m.exercises(), m.hash());
                modules.save(module);
                written++;
            }
            for (CourseContent.ReadingContent r : m.readings()) {
                String readingId = Reading.id(content.code(), m.number(), r.slug());
                seenReadings.add(readingId);
                Reading reading = existingReadings.getOrDefault(readingId,
                        new Reading(content.code(), m.number(), r.slug()));
                if (!Objects.equals(reading.getContentHash(), r.hash()) || reading.isArchived()
                        || reading.getPosition() != r.position()) {
                    List<Reading.Attachment> attachments = r.attachments().stream().map(this::store).toList();
                    reading.update(r.position(), r.title(), Reading.Kind.valueOf(r.kind().toUpperCase(Locale.ROOT)),
                            r.minutes(), markdown.toSafeHtml(r.body()), Text.searchable(r.title() + " " + r.body()),
                            attachments, r.hash());
                    readings.save(reading);
                    written++;
                }
            }
        }
        for (CourseModule module : existingModules.values()) {
            if (!seenModules.contains(module.getId()) && !module.isArchived()) {
                module.archive();
                modules.save(module);
                archived++;
            }
        }
        for (Reading reading : existingReadings.values()) {
            if (!seenReadings.contains(reading.getId()) && !reading.isArchived()) {
                reading.archive();
                readings.save(reading);
                archived++;
            }
        }
        SyncReport.Outcome outcome = written + archived == 0 ? SyncReport.Outcome.UNCHANGED : SyncReport.Outcome.IMPORTED;
        log.info("Course {} ({}): {} items written, {} archived", content.code(), content.folder(), written, archived);
        return new SyncReport(content.folder(), content.code(), outcome, written, archived, millis(start), List.of(),
                clock.instant());
    }

    /** Stores an attachment in GridFS unless a file with the same SHA-256 is already there. */
    private Reading.Attachment store(CourseContent.AttachmentFile file) {
        var existing = files.findOne(Query.query(Criteria.where("metadata.sha256").is(file.sha256())));
        ObjectId id;
        if (existing != null) {
            id = existing.getObjectId();
        } else {
            try (InputStream in = Files.newInputStream(file.path())) {
                id = files.store(in, file.name(), file.contentType(),
                        new Document("sha256", file.sha256()).append("size", file.size()).append("source", "course"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Reading.Attachment(file.name(), id.toHexString(), file.sha256(), file.size(), file.contentType());
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
