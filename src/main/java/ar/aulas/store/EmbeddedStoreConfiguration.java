package ar.aulas.store;

import com.mongodb.ConnectionString;
import java.nio.file.Path;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded store when no MongoDB URI is configured, and points Spring's MongoDB
 * client at it. With {@code spring.mongodb.uri} set, none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMongoUriConfigured.class)
class EmbeddedStoreConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongo embeddedMongo(StoreProperties properties) {
        return properties.inMemory()
                ? EmbeddedMongo.inMemory(properties.database())
                : EmbeddedMongo.onDisk(Path.of(properties.dataDir()), properties.port(), properties.database());
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo mongo) {
        ConnectionString connectionString = new ConnectionString(mongo.connectionString());
        return () -> connectionString;
    }
}
