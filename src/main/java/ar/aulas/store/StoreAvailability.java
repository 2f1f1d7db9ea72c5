package ar.aulas.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What Aulas does when the store does not answer. At start, it waits for it (a line in the log per attempt, every
 * {@code aulas.store.start-retry-every}) up to {@code aulas.store.start-wait}, then stops with one clear message
 * instead of failing on the first index it creates. While running, a request waits at most
 * {@code aulas.store.selection-timeout} for it, and then gets the "unavailable" page ({@code StoreUnavailablePage});
 * the driver reconnects by itself when the store is back.
 */
@Configuration(proxyBeanMethods = false)
class StoreAvailability {

    private static final Logger log = LoggerFactory.getLogger(StoreAvailability.class);

    @Bean
    MongoClientSettingsBuilderCustomizer storeSelectionTimeout(StoreProperties properties) {
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                properties.selectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    static BeanPostProcessor waitForTheStore(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof MongoClient client) {
                    // bound here: a post-processor is made before configuration-properties beans exist
                    StoreProperties properties = Binder.get(environment).bindOrCreate("aulas.store",
                            StoreProperties.class);
                    await(client, properties.startWait(), properties.startRetryEvery());
                }
                return bean;
            }
        };
    }

    /** Returns once the store answers a ping; throws {@link StoreUnavailableException} after {@code wait}. */
    static void await(MongoClient client, Duration wait, Duration every) {
        long deadline = System.nanoTime() + wait.toNanos();
        String where = client.getClusterDescription().getClusterSettings().getHosts().toString();
        for (int attempt = 1; ; attempt++) {
            try {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                if (attempt > 1) {
                    log.info("The store at {} answers now", where);
                }
                return;
            } catch (MongoException e) {
                if (System.nanoTime() > deadline) {
                    throw new StoreUnavailableException(where, wait, e);
                }
                log.warn("The store at {} does not answer (attempt {}; waiting up to {} s in all): {}", where, attempt,
                        wait.toSeconds(), e.getClass().getSimpleName());
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StoreUnavailableException(where, wait, e);
                }
            }
        }
    }
}
