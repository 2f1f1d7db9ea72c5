package ar.aulas.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Sessions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AulasIntegrationTest
class CalendarFeedTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aSecretLinkServesTheEncountersOfOnesCoursesUntilItIsRevoked() throws Exception {
        var tecnico = Sessions.demo(mvc, "tecnico@aulas.demo");
        String url = (String) mvc.perform(post("/account/calendar").session(tecnico).with(csrf()))
                .andReturn().getFlashMap().get("calendarUrl");
        String path = url.substring(url.indexOf("/calendar/"));

        assertThat((String) mvc.perform(post("/account/calendar").session(tecnico).with(csrf())).andReturn().getFlashMap()
                .get("webcalUrl")).as("a webcal: link subscribes from a phone").startsWith("webcal://").endsWith(".ics");
        url = (String) mvc.perform(post("/account/calendar").session(tecnico).with(csrf()))
                .andReturn().getFlashMap().get("calendarUrl");
        path = url.substring(url.indexOf("/calendar/"));
        // long lines are folded (RFC 5545): unfolded before reading
        String ics = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).replace("\r\n ", "");
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT",
                "SUMMARY:Encuentro 1: Lineamientos estratégicos metropolitanos y gestión del territorio · Aulas de Gestión de Ciudades",
                "DTSTART:20261008T120000Z", "LOCATION:Salón de la Mesa Ejecutiva Metropolitana",
                "SUMMARY:Entrega: «Mapa de actores e instrumentos de la institución» (encuentro 1) · Aulas de Gestión de Ciudades");
        String page = mvc.perform(get("/account/calendar").session(tecnico).flashAttr("calendarUrl", url)
                .flashAttr("webcalUrl", url.replaceFirst("^https?://", "webcal://"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"webcal://", "data-copy=\"calendar-url\"", "Copiar el enlace");

        mvc.perform(post("/account/calendar/revoke").session(tecnico).with(csrf()));
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/not-a-token.ics")).andExpect(status().isNotFound());
    }
}
