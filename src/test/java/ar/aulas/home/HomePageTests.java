package ar.aulas.home;

import static ar.aulas.attendance.AttendanceStatus.ABSENT;
import static ar.aulas.attendance.AttendanceStatus.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.accounts.Account;
import ar.aulas.attendance.RollCall;
import ar.aulas.certificates.CertificateScenario;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.exercises.Grading;
import ar.aulas.exercises.Submission;
import ar.aulas.exercises.SubmissionWork;
import ar.aulas.support.AccountBuilder;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Every role's home page says what is next, each line one click from its page. */
@AulasIntegrationTest
class HomePageTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CourseSync sync;
    @Autowired Enrolments enrolments;
    @Autowired RollCall rollCall;
    @Autowired SubmissionWork work;
    @Autowired Grading grading;
    @Autowired UserDetailsService users;

    @TempDir
    Path root;

    Document home(String email) throws Exception {
        var session = email.endsWith("@aulas.demo") ? Sessions.demo(mvc, email) : Sessions.login(mvc, email, AccountBuilder.PASSWORD);
        return Jsoup.parse(mvc.perform(get("/").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void eachRolesHomeSaysWhatIsNextAndLinksToIt() throws Exception {
        var s = new CertificateScenario(root, 2, fixtures, sync, enrolments, rollCall, work, grading, users);
        Account ana = s.person("Ana Inicio", "MSAL");
        Account beto = s.person("Beto Inicio", "MSAL");
        String first = LocalDate.now().plusDays(7).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        Document anas = home(ana.getEmail());
        assertThat(anas.select("#section-NEXT a").text())
                .isEqualTo("Encuentro 1 de Gestión Metropolitana: " + first + " 09:00 · Salón de prueba");
        assertThat(anas.select("#section-NEXT a").attr("href")).isEqualTo("/courses/" + s.code + "/modules/1");
        assertThat(anas.select("#section-TODO a").eachText()).containsExactly(
                "Entregar «Ejercicio 1» (Gestión Metropolitana) hasta el 31/12/2099 23:00",
                "Entregar «Ejercicio 2» (Gestión Metropolitana) hasta el 31/12/2099 23:00");
        assertThat(anas.select("#section-TODO a").eachAttr("href"))
                .first().isEqualTo("/courses/" + s.code + "/modules/1/exercises/e1");
        assertThat(anas.select("#section-CERTIFICATES a").eachText())
                .contains("Certificado de asistencia de Gestión Metropolitana: En curso");

        s.submitted(beto, 1);
        Document trainer = home("capacitadora@aulas.demo");
        assertThat(trainer.select("#section-TODO a[href=/courses/" + s.code + "/modules/1/exercises/e1/submissions?status=SUBMITTED]")
                .text()).isEqualTo("1 entrega espera nota en «Ejercicio 1» (Gestión Metropolitana)");

        s.graded(ana, 1, Submission.Verdict.APPROVED);
        s.roll(1, Map.of(ana.getId(), PRESENT, beto.getId(), ABSENT));
        s.roll(2, Map.of(ana.getId(), PRESENT, beto.getId(), ABSENT));
        anas = home(ana.getEmail());
        assertThat(anas.select("#section-GRADES a").text()).isEqualTo("«Ejercicio 1»: Aprobado, 8 de 10 puntos");
        assertThat(anas.select("#section-TODO a").eachText()).containsExactly(
                "Entregar «Ejercicio 2» (Gestión Metropolitana) hasta el 31/12/2099 23:00");
        assertThat(anas.select("#section-CERTIFICATES a").eachText())
                .contains("Certificado de asistencia de Gestión Metropolitana: Puede recibirlo");

        Document coordinator = home("coordinacion@aulas.demo");
        assertThat(coordinator.select("#section-FOLLOW_UP a[href=/courses/" + s.code + "/attendance]").text())
                .isEqualTo("1 persona en riesgo por asistencia en Gestión Metropolitana");
        assertThat(coordinator.select("#section-FOLLOW_UP a[href=/courses/" + s.code + "/certificates]").text())
                .isEqualTo("1 persona puede recibir su certificado en Gestión Metropolitana");
        Document scoped = home("coordinacion.sanlorenzo@aulas.demo");
        assertThat(scoped.select("a[href^=/courses/" + s.code + "]")).as("nobody of San Lorenzo in this course").isEmpty();
    }
}
