package ar.aulas.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import ar.aulas.support.SampleFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@AulasIntegrationTest
class MaterialsAndProgressTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CourseSync sync;
    @Autowired
    Enrolments enrolments;
    @Autowired
    MaterialRepository materials;
    @Autowired
    MongoTemplate mongo;

    @TempDir
    static Path root;

    String code;
    String module;
    MockHttpSession participant;
    MockHttpSession trainer;

    @BeforeEach
    void aCourseWithATrainerAndAParticipant() throws Exception {
        code = "MAT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CourseFolder.create(root, code.toLowerCase(), code).module(1, "inicio", "Inicio")
                .reading(1, "inicio", "01-gestion", "Gestión metropolitana", "La gestión del territorio metropolitano.")
                .reading(1, "inicio", "02-suelo", "Suelo urbano", "Texto sobre el suelo.");
        sync.syncAll(root);
        module = "/courses/" + code + "/modules/1";
        var person = fixtures.participant();
        enrolments.enrol(code, person.create().getId(), null);
        participant = Sessions.login(mvc, person.email(), person.password());
        trainer = Sessions.demo(mvc, "capacitadora@aulas.demo");
    }

    private long storedFiles() {
        return mongo.getCollection("fs.files").countDocuments();
    }

    @Test
    void aTrainersPdfIsVisibleAtOnceToEnrolledParticipantsAndDownloadable() throws Exception {
        var pdf = new MockMultipartFile("file", "Guía del taller (v2).pdf", "application/pdf", CourseFolder.tinyPdf("g"));
        mvc.perform(multipart(module + "/materials").file(pdf).param("kind", "FILE").param("title", "Guía del taller")
                .param("description", "Para imprimir").session(trainer).with(csrf())).andExpect(status().is3xxRedirection());
        Material material = materials.findByCourseCode(code).get(0);
        assertThat(material.getFile().name()).isEqualTo("Guía_del_taller_v2_.pdf");
        assertThat(material.getFile().sha256()).hasSize(64);

        mvc.perform(get(module).session(participant)).andExpect(content().string(containsString("Guía del taller")));
        mvc.perform(get("/courses/" + code + "/files/" + material.getFile().fileId()).session(participant))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
    }

    @Test
    void anExeRenamedPdfIsRefusedAndNothingIsStored() throws Exception {
        long files = storedFiles();
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        var fake = new MockMultipartFile("file", "programa.pdf", "application/pdf", exe);
        mvc.perform(multipart(module + "/materials").file(fake).param("kind", "FILE").param("title", "Falso")
                .session(trainer).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("El contenido del archivo no corresponde a un PDF")));
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(materials.findByCourseCode(code)).isEmpty();
    }

    @Test
    void aFileIsAcceptedOnlyWhenItsContentIsReallyOfItsKind() throws Exception {
        long files = storedFiles();
        Map<String, byte[]> disguised = new LinkedHashMap<>();
        disguised.put("informe.docx", SampleFiles.zipWithProgram());
        disguised.put("datos.xlsx", SampleFiles.zipWithProgram());
        disguised.put("a.odt", SampleFiles.zipWithProgram());
        disguised.put("a.odp", SampleFiles.odt());
        disguised.put("plano.png", SampleFiles.pngWithHtml());
        disguised.put("informe.pdf", SampleFiles.pdfWithHtml());
        for (var file : disguised.entrySet()) {
            String kind = file.getKey().substring(file.getKey().indexOf('.') + 1).toUpperCase();
            mvc.perform(multipart(module + "/materials").file(new MockMultipartFile("file", file.getKey(),
                    "application/octet-stream", file.getValue())).param("kind", "FILE").param("title", "Falso")
                    .session(trainer).with(csrf()))
                    .andExpect(content().string(containsString("El contenido del archivo no corresponde a un " + kind)));
        }
        assertThat(storedFiles()).as("nothing stored").isEqualTo(files);
        assertThat(materials.findByCourseCode(code)).isEmpty();

        Map<String, byte[]> real = Map.of("informe.docx", SampleFiles.docx(), "acta.odt", SampleFiles.odt(),
                "plano.png", SampleFiles.png(), "guia.pdf", CourseFolder.tinyPdf("guia"));
        for (var file : real.entrySet()) {
            mvc.perform(multipart(module + "/materials").file(new MockMultipartFile("file", file.getKey(),
                    "application/octet-stream", file.getValue())).param("kind", "FILE").param("title", file.getKey())
                    .session(trainer).with(csrf())).andExpect(status().is3xxRedirection());
        }
        assertThat(materials.findByCourseCode(code)).hasSize(4);
    }

    @Test
    void aFileOverTheLimitOrOfARefusedTypeIsRefusedWithItsOwnMessage() throws Exception {
        long files = storedFiles();
        byte[] big = new byte[26 * 1024 * 1024];
        System.arraycopy(CourseFolder.tinyPdf("x"), 0, big, 0, 20);
        mvc.perform(multipart(module + "/materials").file(new MockMultipartFile("file", "grande.pdf", "application/pdf", big))
                .param("kind", "FILE").param("title", "Grande").session(trainer).with(csrf()))
                .andExpect(content().string(containsString("supera el máximo de 25 MB.")));
        mvc.perform(multipart(module + "/materials").file(new MockMultipartFile("file", "script.sh", "text/plain",
                        "echo hola".getBytes())).param("kind", "FILE").param("title", "Script").session(trainer).with(csrf()))
                .andExpect(content().string(containsString("Ese tipo de archivo no se acepta.")));
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void aJavascriptLinkIsRefusedAndAnHttpsLinkIsKept() throws Exception {
        mvc.perform(post(module + "/materials").param("kind", "LINK").param("title", "Malo")
                .param("url", "javascript:alert(1)").session(trainer).with(csrf()))
                .andExpect(content().string(containsString("debe ser una dirección completa que empiece con http")));
        mvc.perform(post(module + "/materials").param("kind", "LINK").param("title", "Guía ICES")
                .param("url", "https://publications.iadb.org/es").session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(materials.findByCourseCode(code)).singleElement()
                .extracting(Material::getUrl).isEqualTo("https://publications.iadb.org/es");
    }

    @Test
    void aNoteWithScriptIsRenderedInertAndHiddenMaterialsAreNotShownToParticipants() throws Exception {
        mvc.perform(post(module + "/materials").param("kind", "NOTE").param("title", "Aviso <b>importante</b>")
                .param("note", "Traer **mapas** <script>alert(1)</script><img src=x onerror=alert(1)>")
                .session(trainer).with(csrf())).andExpect(status().is3xxRedirection());
        Material note = materials.findByCourseCode(code).get(0);
        mvc.perform(get(module).session(participant))
                .andExpect(content().string(containsString("<strong>mapas</strong>")))
                .andExpect(content().string(containsString("Aviso &lt;b&gt;importante&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("onerror=\""))))
                .andExpect(content().string(not(containsString("<img src=\"x\""))));

        mvc.perform(post("/courses/" + code + "/materials/" + note.getId() + "/hide").session(trainer).with(csrf()));
        mvc.perform(get(module).session(participant)).andExpect(content().string(not(containsString("mapas"))));
        mvc.perform(get(module).session(trainer)).andExpect(content().string(containsString("Oculto para participantes")));
    }

    @Test
    void materialsAreReorderedAndDeletedOnlyAfterConfirmation() throws Exception {
        for (String title : new String[] {"Primero", "Segundo"}) {
            mvc.perform(post(module + "/materials").param("kind", "NOTE").param("title", title).param("note", title)
                    .session(trainer).with(csrf()));
        }
        Material second = materials.findByCourseCodeAndModuleNumberOrderByPositionAsc(code, 1).get(1);
        mvc.perform(post("/courses/" + code + "/materials/" + second.getId() + "/up").session(trainer).with(csrf()));
        assertThat(materials.findByCourseCodeAndModuleNumberOrderByPositionAsc(code, 1))
                .extracting(Material::getTitle).containsExactly("Segundo", "Primero");

        mvc.perform(get("/courses/" + code + "/materials/" + second.getId() + "/delete").session(trainer))
                .andExpect(content().string(containsString("¿Eliminar «Segundo»?")));
        assertThat(materials.findById(second.getId())).isPresent();
        mvc.perform(post("/courses/" + code + "/materials/" + second.getId() + "/delete").session(trainer).with(csrf()));
        assertThat(materials.findById(second.getId())).isEmpty();
    }

    @Test
    void markingAReadingReadTwiceCountsOnceAndTheCourseHomeShowsThePercentage() throws Exception {
        String read = module + "/readings/gestion/read";
        mvc.perform(post(read).session(participant).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(read).session(participant).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/courses/" + code).session(participant))
                .andExpect(content().string(containsString("Leíste el 50 % de las lecturas disponibles.")))
                .andExpect(content().string(containsString("1 de 2 lecturas leídas")));
        mvc.perform(get(module + "/readings/gestion").session(participant))
                .andExpect(content().string(containsString("Marcaste esta lectura como leída.")));
    }

    @Test
    void searchIgnoresAccentsAndCase() throws Exception {
        mvc.perform(get("/courses/" + code + "/search").param("q", "GESTION").session(participant))
                .andExpect(content().string(containsString("Gestión metropolitana")))
                .andExpect(content().string(not(containsString("Suelo urbano</a>"))));
        mvc.perform(get("/courses/" + code + "/search").param("q", "súelo").session(participant))
                .andExpect(content().string(containsString("Suelo urbano")));
    }
}
