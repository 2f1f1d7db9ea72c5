package ar.aulas.support;

import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.Passwords;
import ar.aulas.accounts.Role;
import ar.aulas.institutions.InstitutionDirectory;

/** Entry point of the fixture DSL, autowired into integration tests (see {@link TestSupportConfiguration}). */
public class Fixtures {

    private final AccountRegistry registry;
    private final Passwords passwords;
    private final InstitutionDirectory institutions;
    private final TestClock clock;

    public Fixtures(AccountRegistry registry, Passwords passwords, InstitutionDirectory institutions, TestClock clock) {
        this.clock = clock;
        this.registry = registry;
        this.passwords = passwords;
        this.institutions = institutions;
    }

    /** The application's clock, which tests may stop or move forward (it runs again after each test). */
    public TestClock clock() {
        return clock;
    }

    public AccountBuilder participant() {
        return new AccountBuilder(registry, passwords, institutions).roles(Role.PARTICIPANT);
    }

    public AccountBuilder account(Role... roles) {
        return new AccountBuilder(registry, passwords, institutions).roles(roles);
    }
}
