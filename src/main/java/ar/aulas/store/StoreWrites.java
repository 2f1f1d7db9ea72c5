package ar.aulas.store;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Counts the write commands this process sends, per collection, as the driver reports them done (or
 * failed: a failed batch may be partly applied). A cache of figures read from some collections is still
 * good while their counts have not moved. Only this process's writes are seen, so such a cache is only
 * sound when this process is the store's one writer: the embedded store, which one process opens.
 */
@Component
public class StoreWrites implements CommandListener {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify");

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<Integer, String> pending = new ConcurrentHashMap<>();
    private final boolean soleWriter;

    StoreWrites(ObjectProvider<EmbeddedMongo> embedded) {
        this.soleWriter = embedded.getIfAvailable() != null;
    }

    /** True on the embedded store: no other process writes to it. */
    public boolean soleWriter() {
        return soleWriter;
    }

    /** Grows whenever any of these collections is written; equal values mean no write in between. */
    public long version(Collection<String> collections) {
        long sum = 0;
        for (String c : collections) {
            AtomicLong n = counts.get(c);
            sum += n == null ? 0 : n.get();
        }
        return sum;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        if (WRITES.contains(name.toLowerCase(Locale.ROOT)) && event.getCommand().isString(name)) {
            pending.put(event.getRequestId(), event.getCommand().getString(name).getValue());
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        done(event.getRequestId());
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        done(event.getRequestId());
    }

    private void done(int requestId) {
        String collection = pending.remove(requestId);
        if (collection != null) {
            counts.computeIfAbsent(collection, k -> new AtomicLong()).incrementAndGet();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        MongoClientSettingsBuilderCustomizer storeWritesListener(StoreWrites writes) {
            return settings -> settings.addCommandListener(writes);
        }
    }
}
