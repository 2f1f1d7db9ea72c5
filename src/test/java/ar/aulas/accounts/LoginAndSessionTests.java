package ar.aulas.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@AulasIntegrationTest
class LoginAndSessionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountRegistry registry;

    private static MockHttpServletRequestBuilder login(String username, String password) {
        return post("/login").param("username", username).param("password", password).with(csrf());
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/accounts")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aParticipantLogsInWithTheirEmailOrTheirDniWithDots() throws Exception {
        var builder = fixtures.participant().dni("30111222");
        builder.create();
        mvc.perform(login(builder.email().toUpperCase(), builder.password()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(login("30.111.222", builder.password()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        var builder = fixtures.participant();
        builder.create();
        MockHttpSession session = (MockHttpSession) mvc.perform(get("/login")).andReturn().getRequest().getSession();
        String before = session.getId();
        MvcResult result = mvc.perform(login(builder.email(), builder.password())
                .session(session)).andExpect(redirectedUrl("/")).andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void anUnknownAccountAndAWrongPasswordGetTheSameAnswer() throws Exception {
        var builder = fixtures.participant();
        builder.create();
        mvc.perform(login(builder.email(), "no es la contraseña"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(login("nadie" + System.nanoTime() + "@salta.gob.ar", "no es la contraseña"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void theSixthFailedLoginForOneAccountIsRefusedEvenWithTheRightPassword() throws Exception {
        var builder = fixtures.participant();
        builder.create();
        for (int i = 1; i <= 5; i++) {
            mvc.perform(login(builder.email(), "intento equivocado " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(builder.email(), builder.password()))
                .andExpect(redirectedUrl("/login?blocked"));
        mvc.perform(get("/login?blocked").accept(MediaType.TEXT_HTML))
                .andExpect(content().string(Matchers.containsString("bloqueado durante 15 minutos")));
    }

    @Test
    void failuresAreCountedPerAccountWhetherTheEmailOrTheDniWasTyped() throws Exception {
        var builder = fixtures.participant();
        Account account = builder.create();
        String dni = Dni.format(account.getDni());
        for (int i = 1; i <= 5; i++) {
            mvc.perform(login(i % 2 == 0 ? builder.email() : dni, "intento equivocado " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(builder.email(), builder.password())).andExpect(redirectedUrl("/login?blocked"));
        mvc.perform(login(account.getDni(), builder.password())).andExpect(redirectedUrl("/login?blocked"));
    }

    @Test
    void thirtyFailuresFromOneAddressBlockEveryAccountFromThatAddress() throws Exception {
        var victim = fixtures.participant();
        victim.create();
        for (int i = 1; i <= 30; i++) {
            mvc.perform(login("probe" + i + "@salta.gob.ar", "x")
                    .with(r -> { r.setRemoteAddr("10.9.8.7"); return r; }))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(victim.email(), victim.password())
                .with(r -> { r.setRemoteAddr("10.9.8.7"); return r; }))
                .andExpect(redirectedUrl("/login?blocked"));
        // the same person from another address is not affected
        mvc.perform(login(victim.email(), victim.password()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aDeactivatedPersonIsLoggedOutAtTheirNextRequest() throws Exception {
        var builder = fixtures.participant();
        Account account = builder.create();
        MockHttpSession session = (MockHttpSession) mvc.perform(login(builder.email(), builder.password())).andReturn().getRequest().getSession();
        mvc.perform(get("/").session(session)).andExpect(status().isOk());

        registry.deactivate(account.getId());

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(login(builder.email(), builder.password()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aFormPostedAfterTheSessionEndedIsKeptForItsOwnPageButNeverFromAnotherSite() throws Exception {
        var builder = fixtures.participant();
        builder.create();
        // an ended session: a new, anonymous one, without the form's token
        MockHttpSession ended = new MockHttpSession();
        mvc.perform(post("/courses/AGC-2026/modules/1/exercises/mapa-de-actores").param("text", "Texto de un sitio ajeno")
                .header("Origin", "https://sitio-ajeno.example").session(ended)).andExpect(status().isForbidden());
        assertThat(ended.getAttribute("aulas.pendingForm")).as("nothing planted from another site").isNull();

        mvc.perform(post("/courses/AGC-2026/modules/1/exercises/mapa-de-actores").param("text", "Lo que escribí")
                .header("Origin", "http://localhost").session(ended)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(login(builder.email(), builder.password()).session(ended))
                .andExpect(redirectedUrl("/courses/AGC-2026/modules/1/exercises/mapa-de-actores"));
    }

    @Test
    void keepAliveAnswersLoggedInPeopleOnlyAndNeedsItsToken() throws Exception {
        var builder = fixtures.participant();
        builder.create();
        MockHttpSession session = Sessions.login(mvc, builder.email(), builder.password());
        mvc.perform(post("/session/keep-alive").session(session).with(csrf())).andExpect(status().isNoContent())
                .andExpect(header().exists("X-Session-Seconds"));
        mvc.perform(post("/session/keep-alive").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/session/keep-alive").with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPostWithoutCsrfTokenIsForbidden() throws Exception {
        var builder = fixtures.participant();
        builder.create();
        MockHttpSession session = (MockHttpSession) mvc.perform(login(builder.email(), builder.password())).andReturn().getRequest().getSession();
        mvc.perform(post("/account/password").session(session).param("currentPassword", builder.password())
                .param("password", "otra frase bastante larga").param("confirmation", "otra frase bastante larga"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", builder.email()).param("password", builder.password()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownUrlGetsTheNotFoundPageInSpanishForAnonymousAndLoggedInPeople() throws Exception {
        mvc.perform(get("/no-existe").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        var builder = fixtures.participant();
        builder.create();
        MockHttpSession session = (MockHttpSession) mvc.perform(login(builder.email(), builder.password())).andReturn().getRequest().getSession();
        mvc.perform(get("/tampoco-existe").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }

    @Test
    void changingOnesPasswordKeepsThisSessionAndEndsTheOthers() throws Exception {
        var builder = fixtures.participant();
        builder.create();
        MockHttpSession phone = (MockHttpSession) mvc.perform(login(builder.email(), builder.password())).andReturn().getRequest().getSession();
        MockHttpSession laptop = (MockHttpSession) mvc.perform(login(builder.email(), builder.password())).andReturn().getRequest().getSession();

        mvc.perform(post("/account/password").session(laptop).with(csrf())
                .param("currentPassword", builder.password())
                .param("password", "mi nueva frase secreta").param("confirmation", "mi nueva frase secreta"))
                .andExpect(redirectedUrl("/"));

        mvc.perform(get("/").session(laptop)).andExpect(status().isOk());
        mvc.perform(get("/").session(phone)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(login(builder.email(), "mi nueva frase secreta")).andExpect(redirectedUrl("/"));
    }

    @Test
    void aPasswordAgainstThePolicyIsRefusedNextToItsField() throws Exception {
        var builder = fixtures.participant().dni("30999888");
        builder.create();
        MockHttpSession session = (MockHttpSession) mvc.perform(login(builder.email(), builder.password())).andReturn().getRequest().getSession();
        mvc.perform(post("/account/password").session(session).with(csrf())
                .param("currentPassword", builder.password())
                .param("password", "qwertyuiop").param("confirmation", "qwertyuiop"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("demasiado común")))
                .andExpect(content().string(Matchers.containsString("aria-describedby=\"password-error\"")));
        mvc.perform(login(builder.email(), builder.password())).andExpect(redirectedUrl("/"));
    }
}
