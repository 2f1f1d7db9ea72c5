package ar.aulas.courses;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.model.UpdateOptions;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A course's structure (its modules, readings, attendance sessions and exercises), read on every page of
 * the course and changed rarely, kept in memory for read-only use. Each course has a version in the store
 * ({@code course_versions}), raised after every write to its structure; a kept list is used only while the
 * version read with it is still the current one, so every instance sees a change at its next read (one read
 * by id instead of a scan per list: the embedded store scans a whole collection for any other filter).
 *
 * <p>Kept objects are shared: callers must not change them (those that change a session or an exercise read
 * it from its repository).
 */
@Component
public class CourseStructure {

    static final String VERSIONS = "course_versions";
    /** The kinds of list kept, each always loaded by the same query. */
    public static final String MODULES = "modules", READINGS = "readings", SESSIONS = "sessions", EXERCISES = "exercises";

    private record Entry(long version, List<?> value) {
    }

    private final MongoTemplate mongo;
    private final Cache<String, Entry> entries = Caffeine.newBuilder().maximumSize(5_000).build();

    CourseStructure(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Call after writing any module, reading, session or exercise of the course. */
    public void changed(String courseCode) {
        mongo.getCollection(VERSIONS).updateOne(new Document("_id", courseCode), new Document("$inc", new Document("v", 1L)),
                new UpdateOptions().upsert(true));
    }

    /** The list kept for this course and kind while the course has not changed since; loaded (and kept) otherwise. */
    @SuppressWarnings("unchecked")
    public <T> List<T> get(String courseCode, String kind, Supplier<List<T>> load) {
        long version = version(courseCode);
        String key = courseCode + "|" + kind;
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.version() == version) {
            return (List<T>) entry.value();
        }
        // the version was read before loading: a change meanwhile raises it, so this list is replaced at the next read
        List<T> value = List.copyOf(load.get());
        entries.put(key, new Entry(version, value));
        return value;
    }

    /** Read once per page (a course home asks for five lists), by id. */
    private long version(String courseCode) {
        return ar.aulas.shared.web.RequestMemo.get("course-version:" + courseCode, () -> {
            Document doc = mongo.getCollection(VERSIONS).find(new Document("_id", courseCode)).first();
            return doc == null ? 0L : ((Number) doc.get("v")).longValue();
        });
    }
}
