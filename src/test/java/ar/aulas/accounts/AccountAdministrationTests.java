package ar.aulas.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.mail.OutboxRepository;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@AulasIntegrationTest
class AccountAdministrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    InstitutionDirectory institutions;
    @Autowired
    OutboxRepository outbox;

    MockHttpSession admin;

    @BeforeEach
    void logInAsAdmin() throws Exception {
        admin = Sessions.demo(mvc, "admin@aulas.demo");
    }

    private MockHttpServletRequestBuilder newAccount(String name, String email, String dni) {
        return post("/admin/accounts/new").session(admin).with(csrf())
                .param("fullName", name).param("email", email).param("dni", dni)
                .param("institutionId", institutions.findByCode("MCER").orElseThrow().getId())
                .param("position", "Catastro").param("roles", "PARTICIPANT").param("version", "0");
    }

    @Test
    void anAdminCreatesAParticipantWhoGetsAnInvitationInTheOutbox() throws Exception {
        long mails = outbox.count();
        mvc.perform(newAccount("Rosa Chocobar", "Rosa.Chocobar@Cerrillos.gob.ar", "25.111.333"))
                .andExpect(redirectedUrlPattern("/admin/accounts/*"));
        Account rosa = accounts.findByEmail("rosa.chocobar@cerrillos.gob.ar").orElseThrow();
        assertThat(rosa.getDni()).isEqualTo("25111333");
        assertThat(rosa.getPasswordHash()).isNull();
        assertThat(outbox.count()).isEqualTo(mails + 1);
        assertThat(outbox.findAll()).anySatisfy(m -> {
            assertThat(m.getTo()).isEqualTo("rosa.chocobar@cerrillos.gob.ar");
            assertThat(m.getBody()).contains("/password/reset?token=").doesNotContain("25111333");
        });
    }

    @Test
    void aDuplicateDniComesBackNextToItsFieldAndNothingIsStored() throws Exception {
        fixtures.participant().dni("26222444").create();
        long before = accounts.count();
        mvc.perform(newAccount("Otra Persona", "otra.persona@cerrillos.gob.ar", "26.222.444"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ya existe una cuenta con ese DNI.")))
                .andExpect(content().string(containsString("id=\"dni-error\"")));
        assertThat(accounts.count()).isEqualTo(before);
    }

    /** GOV.UK's error summary: before the form, each problem linking to its field, and it takes the focus on load. */
    @Test
    void aFailedFormStartsWithASummaryThatLinksEachProblemToItsFieldAndTakesTheFocus() throws Exception {
        String page = mvc.perform(newAccount("", "sin.nombre@cerrillos.gob.ar", "26.222.555")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var summary = Jsoup.parse(page).selectFirst(".error-summary");
        assertThat(summary).isNotNull();
        assertThat(summary.hasAttr("autofocus")).isTrue();
        assertThat(summary.attr("tabindex")).isEqualTo("-1");
        assertThat(summary.selectFirst("h2").text()).isEqualTo("Hay un problema que corregir");
        assertThat(summary.select("a").eachAttr("href")).containsExactly("#fullName");
        assertThat(Jsoup.parse(page).select("form #fullName")).hasSize(1);

        fixtures.participant().dni("26222555").create();
        String duplicate = mvc.perform(newAccount("Otra Persona", "otra.mas@cerrillos.gob.ar", "26.222.555"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(duplicate).select(".error-summary a").eachAttr("href")).containsExactly("#dni");
        assertThat(Jsoup.parse(duplicate).select(".error-summary a").text()).isEqualTo("Ya existe una cuenta con ese DNI.");
    }

    @Test
    void aSurnameOrdersListsAndMustEndTheName() throws Exception {
        String page = mvc.perform(newAccount("María José García Pérez", "mjgp@cerrillos.gob.ar", "25.111.444")
                .param("surname", "Pérez García")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("El apellido tiene que ser el final del nombre completo.");
        assertThat(accounts.findByEmail("mjgp@cerrillos.gob.ar")).isEmpty();
        mvc.perform(newAccount("María José García Pérez", "mjgp@cerrillos.gob.ar", "25.111.444").param("surname", "García Pérez"))
                .andExpect(redirectedUrlPattern("/admin/accounts/*"));
        assertThat(accounts.findByEmail("mjgp@cerrillos.gob.ar").orElseThrow().getSortName())
                .isEqualTo("García Pérez, María José");
    }

    @Test
    void aDuplicateEmailInAnotherCaseIsRefused() throws Exception {
        var existing = fixtures.participant();
        existing.create();
        long before = accounts.count();
        mvc.perform(newAccount("Otra Persona", existing.email().toUpperCase(), "27333555"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ya existe una cuenta con ese correo electrónico.")));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void aMalformedDniOrEmailIsExplainedAndNothingIsStored() throws Exception {
        long before = accounts.count();
        mvc.perform(newAccount("Mal DNI", "mal.dni@cerrillos.gob.ar", "12.34A.678"))
                .andExpect(content().string(containsString("El DNI debe tener 7 u 8 dígitos")));
        mvc.perform(newAccount("Mal correo", "mal.correo@cerrillos", "12345678"))
                .andExpect(content().string(containsString("El correo electrónico no tiene un formato válido")));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void aNameWithMarkupOrAFormulaIsRefusedOnTheAdminFormAsInTheImport() throws Exception {
        long before = accounts.count();
        mvc.perform(newAccount("<script>alert(1)</script>", "script@cerrillos.gob.ar", "12345671"))
                .andExpect(content().string(containsString("El nombre solo puede tener letras")));
        mvc.perform(newAccount("=HYPERLINK(\"http://mal.example\",\"clic\")", "formula@cerrillos.gob.ar", "12345672"))
                .andExpect(content().string(containsString("El nombre solo puede tener letras")));
        mvc.perform(newAccount("x".repeat(81), "largo@cerrillos.gob.ar", "12345673"))
                .andExpect(content().string(containsString("El nombre tiene más de 80 caracteres")));
        assertThat(accounts.count()).isEqualTo(before);
        mvc.perform(newAccount("María José O’Connor-Núñez", "mjo@cerrillos.gob.ar", "12345674"))
                .andExpect(redirectedUrlPattern("/admin/accounts/*"));
    }

    @Test
    void anUnknownInstitutionIsRefused() throws Exception {
        long before = accounts.count();
        mvc.perform(newAccount("Sin Lugar", "sin.lugar@cerrillos.gob.ar", "12345679").param("institutionId", "nope"))
                .andExpect(content().string(containsString("La institución elegida no existe.")));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void anInitialPasswordAgainstThePolicyLeavesNoAccountBehind() throws Exception {
        long before = accounts.count();
        mvc.perform(newAccount("Clave Corta", "clave.corta@cerrillos.gob.ar", "12345680").param("password", "corta"))
                .andExpect(content().string(containsString("al menos 10 caracteres")))
                .andExpect(content().string(not(containsString("value=\"corta\""))));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void theErrorsComeInEnglishWhenEnglishWasChosen() throws Exception {
        fixtures.participant().dni("26222445").create();
        mvc.perform(newAccount("Other Person", "other.person@cerrillos.gob.ar", "26222445")
                        .cookie(new Cookie("aulas-lang", "en")))
                .andExpect(content().string(containsString("An account with that DNI already exists.")))
                .andExpect(content().string(containsString("<html lang=\"en\">")));
    }

    @Test
    void searchFindsPeopleByNameWithoutAccentsByDniAndByEmailAndFiltersByInstitution() throws Exception {
        fixtures.participant().named("Begoña Álvarez Zuleta").dni("33444555").of("MVAQ").create();
        mvc.perform(get("/admin/accounts").param("q", "alvarez").session(admin))
                .andExpect(content().string(containsString("Begoña Álvarez Zuleta")));
        mvc.perform(get("/admin/accounts").param("q", "33444555").session(admin))
                .andExpect(content().string(containsString("33.444.555")));
        String lerma = institutions.findByCode("MRLE").orElseThrow().getId();
        mvc.perform(get("/admin/accounts").param("q", "alvarez").param("institution", lerma).session(admin))
                .andExpect(content().string(not(containsString("Begoña Álvarez Zuleta"))));
    }

    @Test
    void aResetLinkWorksOnceAndSetsANewPassword() throws Exception {
        var person = fixtures.participant();
        Account account = person.create();
        String html = mvc.perform(post("/admin/accounts/" + account.getId() + "/reset-link").session(admin).with(csrf()))
                .andReturn().getFlashMap().get("resetLink").toString();
        String token = html.substring(html.indexOf("token=") + 6);

        mvc.perform(get("/password/reset").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString(person.email())));
        mvc.perform(post("/password/reset").with(csrf()).param("token", token)
                        .param("password", "la nueva frase del cerro").param("confirmation", "la nueva frase del cerro"))
                .andExpect(redirectedUrlPattern("/login*"));
        Sessions.login(mvc, person.email(), "la nueva frase del cerro");

        mvc.perform(post("/password/reset").with(csrf()).param("token", token)
                        .param("password", "otra frase del cerro").param("confirmation", "otra frase del cerro"))
                .andExpect(content().string(containsString("puede haber vencido o ya haberse usado")));
    }

    @Test
    void anInstitutionWithActiveParticipantsCannotBeDeactivated() throws Exception {
        fixtures.participant().of("MLCA").create();
        String caldera = institutions.findByCode("MLCA").orElseThrow().getId();
        mvc.perform(post("/admin/institutions/" + caldera + "/deactivate").session(admin).with(csrf()));
        assertThat(institutions.find(caldera).orElseThrow().isActive()).isTrue();
        mvc.perform(get("/admin/institutions/" + caldera).session(admin))
                .andExpect(content().string(containsString("todavía tiene")));
    }

    @Test
    void aNewInstitutionNeedsAUniqueCode() throws Exception {
        mvc.perform(post("/admin/institutions/new").session(admin).with(csrf()).param("code", "msal")
                        .param("name", "Otra Salta").param("type", "MUNICIPALITY").param("version", "0"))
                .andExpect(content().string(containsString("Ya existe una institución con el código MSAL.")));
        mvc.perform(post("/admin/institutions/new").session(admin).with(csrf()).param("code", "CCHI")
                        .param("name", "Comuna de Chicoana").param("type", "COMMUNE").param("locality", "Chicoana")
                        .param("version", "0"))
                .andExpect(redirectedUrlPattern("/admin/institutions*"));
        assertThat(institutions.findByCode("cchi")).isPresent();
    }
}
