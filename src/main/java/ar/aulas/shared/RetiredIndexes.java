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
 * Indexes that no document declares any more, dropped at start wherever a store made before still has them, so
 * writes stop paying for them. Names only: which collection held one is none of this class's business.
 */
@Component
class RetiredIndexes implements ApplicationRunner {

    /** {_id, version}: kept for the embedded store until its planner served a versioned save from _id alone. */
    static final Set<String> NAMES = Set.of("id_version");

    private static final Logger log = LoggerFactory.getLogger(RetiredIndexes.class);

    private final MongoTemplate mongo;

    RetiredIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String collection : mongo.getCollectionNames()) {
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
