package ar.aulas.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** One clock for the whole app, so tests can fix time where rules depend on it. */
    @Bean
    Clock clock() {
        return Clock.system(Salta.ZONE);
    }
}
