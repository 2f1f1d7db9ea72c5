package ar.aulas.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import ar.aulas.shared.mail.Mailer;
import ar.aulas.shared.mail.OutboxRepository;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AulasIntegrationTest
class OutboxTests {

    @Autowired
    Mailer mailer;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;

    @Test
    void withoutSmtpMailIsKeptInTheOutboxAndAdminsReadItEscaped() throws Exception {
        assertThat(mailer.usesSmtp()).isFalse();
        // later than anything other tests leave (some move the clock years ahead), so it is first in the outbox
        fixtures.clock().travelTo(LocalDate.of(2100, 1, 1));
        mailer.send("ana@salta.gob.ar", "Prueba <b>de</b> bandeja", "Cuerpo <script>alert(1)</script>");
        var latest = outbox.findAll().stream().filter(m -> m.getSubject().equals("Prueba <b>de</b> bandeja")
                && m.getTo().equals("ana@salta.gob.ar")).findFirst().orElseThrow();
        assertThat(latest.getTo()).isEqualTo("ana@salta.gob.ar");

        var admin = Sessions.demo(mvc, "admin@aulas.demo");
        mvc.perform(get("/admin/outbox").session(admin))
                .andExpect(content().string(containsString("Prueba &lt;b&gt;de&lt;/b&gt; bandeja")));
        mvc.perform(get("/admin/outbox/" + latest.getId()).session(admin))
                .andExpect(content().string(containsString("Cuerpo &lt;script&gt;alert(1)&lt;/script&gt;")));
    }
}
