package ar.aulas.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.CourseFolder;
import ar.aulas.support.Sessions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Every library route that reads a document × every role × a document in each state: what a person may not open
 * answers 404 (anonymous visitors are sent to log in on the routes that need it), and every write by someone who
 * may not make it answers 404 and changes nothing.
 */
@AulasIntegrationTest
class LibraryAccessTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    InstitutionDirectory institutions;
    @Autowired
    LibraryDocumentRepository documents;

    static final List<String> ROLES = List.of("anonymous", "salta", "sanLorenzo", "scopedSanLorenzo", "coordinator", "trainer",
            "admin");
    static final Set<String> LIBRARIANS = Set.of("coordinator", "trainer", "admin");

    Map<String, MockHttpSession> sessions() throws Exception {
        Map<String, MockHttpSession> s = new LinkedHashMap<>();
        s.put("anonymous", null);
        s.put("salta", Sessions.demo(mvc, "tecnico@aulas.demo"));
        s.put("sanLorenzo", Sessions.demo(mvc, "tecnica.sanlorenzo@aulas.demo"));
        s.put("scopedSanLorenzo", Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo"));
        s.put("coordinator", Sessions.demo(mvc, "coordinacion@aulas.demo"));
        s.put("trainer", Sessions.demo(mvc, "capacitadora@aulas.demo"));
        s.put("admin", Sessions.demo(mvc, "admin@aulas.demo"));
        return s;
    }

    String add(MockHttpSession who, String tag, String... fields) throws Exception {
        var request = multipart("/library/new").file(new MockMultipartFile("file", "doc.pdf", "application/pdf",
                CourseFolder.tinyPdf(tag)));
        Map<String, String> values = new LinkedHashMap<>(Map.of("title", "Documento " + tag, "type", "REPORT",
                "usageRight", "CC_BY", "visibility", "PROGRAMME"));
        for (int i = 0; i < fields.length; i += 2) {
            values.put(fields[i], fields[i + 1]);
        }
        values.forEach(request::param);
        String location = mvc.perform(request.session(who).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/library/");
        return location.substring("/library/".length());
    }

    @Test
    void everyReadingRouteByEveryRoleForADocumentInEachState() throws Exception {
        Map<String, MockHttpSession> s = sessions();
        String mslo = institutions.findByCode("MSLO").orElseThrow().getId();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("programme", add(s.get("trainer"), "p" + tag));
        docs.put("institution", add(s.get("trainer"), "i" + tag, "visibility", "INSTITUTION", "audienceInstitutionId", mslo));
        docs.put("proposed", add(s.get("sanLorenzo"), "r" + tag));
        docs.put("public", add(s.get("trainer"), "u" + tag, "visibility", "PUBLIC"));
        docs.put("archived", add(s.get("trainer"), "a" + tag));
        mvc.perform(post("/library/" + docs.get("archived") + "/archive").session(s.get("trainer")).with(csrf()));

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var doc : docs.entrySet()) {
            String id = doc.getValue();
            for (String role : ROLES) {
                boolean reads = reads(role, doc.getKey());
                boolean edits = edits(role, doc.getKey());
                Map<String, Integer> expected = new LinkedHashMap<>();
                int denied = role.equals("anonymous") ? 302 : 404;
                expected.put("/library/" + id, reads ? 200 : denied);
                expected.put("/library/" + id + "/file", reads ? 200 : denied);
                expected.put("/library/" + id + "/file?view=true", reads ? 200 : denied);
                expected.put("/library/" + id + "/versions/1/file", reads ? 200 : denied);
                expected.put("/library/" + id + "/versions/2/file", role.equals("anonymous") ? 302 : 404);
                expected.put("/library/" + id + "/edit", edits ? 200 : denied);
                expected.put("/public/library/" + id, doc.getKey().equals("public") ? 200 : 404);
                expected.put("/public/library/" + id + "/file", doc.getKey().equals("public") ? 200 : 404);
                for (var e : expected.entrySet()) {
                    var request = get(e.getKey());
                    if (s.get(role) != null) {
                        request.session(s.get(role));
                    }
                    int status = mvc.perform(request).andReturn().getResponse().getStatus();
                    checked++;
                    if (status != e.getValue()) {
                        wrong.add(doc.getKey() + " " + role + " GET " + e.getKey() + ": " + status + " instead of " + e.getValue());
                    }
                }
            }
        }
        for (String role : ROLES) {
            var request = get("/library/review");
            if (s.get(role) != null) {
                request.session(s.get(role));
            }
            int status = mvc.perform(request).andReturn().getResponse().getStatus();
            int expected = role.equals("anonymous") ? 302 : LIBRARIANS.contains(role) ? 200 : 404;
            checked++;
            if (status != expected) {
                wrong.add(role + " GET /library/review: " + status + " instead of " + expected);
            }
        }
        assertThat(wrong).as("of " + checked + " requests").isEmpty();
        System.out.printf("library access: %d requests (%d documents × %d roles × 8 routes, and the review queue), all as expected%n",
                checked, docs.size(), ROLES.size());
    }

    @Test
    void everyWriteBySomeoneWhoMayNotMakeItAnswers404AndChangesNothing() throws Exception {
        Map<String, MockHttpSession> s = sessions();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String id = add(s.get("trainer"), "w" + tag);
        mvc.perform(multipart("/library/" + id + "/versions").file(new MockMultipartFile("file", "v2.pdf", "application/pdf",
                CourseFolder.tinyPdf("v2" + tag))).session(s.get("trainer")).with(csrf()));
        LibraryDocument before = documents.findById(id).orElseThrow();
        List<String> wrong = new ArrayList<>();
        for (String role : List.of("salta", "sanLorenzo", "scopedSanLorenzo")) {
            MockHttpSession who = s.get(role);
            Map<String, RequestBuilder> writes = new LinkedHashMap<>();
            writes.put("edit", multipart("/library/" + id + "/edit").param("title", "Otro").param("type", "REPORT")
                    .param("usageRight", "CC_BY").param("visibility", "PROGRAMME")
                    .param("version", String.valueOf(before.getVersion())).session(who).with(csrf()));
            writes.put("version", multipart("/library/" + id + "/versions").file(new MockMultipartFile("file", "x.pdf",
                    "application/pdf", CourseFolder.tinyPdf("x" + role))).session(who).with(csrf()));
            for (String action : List.of("approve", "return", "archive", "purge", "versions/1/restore", "links")) {
                writes.put(action, post("/library/" + id + "/" + action).param("reason", "x").param("place", "AGC-2026|1|module")
                        .session(who).with(csrf()));
            }
            writes.put("collection", post("/library/collections").param("title", "Mía").session(who).with(csrf()));
            for (var w : writes.entrySet()) {
                int status = mvc.perform(w.getValue()).andReturn().getResponse().getStatus();
                if (status != 404) {
                    wrong.add(role + " " + w.getKey() + ": " + status);
                }
            }
        }
        // the admin alone purges, and only what is archived
        int purge = mvc.perform(post("/library/" + id + "/purge").session(s.get("trainer")).with(csrf())).andReturn()
                .getResponse().getStatus();
        if (purge != 404) {
            wrong.add("trainer purge: " + purge);
        }
        assertThat(wrong).isEmpty();
        LibraryDocument after = documents.findById(id).orElseThrow();
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
        assertThat(after.getCurrentVersion()).isEqualTo(2);
        assertThat(after.getTitle()).isEqualTo(before.getTitle());
        assertThat(after.getStatus()).isEqualTo(LibraryDocument.Status.PUBLISHED);
    }

    static boolean reads(String role, String state) {
        return switch (state) {
            case "programme" -> !role.equals("anonymous");
            case "public" -> !role.equals("anonymous");
            case "institution" -> Set.of("sanLorenzo", "scopedSanLorenzo").contains(role) || LIBRARIANS.contains(role);
            case "proposed" -> role.equals("sanLorenzo") || LIBRARIANS.contains(role);
            case "archived" -> LIBRARIANS.contains(role);
            default -> false;
        };
    }

    static boolean edits(String role, String state) {
        return switch (state) {
            case "proposed" -> role.equals("sanLorenzo") || LIBRARIANS.contains(role);
            case "archived" -> false;
            default -> LIBRARIANS.contains(role);
        };
    }
}
