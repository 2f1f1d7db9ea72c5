package ar.aulas.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** One clock for the whole app, so tests can fix time where rules depend on it. */
    @Bean
    java.time.Clock clock() {
        return java.time.Clock.system(Salta.ZONE);
    }
}
