package ar.aulas.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.attendance.RollCall;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.exercises.Grading;
import ar.aulas.exercises.Submission;
import ar.aulas.exercises.SubmissionWork;
import ar.aulas.shared.mail.OutboxRepository;
import ar.aulas.shared.web.Flash;
import ar.aulas.support.AccountBuilder;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import ar.aulas.support.TestClock;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@AulasIntegrationTest
class CertificateIssuingTests {

    static final AtomicInteger IPS = new AtomicInteger(10);

    @Autowired MongoTemplate mongo;
    @Autowired
    TestClock clock;
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CourseSync sync;
    @Autowired Enrolments enrolments;
    @Autowired RollCall rollCall;
    @Autowired SubmissionWork work;
    @Autowired Grading grading;
    @Autowired UserDetailsService users;
    @Autowired CertificateIssuing issuing;
    @Autowired BulkIssuing bulk;
    @Autowired CertificateRepository certificates;
    @Autowired CertificateAuditRepository audit;
    @Autowired IssueJobRepository jobs;
    @Autowired AccountRegistry accounts;
    @Autowired GridFsTemplate gridFs;
    @Autowired OutboxRepository outbox;

    @TempDir
    Path root;

    CertificateScenario scenario(int modules) {
        return new CertificateScenario(root, modules, fixtures, sync, enrolments, rollCall, work, grading, users);
    }

    /** Each test verifies from its own address, so the per-IP limit of one test does not touch another. */
    static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    static String newIp() {
        return "10.0." + IPS.incrementAndGet() / 250 + "." + IPS.get() % 250;
    }

    MockHttpSession coordinator() throws Exception {
        return Sessions.demo(mvc, "coordinacion@aulas.demo");
    }

