package ar.aulas.demo;

import ar.aulas.accounts.AccountException;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.Passwords;
import ar.aulas.accounts.Role;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.CoursesProperties;
import ar.aulas.courses.Enrolments;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.store.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start: the programme's institutions (missing ones only); then either the demo accounts
 * (embedded store by default, switch {@code aulas.demo.enabled}) or the first administrator.
 */
@Component
// after a command-line course sync, before the generator (which needs the demo accounts)
@Order(0)
class StartupData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupData.class);

    private final InstitutionDirectory institutions;
    private final AccountRegistry accounts;
    private final Passwords passwords;
    private final boolean demo;
    private final DemoProperties.Admin admin;
    private final CourseSync courses;
    private final Enrolments enrolments;
    private final CoursesProperties coursesProperties;
    private final DemoConversation conversation;
    private final DemoLibrary library;

    StartupData(InstitutionDirectory institutions, AccountRegistry accounts, Passwords passwords,
            ObjectProvider<EmbeddedMongo> embedded, DemoProperties properties, CourseSync courses, Enrolments enrolments,
            CoursesProperties coursesProperties, DemoConversation conversation, DemoLibrary library) {
        this.conversation = conversation;
        this.library = library;
        this.courses = courses;
        this.enrolments = enrolments;
        this.coursesProperties = coursesProperties;
        this.institutions = institutions;
        this.accounts = accounts;
        this.passwords = passwords;
        this.admin = properties.admin();
        this.demo = properties.demo().enabled() != null ? properties.demo().enabled() : embedded.getIfAvailable() != null;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = institutions.seedProgrammeInstitutions();
        if (added > 0) {
            log.info("Added {} programme institutions", added);
        }
        if (demo) {
            seedDemoAccounts();
        }
        passwords.ensureAdministrator(admin.email(), admin.password());
        if (coursesProperties.syncOnStart()) {
            courses.syncAll();
        }
        if (demo) {
            enrolDemoParticipants();
            if (courses.isLive(DemoAccounts.COURSE)) {
                conversation.seed();
            }
            library.seed();
        }
    }

    /** The demo participants follow the real course, when it is there. */
    private void enrolDemoParticipants() {
        for (DemoAccounts.Demo d : DemoAccounts.ALL) {
            if (d.roles().contains(Role.PARTICIPANT)) {
                accounts.findByEmail(d.email()).ifPresent(account -> {
                    if (courses.isLive(DemoAccounts.COURSE)) {
                        enrolments.enrol(DemoAccounts.COURSE, account.getId(), null);
                    }
                });
            }
        }
    }

    boolean demoEnabled() {
        return demo;
    }

    private void seedDemoAccounts() {
        int created = 0;
        for (DemoAccounts.Demo d : DemoAccounts.ALL) {
            if (accounts.existsByEmail(d.email())) {
                continue;
            }
            String institutionId = institutions.findByCode(d.institutionCode()).map(Institution::getId).orElse(null);
            String scope = d.coordinatedInstitutionCode() == null ? null
                    : institutions.findByCode(d.coordinatedInstitutionCode()).map(Institution::getId).orElse(null);
            try {
                var account = accounts.create(new AccountRegistry.AccountData(d.fullName(), d.email(), d.dni(),
                        institutionId, d.position(), d.roles(), scope));
                passwords.set(account.getId(), DemoAccounts.PASSWORD);
                created++;
            } catch (AccountException e) {
                log.warn("Demo account {} not created: {}", d.email(), e.messageKey());
            }
        }
        if (created > 0) {
            log.info("Demo data: {} accounts created, password '{}' (see README)", created, DemoAccounts.PASSWORD);
        }
    }
}
