package ar.aulas.reports;

import ar.aulas.store.StoreWrites;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps computed dashboard figures until any collection they are read from is written. A figure is
 * tagged with the write count read before computing it, so a write that lands during the computation
 * makes the next request compute again. On by default only on the embedded store, where this process is
 * the only writer ({@code aulas.reports.cache=true|false} to choose).
 */
@Component
class ParticipationCache {

    /** Everything the participation figures read. */
    static final List<String> SOURCES = List.of("accounts", "institutions", "courses", "course_modules", "enrolments",
            "attendance_sessions", "attendance_records", "exercises", "submissions", "certificates");

    private record Entry(long version, Object value) {
    }

    private final StoreWrites writes;
    private final boolean enabled;
    private final Cache<Object, Entry> entries = Caffeine.newBuilder().maximumSize(500).build();

    ParticipationCache(StoreWrites writes, @Value("${aulas.reports.cache:}") String setting) {
        this.writes = writes;
        this.enabled = setting.isBlank() ? writes.soleWriter() : Boolean.parseBoolean(setting);
    }

    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> compute) {
        if (!enabled) {
            return compute.get();
        }
        long version = writes.version(SOURCES);
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.version() == version) {
            return (T) entry.value();
        }
        T value = compute.get();
        entries.put(key, new Entry(version, value));
        return value;
    }
}
