package ar.aulas.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.mongodb.spring.session.MongoIndexedSessionRepository;
import org.mongodb.spring.session.MongoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.support.SerializationFailedException;
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

    private static final Logger log = LoggerFactory.getLogger(StoredSessions.class);
    static final String COLLECTION = "sessions";
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** What a session looked like when this thread read it: a request is served, and its session saved, by one thread. */
    private record Loaded(MongoSession session, Instant accessed, Duration interval, byte[] attributes) {
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
        Map<String, Loaded> mine = LOADED.get();
        // a session whose id changed (at login) is saved under its new id: the document under the old one goes
        for (var read : Map.copyOf(mine).entrySet()) {
            if (read.getValue().session() == session && !read.getKey().equals(session.getId())) {
                mine.remove(read.getKey());
                mongo.remove(Query.query(Criteria.where("_id").is(read.getKey())), COLLECTION);
            }
        }
        Loaded loaded = mine.remove(session.getId());
        byte[] now = attributes(session);
        if (loaded != null && loaded.interval().equals(session.getMaxInactiveInterval())
                && session.getLastAccessedTime().isBefore(loaded.accessed().plus(TOUCH_EVERY))
                && Arrays.equals(loaded.attributes(), now)) {
            return;
        }
        sessions.save(session);
    }

    /**
     * The session's attributes as stored. One that cannot be serialized (a programming error) is dropped with an
     * error in the log, so the person loses that value (a flash message, say) instead of getting an error page.
     */
    private byte[] attributes(MongoSession session) {
        try {
            return serialize(session);
        } catch (SerializationFailedException e) {
            for (String name : Set.copyOf(session.getAttributeNames())) {
                try {
                    serializer.convert(session.getAttribute(name));
                } catch (SerializationFailedException unserializable) {
                    log.error("Session attribute {} ({}) cannot be kept in the store: dropped", name,
                            session.getAttribute(name).getClass().getName());
                    session.removeAttribute(name);
                }
            }
            return serialize(session);
        }
    }

    @Override
    public MongoSession findById(String id) {
        MongoSession session = sessions.findById(id);
        Map<String, Loaded> loaded = LOADED.get();
        if (loaded.size() > 16) {
            loaded.clear(); // reads whose request never saved (an error page): forget them
        }
        if (session != null) {
            loaded.put(id, new Loaded(session, session.getLastAccessedTime(), session.getMaxInactiveInterval(),
                    serialize(session)));
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

    private byte[] serialize(MongoSession session) {
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
