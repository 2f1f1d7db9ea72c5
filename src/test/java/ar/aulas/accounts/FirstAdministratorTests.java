package ar.aulas.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import ar.aulas.support.Sessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Without demo data (as on a real MongoDB) and without configured credentials, a setup link is logged. */
@SpringBootTest(properties = {"aulas.demo.enabled=false", "aulas.store.database=setup-${random.uuid}",
        "spring.mongodb.database=setup-${random.uuid}"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Passwords passwords;
    @Autowired
    AccountRepository accounts;

    @Test
    void withoutAnAdministratorASetupLinkIsLoggedAndWorksOnce(CapturedOutput output) throws Exception {
        assertThat(accounts.existsByRolesContaining(Role.ADMIN)).isFalse();
        assertThat(accounts.findByEmail("admin@aulas.demo")).isEmpty();

        String url = passwords.ensureAdministrator(null, null).orElseThrow();
        assertThat(output.getAll()).contains("No administrator exists. Create one within 48 hours at: http://localhost:8080/setup?token=");
        String token = url.substring(url.indexOf("token=") + 6);

        mvc.perform(post("/setup").with(csrf()).param("token", token).param("fullName", "Ana Admin")
                        .param("email", "ana@salta.gob.ar").param("password", "corta").param("confirmation", "corta"))
                .andExpect(content().string(containsString("al menos 10 caracteres")));
        assertThat(accounts.existsByRolesContaining(Role.ADMIN)).isFalse();

        mvc.perform(post("/setup").with(csrf()).param("token", token).param("fullName", "Ana Admin")
                        .param("email", "ana@salta.gob.ar").param("password", "la primera frase segura")
                        .param("confirmation", "la primera frase segura"))
                .andExpect(redirectedUrl("/login"));
        Sessions.login(mvc, "ana@salta.gob.ar", "la primera frase segura");

        mvc.perform(get("/setup").param("token", token))
                .andExpect(content().string(containsString("puede haber vencido o ya haberse usado")));
        assertThat(passwords.ensureAdministrator(null, null)).isEmpty();
    }
}
