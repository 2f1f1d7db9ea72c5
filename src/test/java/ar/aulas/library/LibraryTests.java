package ar.aulas.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.demo.DemoAccounts;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.support.AccountBuilder;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.SampleFiles;
import ar.aulas.support.Sessions;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The library's rules: proposals reviewed before anyone else sees them, versions kept and restored, the same file
 * stored once, search without accents, what each role may open (404 otherwise), public pages without people, PDFs
 * and images shown in place in a sandbox, and bad input refused with nothing stored.
 */
@AulasIntegrationTest
class LibraryTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    InstitutionDirectory institutions;
    @Autowired
    LibraryDocumentRepository documents;
    @Autowired
    LibraryVersionRepository versions;
    @Autowired
    Fixtures fixtures;

    MockHttpSession trainer;
    MockHttpSession salta;
    MockHttpSession sanLorenzo;
    MockHttpSession scopedCoordinator;
    MockHttpSession coordinator;
    MockHttpSession admin;
    String mslo;
    String tag;

    @BeforeEach
    void people() throws Exception {
        trainer = Sessions.demo(mvc, "capacitadora@aulas.demo");
        salta = Sessions.demo(mvc, "tecnico@aulas.demo");
        sanLorenzo = Sessions.demo(mvc, "tecnica.sanlorenzo@aulas.demo");
        scopedCoordinator = Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo");
        coordinator = Sessions.demo(mvc, "coordinacion@aulas.demo");
        admin = Sessions.demo(mvc, "admin@aulas.demo");
        mslo = institutions.findByCode("MSLO").orElseThrow().getId();
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A document form with sensible details, the file as given; {@code extra} overrides or adds fields. */
    MockMultipartHttpServletRequestBuilder form(String path, MockMultipartFile file, String... extra) {
        MockMultipartHttpServletRequestBuilder request = multipart(path);
        if (file != null) {
            request.file(file);
        }
        Map<String, String> fields = new LinkedHashMap<>(Map.of("title", "Cartografía de riesgo hídrico " + tag,
                "description", "Zonas inundables del Área Metropolitana.", "type", "MAP", "year", "2024", "language", "es",
                "tags", "cartografía, " + tag, "usageRight", "CC_BY", "visibility", "PROGRAMME", "localities", "San Lorenzo"));
        for (int i = 0; i < extra.length; i += 2) {
            fields.put(extra[i], extra[i + 1]);
        }
        fields.forEach(request::param);
        return request;
    }

    static MockMultipartFile pdf(String text) {
        return new MockMultipartFile("file", "mapa-riesgo.pdf", "application/pdf", CourseFolder.tinyPdf(text));
    }

    /** Posts a new document and returns its id (from the redirect to its page). */
    String add(MockHttpSession who, MockMultipartFile file, String... extra) throws Exception {
        String location = mvc.perform(form("/library/new", file, extra).session(who).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/library/");
        return location.substring("/library/".length());
    }

    String page(MockHttpSession who, String path) throws Exception {
        return mvc.perform(get(path).session(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    int found(MockHttpSession who, String q) throws Exception {
        String html = mvc.perform(get("/library").param("q", q).session(who)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String results = html.substring(html.indexOf("aria-live=\"polite\""));
        return results.split("href=\"/library/[0-9a-f]{24}\"", -1).length - 1;
    }

    @Test
    void aProposalIsSeenByNobodyElseUntilALibrarianApprovesItAndThenItIsFoundWithoutAccents() throws Exception {
        String id = add(sanLorenzo, pdf("riesgo"));
        assertThat(documents.findById(id).orElseThrow().getStatus()).isEqualTo(LibraryDocument.Status.PROPOSED);
        assertThat(found(salta, tag)).as("not published yet").isZero();
        mvc.perform(get("/library/" + id).session(salta)).andExpect(status().isNotFound());
        assertThat(page(sanLorenzo, "/library")).contains("Mis propuestas", "Cartografía de riesgo hídrico " + tag);
        assertThat(page(trainer, "/library/review")).contains("Cartografía de riesgo hídrico " + tag);

        // returned without a reason: refused; with one, the contributor is told
        String refused = mvc.perform(post("/library/" + id + "/return").param("reason", " ").session(trainer).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Escribí el motivo");
        assertThat(documents.findById(id).orElseThrow().getStatus()).isEqualTo(LibraryDocument.Status.PROPOSED);
        mvc.perform(post("/library/" + id + "/return").param("reason", "Falta el año de los datos de base.").session(trainer)
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(documents.findById(id).orElseThrow().getStatus()).isEqualTo(LibraryDocument.Status.RETURNED);
        assertThat(page(sanLorenzo, "/notifications")).contains("Falta el año de los datos de base.");
        assertThat(page(sanLorenzo, "/library/" + id)).contains("Te lo devolvieron", "Falta el año de los datos de base.");

        // a new version sends it back to review; approval publishes it and tells the contributor
        mvc.perform(multipart("/library/" + id + "/versions").file(pdf("riesgo 2")).param("note", "Con el año 2024")
                .session(sanLorenzo).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(documents.findById(id).orElseThrow().getStatus()).isEqualTo(LibraryDocument.Status.PROPOSED);
        mvc.perform(post("/library/" + id + "/approve").session(salta).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/library/" + id + "/approve").session(trainer).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(documents.findById(id).orElseThrow().getStatus()).isEqualTo(LibraryDocument.Status.PUBLISHED);
        assertThat(page(sanLorenzo, "/notifications")).contains("se publicó en la biblioteca");

        assertThat(found(salta, "CARTOGRAFIA hidrico " + tag)).isEqualTo(1);
        assertThat(found(salta, "cartografía " + tag.toUpperCase())).isEqualTo(1);
        assertThat(found(salta, "catastro " + tag)).as("every word must appear").isZero();
        assertThat(mvc.perform(get("/library").param("type", "MAP").param("locality", "San Lorenzo").param("q", tag).session(salta))
                .andReturn().getResponse().getContentAsString()).contains("1 documento");
        assertThat(page(salta, "/library?type=DATA&q=" + tag)).contains("Ningún documento");
        String audit = page(trainer, "/library/" + id);
        assertThat(audit).contains("propuso el documento", "devolvió la propuesta", "subió una versión", "aprobó la propuesta");
    }

    @Test
    void everyVersionIsKeptAndRestorableAndTheSameFileIsStoredOnce() throws Exception {
        byte[] first = CourseFolder.tinyPdf("primera " + tag);
        String id = add(trainer, new MockMultipartFile("file", "plan.pdf", "application/pdf", first));
        assertThat(documents.findById(id).orElseThrow().getStatus()).as("a librarian publishes at once")
                .isEqualTo(LibraryDocument.Status.PUBLISHED);
        long files = mongo.getCollection("fs.files").countDocuments();
        mvc.perform(multipart("/library/" + id + "/versions").file(new MockMultipartFile("file", "plan-v2.pdf", "application/pdf",
                CourseFolder.tinyPdf("segunda " + tag))).param("note", "Corregida").session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(files + 1);
        assertThat(page(salta, "/library/" + id)).contains("Corregida", "plan-v2.pdf", "plan.pdf");
        byte[] v1 = mvc.perform(get("/library/" + id + "/versions/1/file").session(salta)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(v1).isEqualTo(first);

        mvc.perform(post("/library/" + id + "/versions/1/restore").session(salta).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/library/" + id + "/versions/1/restore").session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        LibraryDocument restored = documents.findById(id).orElseThrow();
        assertThat(restored.getCurrentVersion()).isEqualTo(3);
        assertThat(versions.findByDocumentIdOrderByNumberDesc(id)).extracting(LibraryVersion::getNumber).containsExactly(3, 2, 1);
        assertThat(versions.findByDocumentIdAndNumber(id, 3).orElseThrow().getRestoredFrom()).isEqualTo(1);
        assertThat(mvc.perform(get("/library/" + id + "/file").session(salta)).andReturn().getResponse().getContentAsByteArray())
                .isEqualTo(first);

        // the same bytes in another document: no new GridFS file, the same one named
        long before = mongo.getCollection("fs.files").countDocuments();
        String twin = add(coordinator, new MockMultipartFile("file", "copia.pdf", "application/pdf", first));
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(before);
        assertThat(documents.findById(twin).orElseThrow().getFile().fileId()).isEqualTo(restored.getFile().fileId());
        assertThat(documents.findById(twin).orElseThrow().getFile().name()).isEqualTo("copia.pdf");
    }

    @Test
    void anInstitutionOnlyDocumentAnswers404ToEveryoneElseOnEveryRoute() throws Exception {
        String id = add(trainer, pdf("solo " + tag), "visibility", "INSTITUTION", "audienceInstitutionId", mslo);
        mvc.perform(multipart("/library/" + id + "/versions").file(pdf("solo 2 " + tag)).session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<String> reads = List.of("/library/" + id, "/library/" + id + "/file", "/library/" + id + "/file?view=true",
                "/library/" + id + "/versions/1/file", "/library/" + id + "/versions/2/file");
        for (String path : reads) {
            mvc.perform(get(path).session(salta)).andExpect(status().isNotFound());
            mvc.perform(get(path)).andExpect(status().is3xxRedirection());
            for (MockHttpSession allowed : List.of(sanLorenzo, scopedCoordinator, coordinator, trainer, admin)) {
                mvc.perform(get(path).session(allowed)).andExpect(status().isOk());
            }
        }
        mvc.perform(get("/public/library/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/public/library/" + id + "/file")).andExpect(status().isNotFound());
        assertThat(found(salta, tag)).isZero();
        assertThat(found(sanLorenzo, tag)).isEqualTo(1);

        // writes by those who may not: 404, nothing changed
        long version = documents.findById(id).orElseThrow().getVersion();
        for (MockHttpSession who : List.of(salta, sanLorenzo, scopedCoordinator)) {
            mvc.perform(get("/library/" + id + "/edit").session(who)).andExpect(status().isNotFound());
            mvc.perform(form("/library/" + id + "/edit", null, "version", String.valueOf(version), "title", "Otro")
                    .session(who).with(csrf())).andExpect(status().isNotFound());
            mvc.perform(multipart("/library/" + id + "/versions").file(pdf("intruso")).session(who).with(csrf()))
                    .andExpect(status().isNotFound());
            for (String action : List.of("approve", "return", "archive", "versions/1/restore", "purge")) {
                mvc.perform(post("/library/" + id + "/" + action).param("reason", "x").session(who).with(csrf()))
                        .andExpect(status().isNotFound());
            }
            mvc.perform(get("/library/review").session(who)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/library/" + id + "/archive").session(trainer)).andExpect(status().isForbidden());
        LibraryDocument after = documents.findById(id).orElseThrow();
        assertThat(after.getVersion()).isEqualTo(version);
        assertThat(after.getCurrentVersion()).isEqualTo(2);
        assertThat(after.getStatus()).isEqualTo(LibraryDocument.Status.PUBLISHED);

        // a scoped coordinator may propose only for their own institution
        String other = institutions.findByCode("MSAL").orElseThrow().getId();
        String answer = mvc.perform(form("/library/new", pdf("ajeno"), "visibility", "INSTITUTION", "audienceInstitutionId", other)
                .session(scopedCoordinator).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("Solo podés limitarlo a tu propia institución");
    }

    @Test
    void publicDocumentsOpenWithoutLoginAndTheirPagesNameNoOne() throws Exception {
        String id = add(trainer, pdf("público " + tag), "visibility", "PUBLIC", "usageRight", "PUBLIC_DOMAIN", "note",
                "Versión revisada por Lucía");
        String internal = add(trainer, pdf("programa " + tag));
        String html = mvc.perform(get("/public/library/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("Cartografía de riesgo hídrico " + tag, "Dominio público", "San Lorenzo")
                .doesNotContain("Lucía", "Fernández", "capacitadora", "Versión revisada", "Propuesto por", "Registro");
        String list = mvc.perform(get("/public/library?q=" + tag)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("/public/library/" + id).doesNotContain("/public/library/" + internal, "Lucía");
        mvc.perform(get("/public/library/" + internal)).andExpect(status().isNotFound());
        mvc.perform(get("/public/library/" + id + "/file")).andExpect(status().isOk());
        mvc.perform(get("/public/library/" + id + "/file")).andExpect(status().isOk());
        assertThat(page(trainer, "/library/" + id)).contains("Descargas sin cuenta: 2");
        assertThat(mongo.getCollection("library_public_downloads").find(new Document("documentId", id)).first())
                .as("counted per day, no address or person").containsOnlyKeys("_id", "documentId", "day", "count");

        String refused = mvc.perform(form("/library/new", pdf("interno"), "visibility", "PUBLIC", "usageRight", "INTERNAL")
                .session(trainer).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Un documento de uso interno no puede ser público");
    }

    @Test
    void pdfsAndImagesOpenInPlaceInASandboxAndEverythingElseDownloads() throws Exception {
        String pdf = add(trainer, pdf("ver " + tag));
        String png = add(trainer, new MockMultipartFile("file", "plano.png", "image/png", SampleFiles.png()));
        String docx = add(trainer, new MockMultipartFile("file", "informe.docx", "application/octet-stream", SampleFiles.docx()));
        for (String id : List.of(pdf, png)) {
            MockHttpServletResponse shown = mvc.perform(get("/library/" + id + "/file?view=true").session(salta))
                    .andExpect(status().isOk()).andReturn().getResponse();
            assertThat(shown.getHeader("Content-Disposition")).startsWith("inline");
            assertThat(shown.getHeader("Content-Security-Policy")).startsWith("sandbox");
            assertThat(shown.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(mvc.perform(get("/library/" + id + "/file").session(salta)).andReturn().getResponse()
                    .getHeader("Content-Disposition")).startsWith("attachment");
        }
        MockHttpServletResponse word = mvc.perform(get("/library/" + docx + "/file?view=true").session(salta))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(word.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(word.getHeader("Content-Security-Policy")).doesNotStartWith("sandbox");
        assertThat(page(salta, "/library/" + pdf)).contains("Ver en el navegador");
        assertThat(page(salta, "/library/" + docx)).doesNotContain("Ver en el navegador");
    }

    @Test
    void badInputIsRefusedNamingItsFieldAndNothingIsStored() throws Exception {
        long docs = documents.count();
        long vers = versions.count();
        long files = mongo.getCollection("fs.files").countDocuments();
        Map<String, MockMultipartHttpServletRequestBuilder> cases = new LinkedHashMap<>();
        cases.put("no corresponde a un PDF", form("/library/new", new MockMultipartFile("file", "informe.pdf",
                "application/pdf", "MZ\u0090\u0000programa".getBytes())));
        cases.put("no corresponde a un DOCX", form("/library/new", new MockMultipartFile("file", "informe.docx", "application/octet-stream",
                SampleFiles.zipWithProgram())));
        cases.put("Elegí el derecho de uso", form("/library/new", pdf("sin derecho"), "usageRight", ""));
        cases.put("Escribí un título", form("/library/new", pdf("sin título"), "title", "  "));
        cases.put("El enlace tiene que empezar con http:// o https://", form("/library/new", null, "url", "javascript:alert(1)"));
        cases.put("Subí un archivo o escribí un enlace, no los dos", form("/library/new", pdf("ambos"), "url", "https://salta.gob.ar"));
        cases.put("Subí un archivo o escribí un enlace.", form("/library/new", null));
        cases.put("El año tiene que ser un número", form("/library/new", pdf("año"), "year", "dos mil"));
        cases.put("Los encuentros van del 1 al 5", form("/library/new", pdf("encuentro"), "modules", "9"));
        for (var c : cases.entrySet()) {
            String html = mvc.perform(c.getValue().session(trainer).with(csrf())).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(html).as(c.getKey()).contains(c.getKey()).contains("is-invalid");
        }
        assertThat(documents.count()).isEqualTo(docs);
        assertThat(versions.count()).isEqualTo(vers);
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(files);

        String link = add(trainer, null, "url", "https://www.salta.gob.ar/planeamiento", "type", "REGULATION");
        assertThat(page(salta, "/library/" + link)).contains("href=\"https://www.salta.gob.ar/planeamiento\"", "Abrir el enlace");
        String escaped = add(trainer, pdf("xss"), "title", "<script>alert(1)</script> " + tag);
        assertThat(page(salta, "/library/" + escaped)).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    @Test
    void anArchivedDocumentIsHiddenAndOnlyAnAdminPurgesItWithItsUnsharedFiles() throws Exception {
        String id = add(trainer, pdf("archivo " + tag));
        String fileId = documents.findById(id).orElseThrow().getFile().fileId();
        mvc.perform(post("/library/" + id + "/purge").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(documents.existsById(id)).as("only an archived document is purged").isTrue();
        mvc.perform(post("/library/" + id + "/archive").session(trainer).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/library/" + id).session(salta)).andExpect(status().isNotFound());
        assertThat(found(salta, tag)).isZero();
        assertThat(page(trainer, "/library/" + id)).contains("Archivado");
        mvc.perform(post("/library/" + id + "/purge").session(trainer).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/library/" + id + "/purge").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(documents.existsById(id)).isFalse();
        assertThat(versions.findByDocumentIdOrderByNumberDesc(id)).isEmpty();
        assertThat(mongo.getCollection("fs.files").countDocuments(new Document("_id", new ObjectId(fileId))))
                .isZero();
        mvc.perform(get("/library/" + id).session(admin)).andExpect(status().isNotFound());
    }

    @Test
    void curatorsOrderACollectionAndEveryoneSeesOnlyTheDocumentsTheyMayOpen() throws Exception {
        String first = add(trainer, pdf("uno " + tag), "title", "Primero " + tag);
        String second = add(trainer, pdf("dos " + tag), "title", "Segundo " + tag);
        String own = add(trainer, pdf("tres " + tag), "title", "De San Lorenzo " + tag, "visibility", "INSTITUTION",
                "audienceInstitutionId", mslo);
        mvc.perform(post("/library/collections").param("title", "Insumos " + tag).session(salta).with(csrf()))
                .andExpect(status().isNotFound());
        String location = mvc.perform(post("/library/collections").param("title", "Insumos " + tag)
                .param("description", "Para el estado de situación").session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String collection = location.substring("/library/collections/".length());
        for (String d : List.of(first, second, own)) {
            mvc.perform(post("/library/collections/documents").param("collectionId", collection).param("documentId", d)
                    .session(trainer).with(csrf())).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/library/collections/documents").param("collectionId", collection).param("documentId", first)
                .session(sanLorenzo).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/library/collections/" + collection + "/documents/" + second + "/move").param("by", "-1")
                .session(trainer).with(csrf())).andExpect(status().is3xxRedirection());
        String seenBySalta = page(salta, location);
        assertThat(seenBySalta.indexOf("Segundo " + tag)).isLessThan(seenBySalta.indexOf("Primero " + tag)).isPositive();
        assertThat(seenBySalta).doesNotContain("De San Lorenzo " + tag).doesNotContain("Quitar");
        assertThat(page(sanLorenzo, location)).contains("De San Lorenzo " + tag);
        assertThat(page(salta, "/library/" + first)).contains("En las colecciones:", "Insumos " + tag);
        mvc.perform(post("/library/collections/" + collection + "/documents/" + first + "/remove").session(salta).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/library/collections/" + collection + "/documents/" + first + "/remove").session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(salta, location)).doesNotContain("Primero " + tag).contains("Segundo " + tag);
    }

    @Test
    void aDocumentLinkedToAModuleAnExerciseAndADebateIsListedThereForWhoeverMayOpenIt() throws Exception {
        String course = DemoAccounts.COURSE;
        String shared = add(trainer, pdf("vinculado " + tag), "title", "Guía vinculada " + tag);
        String own = add(trainer, pdf("propio " + tag), "title", "Solo San Lorenzo " + tag, "visibility", "INSTITUTION",
                "audienceInstitutionId", mslo);
        String proposal = add(sanLorenzo, pdf("propuesta " + tag), "title", "Propuesta " + tag);
        for (String place : List.of(course + "|1|module", course + "|1|exercise:mapa-de-actores", course + "|1|debate")) {
            mvc.perform(post("/library/" + shared + "/links").param("place", place).session(salta).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/library/" + shared + "/links").param("place", place).session(trainer).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(post("/library/" + own + "/links").param("place", place).session(trainer).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/library/" + proposal + "/links").param("place", course + "|1|module").session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/library/" + shared + "/links").param("place", "OTRO|1|module").session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (String path : List.of("/courses/" + course + "/modules/1", "/courses/" + course + "/modules/1/exercises/mapa-de-actores",
                "/courses/" + course + "/debates/1")) {
            assertThat(page(salta, path)).as(path).contains("De la biblioteca", "Guía vinculada " + tag)
                    .doesNotContain("Solo San Lorenzo " + tag, "Propuesta " + tag);
            assertThat(page(sanLorenzo, path)).as(path).contains("Guía vinculada " + tag, "Solo San Lorenzo " + tag);
        }
        assertThat(page(salta, "/courses/" + course + "/modules/2")).doesNotContain("Guía vinculada " + tag);
        String document = page(trainer, "/library/" + shared);
        assertThat(document).contains("Dónde se usa", "Debate del encuentro 1", "Ejercicio «");
        assertThat(mongo.getCollection("library_links").countDocuments(new Document("documentId", shared))).isEqualTo(3);
        assertThat(mongo.getCollection("library_links").countDocuments(new Document("documentId", proposal)))
                .as("only published documents are linked").isZero();
        String link = mongo.getCollection("library_links").find(new Document("documentId", shared).append("place", "module"))
                .first().getObjectId("_id").toHexString();
        mvc.perform(post("/library/" + shared + "/links/" + link + "/remove").session(salta).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/library/" + shared + "/links/" + link + "/remove").session(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(salta, "/courses/" + course + "/modules/1")).doesNotContain("Guía vinculada " + tag);
    }

    @Test
    void anInstitutionsParticipationReportIsPublishedInOneClickAsANewVersionOfItsDocument() throws Exception {
        String course = DemoAccounts.COURSE;
        String publish = "/courses/" + course + "/participation/institutions/" + mslo + "/publish";
        String first = mvc.perform(post(publish).session(scopedCoordinator).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(post(publish).session(coordinator).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(second).as("the same document, a new version").isEqualTo(first);
        LibraryDocument report = documents.findById(first.substring("/library/".length())).orElseThrow();
        assertThat(report.getTitle()).startsWith("Informe de participación — Municipalidad de San Lorenzo");
        assertThat(report.getStatus()).isEqualTo(LibraryDocument.Status.PUBLISHED);
        assertThat(report.getVisibility()).isEqualTo(LibraryDocument.Visibility.INSTITUTION);
        assertThat(report.getAudienceInstitutionId()).isEqualTo(mslo);
        assertThat(report.getUsageRight()).isEqualTo(LibraryDocument.UsageRight.INTERNAL);
        assertThat(report.getCurrentVersion()).isGreaterThanOrEqualTo(2);
        byte[] pdf = mvc.perform(get(first + "/file").session(sanLorenzo)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        mvc.perform(get(first).session(salta)).andExpect(status().isNotFound());
        String salt = institutions.findByCode("MSAL").orElseThrow().getId();
        mvc.perform(post("/courses/" + course + "/participation/institutions/" + salt + "/publish").session(scopedCoordinator)
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(publish).session(salta).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aDocumentFormPostedWithAnEndedSessionComesBackWithWhatWasTyped() throws Exception {
        long before = documents.count();
        // no (or an old) form token: what the expired-session handler sees
        mvc.perform(form("/library/new", pdf("perdido"), "title", "Relevamiento de plazas " + tag, "description",
                "Plazas y espacios verdes por barrio", "tags", "espacio publico").header("Origin", "http://localhost")
                .session(sanLorenzo)).andExpect(status().is3xxRedirection());
        String html = page(sanLorenzo, "/library/new");
        assertThat(html).contains("value=\"Relevamiento de plazas " + tag + "\"", "Plazas y espacios verdes por barrio</textarea>",
                "value=\"espacio publico\"");
        assertThat(documents.count()).isEqualTo(before);
        assertThat(page(sanLorenzo, "/library/new")).as("shown once").doesNotContain("Relevamiento de plazas " + tag);
    }

    @Test
    void aContributorHasAtMostTwentyProposalsWaitingAtOnce() throws Exception {
        MockHttpSession someone = Sessions.login(mvc, fixtures.participant().of("MCER").create().getEmail(),
                AccountBuilder.PASSWORD);
        for (int i = 0; i < 20; i++) {
            add(someone, null, "url", "https://www.cerrillos.gob.ar/doc/" + i, "title", "Propuesta " + i + " " + tag);
        }
        long before = documents.count();
        String refused = mvc.perform(form("/library/new", null, "url", "https://www.cerrillos.gob.ar/doc/21").session(someone)
                .with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Ya tenés 20 propuestas esperando revisión");
        assertThat(documents.count()).isEqualTo(before);
    }
}
