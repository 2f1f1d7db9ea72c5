package ar.aulas.shared;

import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes no document declares any more, and collections nothing reads any more, dropped at start wherever a store
 * made before still has them, so writes stop paying for them and nothing stale lingers.
 */
@Component
class RetiredData implements ApplicationRunner {

    /**
     * {_id, version}: kept for the embedded store until its planner served a versioned save from _id alone;
     * status_heartbeat: the bulk jobs' index that hung the embedded store (see IssueJob).
     */
    static final Set<String> NAMES = Set.of("id_version", "status_heartbeat");

    /**
     * Workarounds for a store without secondary indexes: a course's structure version (its lists were kept in memory)
     * and each exercise's submissions by owner with their summaries.
     */
    static final Set<String> COLLECTIONS = Set.of("course_versions", "submission_owners", "submission_summaries");

    private static final Logger log = LoggerFactory.getLogger(RetiredData.class);

    private final MongoTemplate mongo;

    RetiredData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String collection : mongo.getCollectionNames()) {
            if (COLLECTIONS.contains(collection)) {
                mongo.getCollection(collection).drop();
                log.info("Dropped the retired collection {}", collection);
                continue;
            }
            for (Document index : mongo.getCollection(collection).listIndexes()) {
                String name = index.getString("name");
                if (NAMES.contains(name)) {
                    mongo.getCollection(collection).dropIndex(name);
                    log.info("Dropped the retired index {} of {}", name, collection);
                }
            }
        }
    }
}
