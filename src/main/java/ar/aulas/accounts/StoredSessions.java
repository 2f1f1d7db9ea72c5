package ar.aulas.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.mongodb.spring.session.MongoIndexedSessionRepository;
import org.mongodb.spring.session.MongoSession;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * The sessions in the store, with one economy: a request that changed nothing in its session but the time of access
 * does not write it back unless that time moved by more than {@link #TOUCH_EVERY}. Every page would otherwise cost a
 * write (a disk commit on the embedded store). A session then expires up to that much later than its timeout says.
 * Expired sessions are removed by {@link SessionCleanUp} (the embedded store has no TTL indexes).
 */
class StoredSessions implements FindByIndexNameSessionRepository<MongoSession> {

    static final String COLLECTION = "sessions";
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** What a session looked like when this thread read it: a request is served, and its session saved, by one thread. */
    private record Loaded(Instant accessed, Duration interval, byte[] attributes) {
    }

    private static final ThreadLocal<Map<String, Loaded>> LOADED = ThreadLocal.withInitial(HashMap::new);

    private final MongoIndexedSessionRepository sessions;
    private final MongoOperations mongo;
    private final SerializingConverter serializer = new SerializingConverter();

    StoredSessions(MongoIndexedSessionRepository sessions, MongoOperations mongo) {
        this.sessions = sessions;
        this.mongo = mongo;
    }

    @Override
    public MongoSession createSession() {
        return sessions.createSession();
    }

    @Override
    public void save(MongoSession session) {
        Loaded loaded = LOADED.get().remove(session.getId());
        if (loaded != null && loaded.interval().equals(session.getMaxInactiveInterval())
                && session.getLastAccessedTime().isBefore(loaded.accessed().plus(TOUCH_EVERY))
                && Arrays.equals(loaded.attributes(), attributes(session))) {
            return;
        }
        sessions.save(session);
    }

    @Override
    public MongoSession findById(String id) {
        MongoSession session = sessions.findById(id);
        Map<String, Loaded> loaded = LOADED.get();
        if (loaded.size() > 16) {
            loaded.clear(); // reads whose request never saved (an error page): forget them
        }
        if (session != null) {
            loaded.put(id, new Loaded(session.getLastAccessedTime(), session.getMaxInactiveInterval(),
                    attributes(session)));
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        LOADED.get().remove(id);
        sessions.deleteById(id);
    }

    @Override
    public Map<String, MongoSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return sessions.findByIndexNameAndIndexValue(indexName, indexValue);
    }

    private byte[] attributes(MongoSession session) {
        Map<String, Object> attributes = new HashMap<>();
        for (String name : session.getAttributeNames()) {
            attributes.put(name, session.getAttribute(name));
        }
        return serializer.convert(attributes);
    }

    /** Sessions whose expiry has passed. */
    long removeExpired(Instant now) {
        return mongo.remove(Query.query(Criteria.where("expireAt").lt(Date.from(now))), COLLECTION).getDeletedCount();
    }
}
