package ar.aulas.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Replaces Boot's MongoDB health check, which sends {@code hello}: the embedded server does not
 * know that command. {@code ping} works on both the embedded server and a real MongoDB.
 */
@Component("mongoHealthIndicator")
class StoreHealth extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    StoreHealth(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = mongo.executeCommand(new Document("ping", 1));
        builder.status(reply.get("ok") != null ? Status.UP
                : Status.DOWN);
    }
}
