package ar.aulas.support;

import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.Passwords;
import ar.aulas.institutions.InstitutionDirectory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import ar.aulas.shared.Salta;
import java.time.Clock;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    /** Replaces the application's clock; it runs as the system's until a test stops it. */
    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock(Clock.system(Salta.ZONE));
    }

    @Bean
    Fixtures fixtures(AccountRegistry registry, Passwords passwords, InstitutionDirectory institutions, TestClock clock) {
        return new Fixtures(registry, passwords, institutions, clock);
    }
}
