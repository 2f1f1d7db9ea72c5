package ar.aulas.accounts;

import java.time.Duration;
import org.mongodb.spring.session.JdkMongoSessionConverter;
import org.mongodb.spring.session.MongoIndexedSessionRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * HTTP sessions in the store ({@code aulas.sessions.store=mongo}, the default), so every instance behind a load
 * balancer knows every session: MongoDB's Spring Session module with Java serialization of the attributes, in the
 * {@code sessions} collection. {@code memory} keeps them in the servlet container (tests that carry MockMvc sessions).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aulas.sessions.store", havingValue = "mongo", matchIfMissing = true)
@EnableSpringHttpSession
class SessionStoreConfiguration {

    static final String COOKIE = "SESSION";

    @Bean
    StoredSessions storedSessions(MongoOperations mongo, ApplicationEventPublisher events,
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        MongoIndexedSessionRepository repository = new MongoIndexedSessionRepository(mongo);
        repository.setDefaultMaxInactiveInterval(timeout);
        JdkMongoSessionConverter converter = new JdkMongoSessionConverter(timeout);
        repository.setMongoSessionConverter(converter);
        repository.setCollectionName(StoredSessions.COLLECTION);
        repository.setApplicationEventPublisher(events);
        repository.afterPropertiesSet();
        return new StoredSessions(repository, mongo);
    }

    @Bean
    CookieSerializer sessionCookie() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(COOKIE);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setCookiePath("/");
        return cookie;
    }
}