    @Test
    void coordinatorsSeeEveryonesEligibilityWithTheReasonsInWords() throws Exception {
        var s = scenario(3);
        Account ana = s.person("Ana Cumplida", "MSAL");
        Account beto = s.person("Beto Faltó", "MSAL");
        Account carla = s.person("Carla Revisión", "MSLO");
        for (int m = 1; m <= 3; m++) {
            s.roll(m, Map.of(ana.getId(), AttendanceStatus.PRESENT, carla.getId(), AttendanceStatus.LATE,
                    beto.getId(), m == 3 ? AttendanceStatus.ABSENT : AttendanceStatus.PRESENT));
            s.graded(ana, m, Submission.Verdict.APPROVED);
            s.graded(carla, m, m == 2 ? Submission.Verdict.NEEDS_REVISION : Submission.Verdict.APPROVED);
        }
        s.submitted(beto, 1);

        String page = mvc.perform(get("/courses/" + s.code + "/certificates").session(coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ana Cumplida", "Beto Faltó", "Carla Revisión", "Puede recibirlo", "Ya no es posible",
                "faltó al encuentro 3", "asistencia 66,7 % (mínimo 75 %)", "ejercicio del encuentro 2 requiere revisión",
                "ejercicio del encuentro 1 entregado, sin calificar", "ejercicio del encuentro 2 sin entregar", "En riesgo",
                "Emitir los 2 certificados pendientes", "Emitir el certificado pendiente");

        String onlyAtRisk = mvc.perform(get("/courses/" + s.code + "/certificates").param("state", "AT_RISK")
                .param("type", "APPROVAL").session(coordinator())).andReturn().getResponse().getContentAsString();
        assertThat(onlyAtRisk).contains("Carla Revisión").doesNotContain("Ana Cumplida", "Beto Faltó");

        String sanLorenzo = mvc.perform(get("/courses/" + s.code + "/certificates")
                .session(Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(sanLorenzo).contains("Carla Revisión").doesNotContain("Ana Cumplida", "Beto Faltó")
                .doesNotContain("certificates/bulk");

        var carlaSession = Sessions.login(mvc, carla.getEmail(), AccountBuilder.PASSWORD);
        String home = mvc.perform(get("/courses/" + s.code).session(carlaSession)).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("Certificado de asistencia: Puede recibirlo.",
                "Certificado de aprobación: En riesgo: ejercicio del encuentro 2 requiere revisión");
        mvc.perform(get("/courses/" + s.code + "/certificates").session(carlaSession)).andExpect(status().isNotFound());
        mvc.perform(get("/courses/" + s.code + "/certificates").session(Sessions.demo(mvc, "capacitadora@aulas.demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void withoutAConfiguredAddressTheQrOfACertificatePointsToTheHostItWasIssuedFrom() throws Exception {
        var s = scenario(1);
        Account ana = s.person("Ana Fuera", "MSAL");
        s.allPresent(1, List.of(ana));
        mvc.perform(post("/courses/" + s.code + "/certificates/issue").param("accountId", ana.getId())
                .param("type", "ATTENDANCE").session(coordinator()).with(csrf())
                .with(r -> { r.setServerName("192.168.1.20"); r.setServerPort(8080); return r; }))
                .andExpect(status().is3xxRedirection());
        Certificate c = certificates.findBySlot(Certificate.slotOf(s.code, ana.getId(), CertificateType.ATTENDANCE))
                .orElseThrow();
        byte[] pdf;
        try (var in = gridFs.getResource(gridFs.findOne(Query.query(Criteria.where("metadata.certificateId").is(c.getId()))))
                .getInputStream()) {
            pdf = in.readAllBytes();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            String url = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page)))).getText();
            assertThat(url).isEqualTo("http://192.168.1.20:8080/verificar/" + c.getCode());
        }
    }

    @Test
    void aCertificateIsIssuedOnceDownloadedByItsHolderAndVerifiedByAnyone() throws Exception {
        var s = scenario(2);
        Account ana = s.person("Ana María Núñez", "MSAL");
        Account beto = s.person("Beto Ausente", "MSLO");
        s.roll(1, Map.of(ana.getId(), AttendanceStatus.PRESENT, beto.getId(), AttendanceStatus.ABSENT));
        s.roll(2, Map.of(ana.getId(), AttendanceStatus.PRESENT, beto.getId(), AttendanceStatus.ABSENT));
        var coordinator = coordinator();

        mvc.perform(post("/courses/" + s.code + "/certificates/issue").param("accountId", ana.getId())
                .param("type", "ATTENDANCE").param("notify", "true").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Certificate c = certificates.findBySlot(Certificate.slotOf(s.code, ana.getId(), CertificateType.ATTENDANCE))
                .orElseThrow();
        assertThat(c.getStatus()).isEqualTo(Certificate.Status.VALID);
        assertThat(c.getNumber()).isEqualTo(s.code + "-A-0001");
        assertThat(c.getCode()).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
        assertThat(c.getSize()).isBetween(20_000L, 60_000L);
        assertThat(outbox.findAll()).anySatisfy(m -> {
            assertThat(m.getTo()).isEqualTo(ana.getEmail());
            assertThat(m.getSubject()).isEqualTo("Tu Certificado de asistencia está disponible");
            assertThat(m.getBody()).contains("Ana María Núñez", "/verificar/" + c.getCode(), c.verificationCode().formatted());
        });

        mvc.perform(post("/courses/" + s.code + "/certificates/issue").param("accountId", ana.getId())
                .param("type", "ATTENDANCE").session(coordinator).with(csrf()))
.andExpect(result -> assertThat(flashOf(result).key()).isEqualTo("certificate.refused.alreadyIssued"));
        assertThat(certificates.findByCourseCodeAndAccountId(s.code, ana.getId())).hasSize(1);

        var anaSession = Sessions.login(mvc, ana.getEmail(), AccountBuilder.PASSWORD);
        byte[] pdf = mvc.perform(get("/certificates/" + c.getId() + "/pdf").session(anaSession))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(CertificateDocuments.sha256(pdf)).isEqualTo(c.getSha256());
        var betoSession = Sessions.login(mvc, beto.getEmail(), AccountBuilder.PASSWORD);
        mvc.perform(get("/certificates/" + c.getId() + "/pdf").session(betoSession)).andExpect(status().isNotFound());
        mvc.perform(get("/certificates/" + c.getId() + "/pdf").session(Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo")))
                .andExpect(status().isNotFound());
        String home = mvc.perform(get("/courses/" + s.code).session(anaSession)).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("Certificado de asistencia: emitido el", c.getNumber(), "/certificates/" + c.getId() + "/pdf");

        String ip = newIp();
        String verified = mvc.perform(get("/verificar/" + c.getCode()).with(from(ip))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(verified).contains("Certificado válido", "Ana María Núñez", "Gestión Metropolitana", c.getNumber(),
                "2 de 2 (1, 2)").doesNotContain(ana.getDniFormatted());
        assertThat(verified).contains(CertificateVerification.mask(ana.getDniFormatted()));
        mvc.perform(get("/verificar/" + c.verificationCode().formatted().toLowerCase()).with(from(ip)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/certificados/" + c.getCode()).with(from(ip))).andExpect(status().isOk())
                .andExpect(jsonPath("$.estado").value("VALIDO")).andExpect(jsonPath("$.titular").value("Ana María Núñez"))
                .andExpect(jsonPath("$.horas").value(24)).andExpect(jsonPath("$.encuentrosAsistidos.length()").value(2));

        String genuine = mvc.perform(multipart("/verificar/archivo").file(new MockMultipartFile("file", "ana.pdf",
                "application/pdf", pdf)).with(csrf()).with(from(ip))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(genuine).contains("El archivo es auténtico", c.getNumber());
        byte[] forged = pdf.clone();
        forged[forged.length / 2] ^= 0x20;
        String fake = mvc.perform(multipart("/verificar/archivo").file(new MockMultipartFile("file", "ana.pdf",
                "application/pdf", forged)).with(csrf()).with(from(ip))).andReturn().getResponse().getContentAsString();
        assertThat(fake).contains("El archivo no coincide con ningún certificado emitido");

        mvc.perform(post("/courses/" + s.code + "/certificates/issue").param("accountId", beto.getId())
                .param("type", "ATTENDANCE").session(coordinator).with(csrf()))
.andExpect(result -> assertThat(flashOf(result).args()).anySatisfy(a ->
                        assertThat(String.valueOf(a)).contains("faltó al encuentro 1")));
        assertThat(certificates.findByCourseCodeAndAccountId(s.code, beto.getId())).isEmpty();

        var admin = Sessions.demo(mvc, "admin@aulas.demo");
        mvc.perform(post("/courses/" + s.code + "/certificates/issue").param("accountId", beto.getId())
                .param("type", "ATTENDANCE").param("justification", "corto").session(admin).with(csrf()));
        assertThat(certificates.findByCourseCodeAndAccountId(s.code, beto.getId())).isEmpty();
        mvc.perform(post("/courses/" + s.code + "/certificates/issue").param("accountId", beto.getId())
                .param("type", "ATTENDANCE").param("justification", "Resolución 12/2026 de la Mesa Ejecutiva")
                .session(coordinator).with(csrf()));
        assertThat(certificates.findByCourseCodeAndAccountId(s.code, beto.getId())).as("coordinators cannot make exceptions").isEmpty();
        mvc.perform(post("/courses/" + s.code + "/certificates/issue").param("accountId", beto.getId())
                .param("type", "ATTENDANCE").param("justification", "Resolución 12/2026 de la Mesa Ejecutiva")
                .session(admin).with(csrf())).andExpect(status().is3xxRedirection());
        Certificate exception = certificates.findByCourseCodeAndAccountId(s.code, beto.getId()).get(0);
        assertThat(exception.getNumber()).isEqualTo(s.code + "-A-0002");
        assertThat(mvc.perform(get("/verificar/" + exception.getCode()).with(from(ip))).andReturn().getResponse()
                .getContentAsString()).contains("Emitido por excepción").doesNotContain("Resolución 12/2026");
        AulasUser adminUser = s.user("admin@aulas.demo");
        assertThat(issuing.history(adminUser, exception.getId())).singleElement().satisfies(h -> {
            assertThat(h.getAction()).isEqualTo(CertificateAudit.Action.ISSUED_BY_EXCEPTION);
            assertThat(h.getDetail()).isEqualTo("Resolución 12/2026 de la Mesa Ejecutiva");
            assertThat(h.getAccountName()).isEqualTo("Administración Aulas");
        });
        assertThat(issuing.history(adminUser, c.getId())).extracting(CertificateAudit::getAction)
                .containsExactly(CertificateAudit.Action.ISSUED);

        byte[] zip = mvc.perform(get("/courses/" + s.code + "/certificates/export.zip").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(zipEntries(zip)).hasSize(2).anyMatch(n -> n.startsWith("Municipalidad de Salta/" + c.getNumber()));
        byte[] scopedZip = mvc.perform(get("/courses/" + s.code + "/certificates/export.zip")
                .session(Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo"))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(zipEntries(scopedZip)).hasSize(1).allMatch(n -> n.contains("Beto Ausente"));
        assertThat(issuing.history(adminUser, c.getId())).extracting(CertificateAudit::getAction)
                .as("one ZIP by the programme coordinator; San Lorenzo's ZIP holds only Beto's").containsExactly(
                        CertificateAudit.Action.ISSUED, CertificateAudit.Action.DOWNLOADED);
    }

    @Test
    void aRevokedCertificateSaysSoAndAReissuedOnePointsToItsReplacement() throws Exception {
        var s = scenario(1);
        Account ana = s.person("Ana Mal Escrita", "MSAL");
        Account juan = s.person("Juan Revocado", "MSAL");
        s.allPresent(1, List.of(ana, juan));
        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        Certificate first = issuing.issue(coordinator, s.code, ana.getId(), CertificateType.ATTENDANCE, null, false);
        Certificate other = issuing.issue(coordinator, s.code, juan.getId(), CertificateType.ATTENDANCE, null, false);
        var session = coordinator();
        String ip = newIp();

        mvc.perform(post("/certificates/" + other.getId() + "/revoke").param("reason", "").session(session).with(csrf()));
        assertThat(certificates.findById(other.getId()).orElseThrow().getStatus()).isEqualTo(Certificate.Status.VALID);
        mvc.perform(post("/certificates/" + other.getId() + "/revoke").param("reason", "Se detectó un error en la asistencia")
                .session(session).with(csrf()));
        assertThat(certificates.findById(other.getId()).orElseThrow().getStatus()).as("a category is required")
                .isEqualTo(Certificate.Status.VALID);
        mvc.perform(post("/certificates/" + other.getId() + "/revoke").param("reason", "Se detectó un error en la asistencia")
                .param("category", "RECORDS_REVISED").session(session).with(csrf())).andExpect(status().is3xxRedirection());
        String revoked = mvc.perform(get("/verificar/" + other.getCode()).with(from(ip))).andReturn().getResponse()
                .getContentAsString();
        assertThat(revoked).contains("Certificado revocado", "Revocado el", "Categoría: asistencia o calificaciones revisadas")
                .doesNotContain("Se detectó un error en la asistencia");
        String json = mvc.perform(get("/api/v1/certificados/" + other.getCode()).with(from(ip)))
                .andExpect(jsonPath("$.estado").value("REVOCADO"))
                .andExpect(jsonPath("$.categoriaRevocacion").value("REGISTROS_REVISADOS"))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain("Se detectó", "motivo");
        assertThat(mvc.perform(get("/certificates/" + other.getId()).session(session)).andReturn().getResponse()
                .getContentAsString()).as("staff still see the reason").contains("Se detectó un error en la asistencia");
        var juanSession = Sessions.login(mvc, juan.getEmail(), AccountBuilder.PASSWORD);
        mvc.perform(get("/certificates/" + other.getId() + "/pdf").session(juanSession)).andExpect(status().isNotFound());
        // one truth: the holder's page and the certificates page say revoked, never "Puede recibirlo"
        assertThat(mvc.perform(get("/courses/" + s.code).session(juanSession)).andReturn().getResponse().getContentAsString())
                .contains("fue revocado el", "asistencia o calificaciones revisadas").doesNotContain("Puede recibirlo");
        assertThat(mvc.perform(get("/courses/" + s.code + "/certificates").session(session)).andReturn().getResponse()
                .getContentAsString()).contains("1 emitido · nadie más puede recibirlo todavía", " · 1 revocado");

        accounts.update(ana.getId(), accounts.find(ana.getId()).orElseThrow().getVersion(), new AccountRegistry.AccountData(
                "Ana Bien Escrita", ana.getEmail(), ana.getDni(), ana.getInstitutionId(), ana.getPosition(), ana.getRoles(), null));
        mvc.perform(post("/certificates/" + first.getId() + "/reissue").param("justification", "Nombre mal escrito")
                .session(session).with(csrf())).andExpect(status().is3xxRedirection());
        Certificate old = certificates.findById(first.getId()).orElseThrow();
        Certificate replacement = certificates.findBySlot(Certificate.slotOf(s.code, ana.getId(), CertificateType.ATTENDANCE))
                .orElseThrow();
        assertThat(old.getStatus()).isEqualTo(Certificate.Status.REPLACED);
        assertThat(old.getReplacedById()).isEqualTo(replacement.getId());
        assertThat(replacement.getHolderName()).isEqualTo("Ana Bien Escrita");
        assertThat(replacement.getNumber()).isEqualTo(s.code + "-A-0003");
        assertThat(replacement.getReplacesCode()).isEqualTo(old.getCode());
        String replaced = mvc.perform(get("/verificar/" + old.getCode()).with(from(ip))).andReturn().getResponse()
                .getContentAsString();
        assertThat(replaced).contains("Certificado reemplazado", "Ana Mal Escrita", replacement.verificationCode().formatted());
        assertThat(mvc.perform(get("/verificar/" + replacement.getCode()).with(from(ip))).andReturn().getResponse()
                .getContentAsString()).contains("Certificado válido", "Ana Bien Escrita");
        assertThat(issuing.history(coordinator, old.getId())).extracting(CertificateAudit::getAction)
                .containsExactly(CertificateAudit.Action.ISSUED, CertificateAudit.Action.REISSUED);
        mvc.perform(post("/certificates/" + old.getId() + "/reissue").param("justification", "Otra vez")
                .session(session).with(csrf()));
        assertThat(certificates.findByCourseCodeAndAccountId(s.code, ana.getId())).hasSize(2);
        mvc.perform(post("/certificates/" + replacement.getId() + "/revoke").param("reason", "Intento sin permiso")
                .session(Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBulkIssueStoppedMidwayIsCompletedByARerunWithNoDuplicateAndNoGap() throws Exception {
        var s = scenario(1);
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(s.person("Participante " + AccountBuilder.letters(i + 1), i % 2 == 0 ? "MSAL" : "MSLO"));
        }
        s.allPresent(1, people);
        AulasUser coordinator = s.user("coordinacion@aulas.demo");

        IssueJob crashed = jobs.insert(new IssueJob(s.code, CertificateType.ATTENDANCE, coordinator.id(), false, 12, Instant.now()));
        bulk.runBulk(crashed.getId(), coordinator, 5);
        assertThat(certificates.countByCourseCodeAndType(s.code, CertificateType.ATTENDANCE)).isEqualTo(5);
        assertThat(jobs.findById(crashed.getId()).orElseThrow().getStatus()).isEqualTo(IssueJob.Status.RUNNING);
        String crashedUrl = "/courses/" + s.code + "/certificates/jobs/" + crashed.getId();
        clock.stop();
        assertThat(mvc.perform(get(crashedUrl).session(coordinator())).andReturn().getResponse().getContentAsString())
                .doesNotContain("Interrumpida");
        clock.advance(IssueJob.BEAT.multipliedBy(2).plusSeconds(1));
        assertThat(mvc.perform(get(crashedUrl).session(coordinator())).andReturn().getResponse().getContentAsString())
                .as("two beats without a heartbeat").contains("Interrumpida");

        // and one certificate numbered but whose PDF was never stored, as a kill -9 at that point would leave it
        Account half = people.stream().filter(p -> certificates.findBySlot(
                Certificate.slotOf(s.code, p.getId(), CertificateType.ATTENDANCE)).isEmpty()).findFirst().orElseThrow();
        Certificate pending = new Certificate(s.code, half.getId(), half.getInstitutionId(), CertificateType.ATTENDANCE, 6,
                VerificationCode.random());
        pending.describe(half.getFullName(), half.getDniFormatted(), "Municipalidad", "Gestión Metropolitana", "2026", 24,
                null, null, "Certificado de asistencia", List.of(1), 1, "100", "asistencia", Instant.now(), coordinator.id(),
                coordinator.fullName(), null, null, null);
        pending = certificates.insert(pending);
        mvc.perform(get("/verificar/" + pending.getCode()).with(from(newIp()))).andExpect(status().isNotFound());

        var page = mvc.perform(post("/courses/" + s.code + "/certificates/bulk").param("type", "ATTENDANCE")
                .session(coordinator()).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        String jobUrl = page.getResponse().getRedirectedUrl();
        IssueJob rerun = awaitDone(jobUrl.substring(jobUrl.lastIndexOf('/') + 1));
        assertThat(rerun.getIssued()).isEqualTo(7);
        assertThat(rerun.getSkipped()).isEqualTo(5);
        assertThat(rerun.getFailed()).isZero();

        List<Certificate> all = certificates.findByCourseCodeOrderByTypeAscSequenceAsc(s.code);
        assertThat(all).extracting(Certificate::getSequence).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(all).extracting(Certificate::getAccountId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(people.stream().map(Account::getId).toList());
        assertThat(all).allMatch(c -> c.getStatus() == Certificate.Status.VALID && c.getSha256() != null);
        assertThat(certificates.findById(pending.getId()).orElseThrow().getStatus()).isEqualTo(Certificate.Status.VALID);
        for (Certificate c : all) {
            assertThat(gridFs.find(Query.query(Criteria.where("metadata.certificateId").is(c.getId()))).into(new ArrayList<>()))
                    .hasSize(1);
        }
        String progress = mvc.perform(get(jobUrl).session(coordinator())).andReturn().getResponse().getContentAsString();
        assertThat(progress).contains("12 de 12 participantes procesados", "Terminada.").doesNotContain("http-equiv");

        IssueJob again = awaitDone(bulk.startBulk(coordinator, s.code, CertificateType.ATTENDANCE, false).getId());
        assertThat(again.getIssued()).isZero();
        assertThat(again.getSkipped()).isEqualTo(12);
        assertThat(certificates.countByCourseCodeAndType(s.code, CertificateType.ATTENDANCE)).isEqualTo(12);
    }

    @Test
    void aBulkIssueWhoseInstanceDiedIsResumedByAnotherWithNoDuplicateAndNoGap() throws Exception {
        var s = scenario(1);
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(s.person("Retomada " + AccountBuilder.letters(i + 1), "MSAL"));
        }
        s.allPresent(1, people);
        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        clock.stop();
        try {
            IssueJob job = jobs.insert(new IssueJob(s.code, CertificateType.ATTENDANCE, coordinator.id(), false, 12,
                    clock.instant()));
            bulk.runBulk(job.getId(), coordinator, 5); // its instance dies after five
            bulk.resumeInterrupted();
            assertThat(jobs.findById(job.getId()).orElseThrow().getResumes()).as("just silent: still alive").isZero();

            clock.advance(BulkIssuing.SILENT.plusSeconds(1));
            assertThat(bulk.resumeInterrupted()).isPositive();
            bulk.resumeInterrupted();
            IssueJob resumed = awaitDone(job.getId());
            bulk.resumeInterrupted();

            assertThat(jobs.findById(job.getId()).orElseThrow().getResumes()).as("claimed once").isEqualTo(1);
            assertThat(resumed.getIssued()).isEqualTo(7);
            assertThat(resumed.getSkipped()).isEqualTo(5);
            assertThat(certificates.findByCourseCodeOrderByTypeAscSequenceAsc(s.code))
                    .extracting(Certificate::getSequence).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            assertThat(mvc.perform(get("/courses/" + s.code + "/certificates/jobs/" + job.getId()).session(coordinator()))
                    .andReturn().getResponse().getContentAsString())
                    .contains("Terminada.", "Se retomó una vez, cuando el servidor que la llevaba se detuvo");
        } finally {
            clock.resume();
        }
    }

    @Test
    void aStoppingInstanceHandsItsBulkIssueOverAtOnce() throws Exception {
        var s = scenario(1);
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(s.person("Relevo " + AccountBuilder.letters(i + 1), "MSLO"));
        }
        s.allPresent(1, people);
        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        clock.stop();
        try {
            IssueJob job = jobs.insert(new IssueJob(s.code, CertificateType.ATTENDANCE, coordinator.id(), false, 6,
                    clock.instant()));
            bulk.running.add(job.getId()); // as if this instance were running it when told to stop
            try {
                bulk.handOver();
            } finally {
                bulk.running.remove(job.getId());
            }
            assertThat(jobs.findById(job.getId()).orElseThrow().getUpdatedAt()).isEqualTo(Instant.EPOCH);

            assertThat(bulk.resumeInterrupted()).as("taken at the next look, with no wait").isPositive();
            IssueJob done = awaitDone(job.getId());
            assertThat(done.getResumes()).isEqualTo(1);
            assertThat(done.getIssued()).isEqualTo(6);
        } finally {
            clock.resume();
        }
    }

    @Test
    void aRunWhoseJobAnotherInstanceTookOverWritesNothingMoreToIt() throws Exception {
        var s = scenario(1);
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(s.person("Tardía " + AccountBuilder.letters(i + 1), "MSAL"));
        }
        s.allPresent(1, people);
        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        IssueJob job = jobs.insert(new IssueJob(s.code, CertificateType.ATTENDANCE, coordinator.id(), false, 20,
                Instant.now()));
        Query byId = Query.query(Criteria.where("_id").is(new ObjectId(job.getId())));
        Thread late = new Thread(() -> bulk.runBulk(job.getId(), coordinator, Integer.MAX_VALUE));
        late.start();
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (mongo.findOne(byId, Document.class, "certificate_jobs").get("runner") == null
                && Instant.now().isBefore(until)) {
            Thread.sleep(5);
        }
        // another instance claims it, as the resumer does when a heartbeat is late
        mongo.updateFirst(byId, new Update().set("runner", "claimed by elsewhere").set("issued", 0).set("skipped", 0),
                "certificate_jobs");
        late.join(120_000);

        IssueJob after = jobs.findById(job.getId()).orElseThrow();
        assertThat(after.getStatus()).as("not marked done by the run that lost it").isEqualTo(IssueJob.Status.RUNNING);
        assertThat(after.getIssued()).as("its counters left to the new run").isZero();
        assertThat(certificates.findByCourseCodeOrderByTypeAscSequenceAsc(s.code))
                .as("what it issued is whole: each PDF stored and named").allMatch(c -> c.getStatus() != Certificate.Status.VALID
                        || gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(c.getPdfFileId())))) != null);
    }

    @Test
    void twoBulkRunsAtOnceNeverGiveTheSameNumberTwice() throws Exception {
        var s = scenario(1);
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            people.add(s.person("Simultánea " + AccountBuilder.letters(i + 1), "MSAL"));
        }
        s.allPresent(1, people);
        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            IssueJob job = jobs.insert(new IssueJob(s.code, CertificateType.ATTENDANCE, coordinator.id(), false, 30, Instant.now()));
            runs.add(two.submit(() -> bulk.runBulk(job.getId(), coordinator, Integer.MAX_VALUE)));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        two.shutdown();
        List<Certificate> all = certificates.findByCourseCodeOrderByTypeAscSequenceAsc(s.code);
        assertThat(all).hasSize(30);
        assertThat(all).extracting(Certificate::getSequence).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(all).extracting(Certificate::getCode).doesNotHaveDuplicates();
    }

    @Test
    void theVerificationPageAnswersBadCodesClearlyAndLimitsEachAddress() throws Exception {
        String ip = newIp();
        assertThat(mvc.perform(get("/verificar/ABC").with(from(ip))).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString()).contains("El código tiene 10 caracteres");
        assertThat(mvc.perform(get("/verificar/2345-6789-AB").with(from(ip))).andExpect(status().isNotFound()).andReturn()
                .getResponse().getContentAsString()).contains("No hay ningún certificado con ese código");
        mvc.perform(get("/api/v1/certificados/0000").with(from(ip))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.estado").value("CODIGO_MALFORMADO"));
        mvc.perform(get("/api/v1/certificados/2345678ABC").with(from(ip))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.estado").value("NO_ENCONTRADO"));
        mvc.perform(post("/verificar").param("code", "7kq4 m9xp 2d").with(csrf()).with(from(ip)))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/verificar/7KQ4M9XP2D"));
        assertThat(mvc.perform(post("/verificar").param("code", "O0O0").with(csrf()).with(from(ip)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("El código tiene 10 caracteres", "aria-invalid=\"true\"");
        assertThat(mvc.perform(multipart("/verificar/archivo").file(new MockMultipartFile("file", "x.pdf", "application/pdf",
                "MZ not a pdf".getBytes())).with(csrf()).with(from(ip))).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString()).contains("El archivo no es un PDF.");
        mvc.perform(post("/verificar").param("code", "7KQ4M9XP2D").with(from(ip))).andExpect(status().isForbidden());

        String flood = newIp();
        // the start of a minute: the window counts this minute and the part of the previous one still inside 60 s
        clock.stop();
        clock.advance(Duration.ofMillis(60_000 - Math.floorMod(clock.millis(), 60_000L)));
        try {
            for (int i = 0; i < 30; i++) {
                mvc.perform(get("/api/v1/certificados/2345678ABC").with(from(flood))).andExpect(status().isNotFound());
            }
            mvc.perform(get("/api/v1/certificados/2345678ABC").with(from(flood))).andExpect(status().isTooManyRequests())
                    .andExpect(header().string("Retry-After", "60"));
            assertThat(mvc.perform(get("/verificar/2345678ABC").with(from(flood))).andExpect(status().isTooManyRequests())
                    .andReturn().getResponse().getContentAsString()).contains("demasiadas consultas");
            mvc.perform(get("/verificar/2345678ABC").with(from(newIp()))).andExpect(status().isNotFound());
            // 32 requests this minute; at the next minute's start all of them are still within the last 60 s
            clock.advance(Duration.ofSeconds(60));
            mvc.perform(get("/api/v1/certificados/2345678ABC").with(from(flood))).andExpect(status().isTooManyRequests());
            // 45 s later a quarter of them is: 32 / 4 + 2 is under 30
            clock.advance(Duration.ofSeconds(45));
            mvc.perform(get("/api/v1/certificados/2345678ABC").with(from(flood))).andExpect(status().isNotFound());
            // the counters are in the store, so another instance sees the same flood
            assertThat(mongo.count(new Query(Criteria.where("_id").regex("^" + Pattern.quote(flood) + "@")),
                    VerificationRateLimit.Count.class)).isEqualTo(2);
        } finally {
            clock.resume();
        }
    }

    @Test
    void everyCertificateRouteChecksTheRoleAndTheObject() throws Exception {
        var s = scenario(1);
        Account ana = s.person("Ana Ruta", "MSAL");
        s.allPresent(1, List.of(ana));
        Certificate c = issuing.issue(s.user("coordinacion@aulas.demo"), s.code, ana.getId(), CertificateType.ATTENDANCE,
                null, false);
        String base = "/courses/" + s.code + "/certificates";
        List<String> staffPages = List.of(base, base + "/export.zip", "/certificates/" + c.getId(),
                base + "/exception?accountId=" + ana.getId() + "&type=ATTENDANCE");
        for (String url : staffPages) {
            mvc.perform(get(url)).andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", Matchers.endsWith("/login")));
        }
        mvc.perform(get("/certificates/" + c.getId() + "/pdf")).andExpect(status().is3xxRedirection());
        for (String who : List.of("tecnico@aulas.demo", "capacitadora@aulas.demo")) {
            MockHttpSession session = Sessions.demo(mvc, who);
            for (String url : staffPages) {
                mvc.perform(get(url).session(session)).andExpect(status().isNotFound());
            }
            mvc.perform(get("/certificates/" + c.getId() + "/pdf").session(session)).andExpect(status().isNotFound());
            mvc.perform(post(base + "/issue").param("accountId", ana.getId()).param("type", "ATTENDANCE").session(session)
                    .with(csrf())).andExpect(status().isNotFound());
            mvc.perform(post(base + "/bulk").param("type", "ATTENDANCE").session(session).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/certificates/" + c.getId() + "/revoke").param("reason", "sin permiso alguno")
                    .session(session).with(csrf())).andExpect(status().isNotFound());
        }
        MockHttpSession sanLorenzo = Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo");
        mvc.perform(get("/certificates/" + c.getId()).session(sanLorenzo)).andExpect(status().isNotFound());
        mvc.perform(post(base + "/bulk").param("type", "ATTENDANCE").session(sanLorenzo).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get(base + "/exception?accountId=" + ana.getId() + "&type=ATTENDANCE").session(coordinator()))
                .andExpect(status().isNotFound());
        mvc.perform(post(base + "/issue").param("accountId", ana.getId()).param("type", "ATTENDANCE")
                .session(coordinator())).andExpect(status().isForbidden());
        mvc.perform(get("/courses/AGC-2026/certificates").session(coordinator())).andExpect(status().isOk());
        mvc.perform(get("/courses/NO-EXISTE/certificates").session(coordinator())).andExpect(status().isNotFound());
        mvc.perform(get("/certificates/000000000000000000000000").session(coordinator())).andExpect(status().isNotFound());
        String english = mvc.perform(get("/verificar/" + c.getCode()).param("lang", "en").with(from(newIp())))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Valid certificate", "Encounters attended");
    }

    IssueJob awaitDone(String id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            IssueJob job = jobs.findById(id).orElseThrow();
            if (job.getStatus() != IssueJob.Status.RUNNING) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    static List<String> zipEntries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                assertThat(in.readAllBytes()).startsWith("%PDF-".getBytes());
            }
        }
        return names;
    }

    static Flash.Message flashOf(MvcResult result) {
        return (Flash.Message) result.getFlashMap().get("flash");
    }
}
