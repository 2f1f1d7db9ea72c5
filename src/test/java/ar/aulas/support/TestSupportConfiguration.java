package ar.aulas.support;

import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.Passwords;
import ar.aulas.institutions.InstitutionDirectory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    Fixtures fixtures(AccountRegistry registry, Passwords passwords, InstitutionDirectory institutions) {
        return new Fixtures(registry, passwords, institutions);
    }
}
