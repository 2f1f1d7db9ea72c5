package ar.aulas.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class EmbeddedStoreConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StoreProperties.class)
    @Import(EmbeddedStoreConfiguration.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Config.class).withPropertyValues("aulas.store.backend=memory");

    @Test
    void withoutAMongoUriTheEmbeddedServerStartsOnALocalPortAndIsTheConnection() {
        runner.run(context -> {
            EmbeddedMongo mongo = context.getBean(EmbeddedMongo.class);
            assertThat(mongo.port()).isPositive();
            assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
                    .containsExactly("127.0.0.1:" + mongo.port());
        });
    }

    @Test
    void withAMongoUriNoEmbeddedServerStarts() {
        runner.withPropertyValues("spring.mongodb.uri=mongodb://db.example:27017/aulas")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedMongo.class)
                        .doesNotHaveBean(MongoConnectionDetails.class));
    }

    @Test
    void aBlankUriCountsAsNotConfigured() {
        runner.withPropertyValues("spring.mongodb.uri=").run(context -> assertThat(context).hasSingleBean(EmbeddedMongo.class));
    }
}
