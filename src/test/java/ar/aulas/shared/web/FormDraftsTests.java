package ar.aulas.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.accounts.Account;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.support.AccountBuilder;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Answers and feedback saved while they are typed come back on their page, to their author only, until sent. */
@AulasIntegrationTest
class FormDraftsTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CourseSync sync;
    @Autowired Enrolments enrolments;

    @TempDir
    Path root;

    @Test
    void anAnswerSavedWhileTypingComesBackToItsAuthorUntilItIsSent() throws Exception {
        String code = "DRF-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var f = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        CourseFolder.create(root, "borradores", code).moduleWithExercise(1, "inicio", "tarea", "individual",
                LocalDateTime.now().minusDays(1).format(f), LocalDateTime.now().plusDays(10).format(f));
        sync.syncAll(root);
        var anaBuilder = fixtures.participant().of("MSAL");
        Account ana = anaBuilder.create();
        var betoBuilder = fixtures.participant().of("MSAL");
        Account beto = betoBuilder.create();
        enrolments.enrol(code, ana.getId(), null);
        enrolments.enrol(code, beto.getId(), null);
        var anaSession = Sessions.login(mvc, anaBuilder.email(), AccountBuilder.PASSWORD);
        var betoSession = Sessions.login(mvc, betoBuilder.email(), AccountBuilder.PASSWORD);
        String page = "/courses/" + code + "/modules/1/exercises/tarea";
        String answer = "El diagnóstico de la cuenca del Arenales, <b>a medio escribir</b>";

        mvc.perform(post("/drafts").param("page", page).param("text", answer).session(anaSession))
                .andExpect(status().isForbidden());
        mvc.perform(post("/drafts").param("page", page).param("text", answer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/drafts").param("page", "/admin/accounts").param("text", answer).session(anaSession).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/drafts").param("page", page).param("text", "x".repeat(50_001)).session(anaSession).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/drafts").param("page", page).param("text", answer).session(anaSession).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.savedAt").isNotEmpty());

        String mine = mvc.perform(get(page).session(anaSession)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(mine).contains("Recuperamos lo que estabas escribiendo", "a medio escribir")
                .doesNotContain("<b>a medio");
        String theirs = mvc.perform(get(page).session(betoSession)).andReturn().getResponse().getContentAsString();
        assertThat(theirs).doesNotContain("Recuperamos", "a medio escribir");

        mvc.perform(post(page).param("text", answer).param("action", "submit").param("token", UUID.randomUUID().toString())
                .session(anaSession).with(csrf())).andExpect(status().is3xxRedirection());
        String after = mvc.perform(get(page).session(anaSession)).andReturn().getResponse().getContentAsString();
        assertThat(after).as("sent: the draft is gone").doesNotContain("Recuperamos");
    }
}
