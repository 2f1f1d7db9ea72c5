package ar.aulas.conversation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.Role;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.support.AccountBuilder;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A course of its own with a trainer of its own, encounter 1 released and 2 not; two participants of the
 * Municipalidad de Salta (A, B), one of San Lorenzo (C), a Salta outsider not enrolled (O) and a coordinator scoped
 * to San Lorenzo (K); each logged in through the real form.
 */
final class ConversationScenario {

    final MockMvc mvc;
    final String code;
    final Account trainer;
    final Account a;
    final Account b;
    final Account c;
    final Account outsider;
    final String salta;
    final String sanLorenzo;
    final MockHttpSession trainerSession;
    final MockHttpSession aSession;
    final MockHttpSession bSession;
    final MockHttpSession cSession;
    final MockHttpSession outsiderSession;
    final MockHttpSession scopedSession;

    ConversationScenario(MockMvc mvc, Fixtures fixtures, CourseSync sync, Enrolments enrolments,
            InstitutionDirectory institutions, Path root) throws Exception {
        this.mvc = mvc;
        code = "CNV-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        AccountBuilder t = fixtures.account(Role.TRAINER).of("MEM");
        trainer = t.create();
        CourseFolder folder = CourseFolder.create(root, code.toLowerCase(), code).module(1, "inicio", "Inicio");
        folder.write("course.yml", """
                code: %s
                title: Curso de conversación %s
                edition: "2026"
                startDate: 01/03/2026
                endDate: 2026-06-30
                totalHours: 20
                summary: Un curso **de prueba**.
                trainers:
                  - %s
                """.formatted(code, code, t.email()));
        folder.write("02-futuro/module.md", "---\nnumber: 2\ntitle: Futuro\ndate: 10/03/2099\nstart: \"09:00\"\n"
                + "end: \"13:00\"\nvenue: Sala\nrelease: 01/03/2099\n---\nAún no\n");
        sync.syncAll(root);
        AccountBuilder aa = fixtures.participant().of("MSAL").named("Ana Belén Cruz " + AccountBuilder.letters(code.hashCode() & 0xffff));
        AccountBuilder bb = fixtures.participant().of("MSAL");
        AccountBuilder cc = fixtures.participant().of("MSLO").named("José Ñandú " + AccountBuilder.letters(code.hashCode() & 0xfff));
        AccountBuilder oo = fixtures.participant().of("MSAL");
        AccountBuilder kk = fixtures.account(Role.COORDINATOR).of("MSLO").coordinating("MSLO");
        a = aa.create();
        b = bb.create();
        c = cc.create();
        outsider = oo.create();
        kk.create();
        enrolments.enrol(code, a.getId(), null);
        enrolments.enrol(code, b.getId(), null);
        enrolments.enrol(code, c.getId(), null);
        salta = institutions.findByCode("MSAL").orElseThrow().getId();
        sanLorenzo = institutions.findByCode("MSLO").orElseThrow().getId();
        trainerSession = Sessions.login(mvc, t.email(), t.password());
        aSession = Sessions.login(mvc, aa.email(), aa.password());
        bSession = Sessions.login(mvc, bb.email(), bb.password());
        cSession = Sessions.login(mvc, cc.email(), cc.password());
        outsiderSession = Sessions.login(mvc, oo.email(), oo.password());
        scopedSession = Sessions.login(mvc, kk.email(), kk.password());
    }

    String debate(int module) {
        return "/courses/" + code + "/debates/" + module;
    }

    String team(String institutionId) {
        return "/courses/" + code + "/teams/" + institutionId;
    }

    String questions() {
        return "/courses/" + code + "/questions";
    }

    String thread(String id) {
        return "/courses/" + code + "/threads/" + id;
    }

    /** Starts a thread through the form and returns its id. */
    String start(MockHttpSession session, String spacePath, String title, String text, MockMultipartFile... files)
            throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart(spacePath);
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        String location = mvc.perform(request.param("title", title).param("text", text).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Replies through the form and returns the new post's id. */
    String reply(MockHttpSession session, String threadId, String text, String replyTo) throws Exception {
        var request = multipart(thread(threadId)).param("text", text).session(session).with(csrf());
        if (replyTo != null) {
            request.param("replyTo", replyTo).param("quote", "true");
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return location.substring(location.indexOf("#post-") + 6);
    }
}
