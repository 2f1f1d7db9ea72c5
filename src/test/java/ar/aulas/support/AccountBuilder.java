package ar.aulas.support;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.Passwords;
import ar.aulas.accounts.Role;
import ar.aulas.institutions.InstitutionDirectory;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixture DSL: {@code accounts.participant().of("MSLO").password("…").create()}. Unique DNI and email by default. */
public final class AccountBuilder {

    public static final String PASSWORD = "una frase bastante larga";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private final AccountRegistry registry;
    private final Passwords passwords;
    private final InstitutionDirectory institutions;
    private final int n = SEQUENCE.incrementAndGet();
    private String fullName = "Persona de Prueba " + letters(n);
    private String email = "persona" + n + "@prueba.gob.ar";
    private String dni = String.valueOf(40_000_000 + n % 9_000_000);
    private String institutionCode = "MSAL";
    private Set<Role> roles = EnumSet.of(Role.PARTICIPANT);
    private String scopeCode;
    private String password = PASSWORD;

    public AccountBuilder(AccountRegistry registry, Passwords passwords, InstitutionDirectory institutions) {
        this.registry = registry;
        this.passwords = passwords;
        this.institutions = institutions;
    }

    /** A number written in letters (a name holds no digits). */
    public static String letters(int number) {
        StringBuilder s = new StringBuilder();
        for (int i = number; i > 0; i /= 26) {
            s.append((char) ('a' + i % 26));
        }
        return s.reverse().toString();
    }

    public AccountBuilder named(String fullName) { this.fullName = fullName; return this; }
    public AccountBuilder email(String email) { this.email = email; return this; }
    public AccountBuilder dni(String dni) { this.dni = dni; return this; }
    public AccountBuilder of(String institutionCode) { this.institutionCode = institutionCode; return this; }
    public AccountBuilder roles(Role... roles) { this.roles = EnumSet.of(roles[0], roles); return this; }
    public AccountBuilder coordinating(String institutionCode) { this.scopeCode = institutionCode; return this; }
    public AccountBuilder password(String password) { this.password = password; return this; }

    public String email() { return email; }
    public String password() { return password; }

    public Account create() {
        String institutionId = institutionCode == null ? null
                : institutions.findByCode(institutionCode).orElseThrow().getId();
        String scopeId = scopeCode == null ? null : institutions.findByCode(scopeCode).orElseThrow().getId();
        Account account = registry.create(new AccountRegistry.AccountData(fullName, email, dni, institutionId,
                "Área de prueba", roles, scopeId));
        passwords.set(account.getId(), password);
        return registry.find(account.getId()).orElseThrow();
    }
}
