package ar.aulas.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.courses.CourseSync;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Sessions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@AulasIntegrationTest
class ExerciseSettingsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CourseSync sync;
    @Autowired
    ExerciseRepository exercises;

    @TempDir
    Path root;

    private MockHttpServletRequestBuilder settings(String url, MockHttpSession session, String version,
            String... overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", version);
        values.put("title", "Diagnóstico revisado");
        values.put("instructions", "Nueva **consigna**");
        values.put("opens", "2026-03-10T13:00");
        values.put("due", "2026-03-24T23:59");
        values.put("cutoff", "2026-03-31T23:59");
        values.put("mode", "TEAM");
        values.put("scale", "POINTS");
        values.put("maxScore", "20");
        values.put("passMark", "12");
        values.put("allowText", "true");
        values.put("allowFiles", "true");
        values.put("maxFiles", "3");
        values.put("maxFileMb", "5");
        values.put("releaseImmediately", "false");
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(url).session(session).with(csrf());
        values.forEach(request::param);
        return request;
    }

    @Test
    void aTrainerEditsAnExerciseAndLaterSyncsDoNotOverwriteIt() throws Exception {
        String code = "SET-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CourseFolder.create(root, "c", code).moduleWithExercise(1, "inicio", "diag", "team", "10/03/2026 13:00",
                "24/03/2026 23:59");
        sync.syncAll(root);
        String url = "/courses/" + code + "/modules/1/exercises/diag/settings";
        MockHttpSession trainer = Sessions.demo(mvc, "capacitadora@aulas.demo");
        mvc.perform(get(url).session(trainer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2026-03-24T23:59\"")));
        Exercise before = exercises.findById(code + "/1/diag").orElseThrow();

        mvc.perform(settings(url, trainer, String.valueOf(before.getVersion()), "passMark", "25"))
                .andExpect(content().string(containsString("El puntaje para aprobar debe estar entre 0 y el máximo.")));
        mvc.perform(settings(url, trainer, String.valueOf(before.getVersion()), "maxScore", "7,5"))
                .andExpect(content().string(containsString("Escribí un número, con punto decimal")));
        mvc.perform(settings(url, trainer, String.valueOf(before.getVersion())))
                .andExpect(status().is3xxRedirection());

        Exercise after = exercises.findById(code + "/1/diag").orElseThrow();
        assertThat(after.getTitle()).isEqualTo("Diagnóstico revisado");
        assertThat(after.getMaxScore()).isEqualByComparingTo("20");
        assertThat(after.getCutoff()).hasToString("2026-03-31T23:59");
        assertThat(after.gradesVisible()).isFalse();

        CourseFolder.create(root, "c", code).moduleWithExercise(1, "inicio", "diag", "team", "11/03/2026 13:00",
                "25/03/2026 23:59");
        sync.syncAll(root);
        assertThat(exercises.findById(code + "/1/diag").orElseThrow().getTitle()).isEqualTo("Diagnóstico revisado");

        Exercise edited = exercises.findById(code + "/1/diag").orElseThrow();
        mvc.perform(settings(url, trainer, String.valueOf(edited.getVersion()), "rubric",
                        "Diagnóstico | Completo=12: con datos | Parcial=6\nMapa | Presente=8 | Ausente=0"))
                .andExpect(status().is3xxRedirection());
        assertThat(exercises.findById(code + "/1/diag").orElseThrow().getRubric())
                .extracting(c -> c.name()).containsExactly("Diagnóstico", "Mapa");
        Exercise withRubric = exercises.findById(code + "/1/diag").orElseThrow();
        mvc.perform(settings(url, trainer, String.valueOf(withRubric.getVersion()), "rubric", "Diagnóstico | Completo=5"))
                .andExpect(content().string(containsString("La rúbrica suma 5 puntos pero el puntaje máximo es 20")));
        mvc.perform(settings(url, trainer, String.valueOf(withRubric.getVersion()), "rubric", "Diagnóstico sin niveles"))
                .andExpect(content().string(containsString("La línea 1 de la rúbrica no tiene la forma")));

        MockHttpSession participant = Sessions.demo(mvc, "tecnico@aulas.demo");
        mvc.perform(get(url).session(participant)).andExpect(status().isNotFound());
    }
}
