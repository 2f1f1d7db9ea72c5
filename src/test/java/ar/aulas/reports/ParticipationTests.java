package ar.aulas.reports;

import static ar.aulas.attendance.AttendanceStatus.ABSENT;
import static ar.aulas.attendance.AttendanceStatus.EXCUSED;
import static ar.aulas.attendance.AttendanceStatus.LATE;
import static ar.aulas.attendance.AttendanceStatus.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AulasUser;
import ar.aulas.attendance.AttendanceMarked;
import ar.aulas.attendance.AttendanceReport;
import ar.aulas.attendance.AttendanceStatus;
import ar.aulas.attendance.RollCall;
import ar.aulas.attendance.SessionScheduled;
import ar.aulas.certificates.CertificateIssuing;
import ar.aulas.certificates.CertificateRevocation;
import ar.aulas.certificates.CertificateScenario;
import ar.aulas.certificates.CertificateType;
import ar.aulas.certificates.RevocationCategory;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.exercises.ExerciseChanged;
import ar.aulas.exercises.Grading;
import ar.aulas.exercises.Submission;
import ar.aulas.exercises.SubmissionWork;
import ar.aulas.imports.ParticipantsImported;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.web.Formats;
import ar.aulas.support.AccountBuilder;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import ar.aulas.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.groups.Tuple;
import org.bson.Document;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@AulasIntegrationTest
class ParticipationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CourseSync sync;
    @Autowired Enrolments enrolments;
    @Autowired RollCall rollCall;
    @Autowired SubmissionWork work;
    @Autowired Grading grading;
    @Autowired UserDetailsService users;
    @Autowired Participation participation;
    @Autowired CertificateIssuing issuing;
    @Autowired CertificateRevocation revocation;
    @Autowired InstitutionDirectory institutions;
    @Autowired ParticipationLedger ledger;
    @Autowired AttendanceReport attendanceReport;
    @Autowired MongoTemplate mongo;
    @Autowired ApplicationEventPublisher events;

    @TempDir
    Path root;

    static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theFiguresPerInstitutionAreThoseComputedByHand() throws Exception {
        var s = new CertificateScenario(root, 2, fixtures, sync, enrolments, rollCall, work, grading, users);
        Account ana = s.person("Ana Siempre", "MSAL");
        Account beto = s.person("Beto AVeces", "MSAL");
        Account ceci = s.person("Ceci Justificada", "MSAL");
        Account dani = s.person("Dani Tarde", "MSLO");
        Account eli = s.person("Eli SeFue", "MSLO");
        s.roll(1, Map.of(ana.getId(), PRESENT, beto.getId(), PRESENT, ceci.getId(), EXCUSED, dani.getId(), LATE,
                eli.getId(), PRESENT));
        Map<String, AttendanceStatus> second = new HashMap<>(Map.of(ana.getId(), PRESENT,
                beto.getId(), ABSENT, ceci.getId(), PRESENT, eli.getId(), PRESENT));
        s.roll(2, second);
        s.graded(ana, 1, Submission.Verdict.APPROVED).graded(ana, 2, Submission.Verdict.APPROVED);
        s.submitted(beto, 1);
        s.graded(dani, 1, Submission.Verdict.NEEDS_REVISION);
        s.submitted(eli, 1);
        enrolments.unenrol(s.code, eli.getId());
        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        issuing.issue(coordinator, s.code, ana.getId(), CertificateType.ATTENDANCE, null, false);

        Participation.ProgrammeView view = participation.programme(coordinator, s.code, Participation.Sort.NAME, false);
        assertThat(view.lines()).extracting(Participation.Line::name)
                .containsExactly("Municipalidad de Salta", "Municipalidad de San Lorenzo");
        Participation.Line salta = view.lines().get(0);
        assertThat(salta.enrolled()).isEqualTo(3);
        assertThat(salta.perSession()).containsExactly(pct("100.0"), pct("66.7"));
        assertThat(salta.overall()).isEqualTo(pct("80.0"));
        assertThat(salta.submitted()).isEqualTo(3);
        assertThat(salta.approved()).isEqualTo(2);
        // as on the certificates page: those who can receive it and do not have it yet (Ana's was issued)
        assertThat(salta.eligible()).containsEntry(CertificateType.ATTENDANCE, 1L).containsEntry(CertificateType.APPROVAL, 1L);
        assertThat(salta.issued()).containsEntry(CertificateType.ATTENDANCE, 1L).containsEntry(CertificateType.APPROVAL, 0L);
        Participation.Line sanLorenzo = view.lines().get(1);
        assertThat(sanLorenzo.enrolled()).as("Eli left the course").isEqualTo(1);
        assertThat(sanLorenzo.perSession()).containsExactly(pct("100.0"), pct("0.0"));
        assertThat(sanLorenzo.overall()).isEqualTo(pct("50.0"));
        assertThat(sanLorenzo.submitted()).isEqualTo(1);
        assertThat(sanLorenzo.approved()).isZero();
        assertThat(sanLorenzo.eligible()).containsEntry(CertificateType.ATTENDANCE, 0L);
        Participation.Line totals = view.totals();
        assertThat(totals.enrolled()).isEqualTo(4);
        assertThat(totals.perSession()).containsExactly(pct("100.0"), pct("50.0"));
        assertThat(totals.overall()).isEqualTo(pct("71.4"));
        assertThat(totals.submitted()).isEqualTo(4);
        assertThat(totals.approved()).isEqualTo(2);
        assertThat(participation.programme(coordinator, s.code, Participation.Sort.OVERALL, true).lines())
                .extracting(Participation.Line::name).containsExactly("Municipalidad de Salta", "Municipalidad de San Lorenzo");
        assertThat(participation.programme(coordinator, s.code, Participation.Sort.OVERALL, false).lines())
                .extracting(Participation.Line::name).containsExactly("Municipalidad de San Lorenzo", "Municipalidad de Salta");

        String msal = institutions.findByCode("MSAL").orElseThrow().getId();
        String mslo = institutions.findByCode("MSLO").orElseThrow().getId();
        Participation.InstitutionView people = participation.institution(coordinator, s.code, msal);
        assertThat(people.people()).extracting(p -> p.participant().account().getFullName())
                .as("by surname").containsExactly("Beto AVeces", "Ceci Justificada", "Ana Siempre");
        Participation.Person beto1 = people.people().get(0);
        assertThat(beto1.statuses()).containsExactly(PRESENT, ABSENT);
        assertThat(beto1.rate()).isEqualTo(pct("50.0"));
        assertThat(beto1.submitted()).isEqualTo(1);
        assertThat(people.people().get(2).certificates()).containsKey(CertificateType.ATTENDANCE);
        assertThat(people.summary().overall()).isEqualTo(pct("80.0"));

        var programmeSession = Sessions.demo(mvc, "coordinacion@aulas.demo");
        String page = mvc.perform(get("/courses/" + s.code + "/participation").session(programmeSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // es-AR: a decimal comma on the screens, a point only in the machine-read data-rate
        assertThat(page).contains("Municipalidad de Salta", "Municipalidad de San Lorenzo", "66,7\u00a0%", "71,4\u00a0%",
                "data-rate=\"66.7\"", "chart.umd");
        byte[] xlsx = mvc.perform(get("/courses/" + s.code + "/participation/export.xlsx").session(programmeSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = book.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Institución");
            assertThat(rows.get(0).getCellText(2)).isEqualTo("Encuentro 1");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("Municipalidad de Salta");
            assertThat(rows.get(1).getCellAsNumber(1)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("3"));
            assertThat(rows.get(1).getCellAsNumber(3)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("66.7"));
            assertThat(rows.get(3).getCellText(0)).isEqualTo("Total");
            assertThat(rows.get(3).getCellAsNumber(4)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("71.4"));
        }
        String csv = mvc.perform(get("/courses/" + s.code + "/participation/institutions/" + msal + "/export.csv")
                .session(programmeSession)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFNombre completo;DNI;Encuentro 1;Encuentro 2;")
                .contains("Beto AVeces;" + beto.getDniFormatted() + ";Presente;Ausente;50,0;1;0;0;Ya no es posible;");
        String english = mvc.perform(get("/courses/" + s.code + "/participation/institutions/" + msal + "/export.csv")
                .session(programmeSession).cookie(new Cookie("aulas-lang", "en")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).as("English keeps the point").contains(";Present;Absent;50.0;1;0;");

        byte[] pdf = mvc.perform(get("/courses/" + s.code + "/participation/institutions/" + msal + "/report.pdf")
                .session(programmeSession)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Files.createDirectories(Path.of("target", "reports"));
        Files.write(Path.of("target", "reports", "participation.pdf"), pdf);
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Participación de Municipalidad de Salta en Gestión Metropolitana 2026",
                    "Ceci Justificada", "justificado", "CER-", "Página 1 de 1", "Emitido el", "80,0\u00a0%", "50,0\u00a0%");
            assertThat(text.indexOf("Beto AVeces")).as("by surname: AVeces, Justificada, Siempre")
                    .isLessThan(text.indexOf("Ceci Justificada")).isGreaterThan(-1);
            assertThat(text.indexOf("Ceci Justificada")).isLessThan(text.indexOf("Ana Siempre"));
        }

        var sanLorenzoSession = Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo");
        String scoped = mvc.perform(get("/courses/" + s.code + "/participation").session(sanLorenzoSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(scoped).contains("Municipalidad de San Lorenzo").doesNotContain("Municipalidad de Salta<");
        mvc.perform(get("/courses/" + s.code + "/participation/institutions/" + msal).session(sanLorenzoSession))
                .andExpect(status().isNotFound());
        mvc.perform(get("/courses/" + s.code + "/participation/institutions/" + msal + "/export.xlsx")
                .session(sanLorenzoSession)).andExpect(status().isNotFound());
        mvc.perform(get("/courses/" + s.code + "/participation/institutions/" + msal + "/report.pdf")
                .session(sanLorenzoSession)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/courses/" + s.code + "/participation/institutions/" + mslo).session(sanLorenzoSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Dani Tarde")
                .doesNotContain("Eli SeFue", "Ana Siempre");
        String xlsxScoped = new String(mvc.perform(get("/courses/" + s.code + "/participation/export.csv")
                .session(sanLorenzoSession)).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(xlsxScoped).contains("Municipalidad de San Lorenzo").doesNotContain("Municipalidad de Salta;");
        String detail = mvc.perform(get("/courses/" + s.code + "/participation/people/" + beto.getId())
                .session(programmeSession)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("Beto AVeces", "Asistencia: 50,0\u00a0%", "Presente", "Ausente", "Ejercicio 1", "Entregado",
                "faltó al encuentro 2");
        assertThat(mvc.perform(get("/courses/" + s.code + "/participation/people/" + ana.getId())
                .session(programmeSession)).andReturn().getResponse().getContentAsString())
                .contains(" · aprobado", " · 8 sobre 10", s.code + "-A-0001");
        mvc.perform(get("/courses/" + s.code + "/participation/people/" + beto.getId()).session(sanLorenzoSession))
                .andExpect(status().isNotFound());
        mvc.perform(get("/courses/" + s.code + "/participation/people/" + dani.getId()).session(sanLorenzoSession))
                .andExpect(status().isOk());
        mvc.perform(get("/courses/" + s.code + "/participation/people/" + eli.getId()).session(programmeSession))
                .andExpect(status().isNotFound());
        for (String who : List.of("tecnico@aulas.demo", "capacitadora@aulas.demo")) {
            var session = Sessions.demo(mvc, who);
            mvc.perform(get("/courses/" + s.code + "/participation").session(session)).andExpect(status().isNotFound());
            mvc.perform(get("/courses/" + s.code + "/participation/institutions/" + msal).session(session))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/courses/" + s.code + "/participation/people/" + ana.getId()).session(session))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/courses/" + s.code + "/participation")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theFiguresFollowEveryChangeEvenWhenTheyWereJustComputed() {
        var s = new CertificateScenario(root, 1, fixtures, sync, enrolments, rollCall, work, grading, users);
        Account ana = s.person("Ana Cambia", "MSAL");
        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        Participation.Line before = participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals();
        assertThat(before.enrolled()).isEqualTo(1);
        assertThat(before.overall()).isNull();
        assertThat(participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals())
                .as("unchanged data, the same figures").isEqualTo(before);

        s.roll(1, Map.of(ana.getId(), ABSENT));
        assertThat(participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals().overall())
                .isEqualTo(pct("0.0"));
        s.roll(1, Map.of(ana.getId(), PRESENT));
        assertThat(participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals().overall())
                .isEqualTo(pct("100.0"));

        Account beto = s.person("Beto Llega", "MSLO");
        assertThat(participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals().enrolled())
                .isEqualTo(2);
        s.graded(beto, 1, Submission.Verdict.APPROVED);
        Participation.Line graded = participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals();
        assertThat(graded.submitted()).isEqualTo(1);
        assertThat(graded.approved()).isEqualTo(1);

        String msal = institutions.findByCode("MSAL").orElseThrow().getId();
        assertThat(participation.institution(coordinator, s.code, msal).people().get(0).certificates()).isEmpty();
        issuing.issue(coordinator, s.code, ana.getId(), CertificateType.ATTENDANCE, null, false);
        assertThat(participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals().issued())
                .containsEntry(CertificateType.ATTENDANCE, 1L);
        assertThat(participation.institution(coordinator, s.code, msal).people().get(0).certificates())
                .containsKey(CertificateType.ATTENDANCE);
    }

    @Test
    void theFiguresKeptAfterEachChangeAreThoseOfARebuildFromScratch() {
        var s = new CertificateScenario(root, 2, "team", fixtures, sync, enrolments, rollCall, work, grading, users);
        Account ana = s.person("Ana Equipo", "MSAL");
        Account beto = s.person("Beto Equipo", "MSAL");
        Account ceci = s.person("Ceci Sola", "MSLO");
        s.roll(1, Map.of(ana.getId(), PRESENT, beto.getId(), LATE, ceci.getId(), ABSENT));
        s.roll(2, Map.of(ana.getId(), EXCUSED, beto.getId(), PRESENT));
        s.graded(ana, 1, Submission.Verdict.APPROVED);
        s.submitted(ceci, 2);
        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        issuing.issue(coordinator, s.code, beto.getId(), CertificateType.ATTENDANCE, null, false);
        Account dani = s.person("Dani Pasa", "MSLO");
        enrolments.unenrol(s.code, dani.getId());

        String msal = institutions.findByCode("MSAL").orElseThrow().getId();
        Participation.ProgrammeView kept = participation.programme(coordinator, s.code, Participation.Sort.NAME, false);
        Participation.InstitutionView keptPeople = participation.institution(coordinator, s.code, msal);
        assertThat(kept.lines().get(0).submitted()).as("the institution's team work counts once").isEqualTo(1);
        assertThat(kept.lines().get(0).approved()).isEqualTo(1);
        assertThat(keptPeople.people()).extracting(Participation.Person::submitted).as("and for each member").containsExactly(1L, 1L);
        assertThat(keptPeople.people()).extracting(p -> p.participant().standing().exercises().get(0).verdict())
                .containsOnly(Submission.Verdict.APPROVED);
        assertThat(kept.lines().get(1).enrolled()).as("Dani left").isEqualTo(1);
        assertThat(kept.lines().get(1).submitted()).isEqualTo(1);
        assertThat(kept.totals().issued()).containsEntry(CertificateType.ATTENDANCE, 1L);

        ledger.rebuild(s.code);
        assertThat(ledger.settle(s.code, 10_000)).isTrue();
        Participation.ProgrammeView rebuilt = participation.programme(coordinator, s.code, Participation.Sort.NAME, false);
        assertThat(rebuilt.lines()).isEqualTo(kept.lines());
        assertThat(rebuilt.totals()).isEqualTo(kept.totals());
        Participation.InstitutionView rebuiltPeople = participation.institution(coordinator, s.code, msal);
        assertThat(rebuiltPeople.summary()).isEqualTo(keptPeople.summary());
        assertThat(rebuiltPeople.people()).extracting(Participation.Person::statuses, Participation.Person::rate,
                Participation.Person::submitted, Participation.Person::approved, p -> p.certificates().keySet())
                .isEqualTo(keptPeople.people().stream().map(p -> Tuple.tuple(p.statuses(), p.rate(),
                        p.submitted(), p.approved(), p.certificates().keySet())).toList());
    }

    @Test
    void eachOwnersEventThatTouchesEveryoneRebuildsTheCourse() {
        var s = new CertificateScenario(root, 1, fixtures, sync, enrolments, rollCall, work, grading, users);
        s.person("Ana Evento", "MSAL");
        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        assertThat(participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals().enrolled()).isEqualTo(1);
        List<Object> touchingEveryone = List.of(new ExerciseChanged(s.code, s.code + "/1/e1"),
                new ParticipantsImported("job-1", Set.of(s.code)), new SessionScheduled(s.code, "s1"),
                new AttendanceMarked(s.code, Set.of(), true));
        for (Object event : touchingEveryone) {
            // figures that lag, as after a write around the services
            mongo.getCollection("participation_lines").updateMany(new Document("courseCode", s.code),
                    new Document("$set", new Document("enrolled", 999L)));
            events.publishEvent(event);
            assertThat(ledger.settle(s.code, 10_000)).isTrue();
            assertThat(participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals().enrolled())
                    .as("rebuilt after %s", event).isEqualTo(1);
        }
    }

    @Test
    void aCourseLeftWithChangesNotAppliedIsRebuiltAtStart() {
        var s = new CertificateScenario(root, 1, fixtures, sync, enrolments, rollCall, work, grading, users);
        Account ana = s.person("Ana Reinicio", "MSAL");
        s.roll(1, Map.of(ana.getId(), PRESENT));
        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        assertThat(participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals().enrolled()).isEqualTo(1);
        var built = mongo.getCollection("participation_courses");
        assertThat(built.find(new Document("_id", s.code)).first().getBoolean("dirty")).as("applied").isFalse();

        // as a crash would leave it: a change announced (marked) but never applied, and figures that lag
        mongo.getCollection("participation_lines").updateMany(new Document("courseCode", s.code),
                new Document("$set", new Document("enrolled", 999L)));
        built.updateOne(new Document("_id", s.code), new Document("$set", new Document("dirty", true)));

        ledger.onStart();
        assertThat(ledger.settle(s.code, 10_000)).isTrue();
        assertThat(participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals().enrolled()).isEqualTo(1);
        assertThat(built.find(new Document("_id", s.code)).first().getBoolean("dirty")).isFalse();
    }

    /**
     * One truth for a revoked certificate: the holder's course home, the certificates page, the dashboard (its line,
     * totals and exports), the institution's people and the person detail all say revoked, with the date, and none
     * of them counts the holder as someone who can receive it.
     */
    @Test
    void aRevokedCertificateIsCountedAsRevokedOnEveryPage() throws Exception {
        var s = new CertificateScenario(root, 1, fixtures, sync, enrolments, rollCall, work, grading, users);
        Account ana = s.person("Ana Revocada", "MSAL");
        Account beto = s.person("Beto Vigente", "MSAL");
        s.roll(1, Map.of(ana.getId(), PRESENT, beto.getId(), PRESENT));
        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        var revoked = issuing.issue(coordinator, s.code, ana.getId(), CertificateType.ATTENDANCE, null, false);
        issuing.issue(coordinator, s.code, beto.getId(), CertificateType.ATTENDANCE, null, false);
        revocation.revoke(coordinator, revoked.getId(), RevocationCategory.RECORDS_REVISED,
                "La asistencia del encuentro 1 se corrigió");
        String on = new Formats().date(issuing.certificate(coordinator, revoked.getId()).getRevokedAt());

        Participation.Line line = participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals();
        assertThat(line.issued()).containsEntry(CertificateType.ATTENDANCE, 1L);
        assertThat(line.revoked()).containsEntry(CertificateType.ATTENDANCE, 1L);
        assertThat(line.eligible()).as("a revoked holder is not someone who can still receive it")
                .containsEntry(CertificateType.ATTENDANCE, 0L);
        var overview = issuing.overview(coordinator, s.code);
        assertThat(overview.issued()).containsEntry(CertificateType.ATTENDANCE, 1);
        assertThat(overview.revoked()).containsEntry(CertificateType.ATTENDANCE, 1);
        assertThat(overview.eligibleToIssue().getOrDefault(CertificateType.ATTENDANCE, 0)).isZero();

        ledger.rebuild(s.code);
        assertThat(ledger.settle(s.code, 10_000)).isTrue();
        assertThat(participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals())
                .as("a rebuild from scratch counts the same").isEqualTo(line);

        var session = Sessions.demo(mvc, "coordinacion@aulas.demo");
        String msal = institutions.findByCode("MSAL").orElseThrow().getId();
        String programme = mvc.perform(get("/courses/" + s.code + "/participation").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(programme).contains("1 revocado");
        String people = mvc.perform(get("/courses/" + s.code + "/participation/institutions/" + msal).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(people).contains(revoked.getNumber(), "revocado el " + on, "La asistencia del encuentro 1 se corrigió");
        String person = mvc.perform(get("/courses/" + s.code + "/participation/people/" + ana.getId()).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(person).contains(revoked.getNumber(), "revocado el " + on, "asistencia o calificaciones revisadas")
                .doesNotContain("Puede recibirlo");
        String csv = mvc.perform(get("/courses/" + s.code + "/participation/export.csv").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().replace("\uFEFF", "").split(";"));
        List<String> salta = List.of(csv.lines().filter(l -> l.startsWith("Municipalidad de Salta")).findFirst()
                .orElseThrow().split(";"));
        assertThat(salta.get(header.indexOf("Revocados: Certificado de asistencia"))).isEqualTo("1");
        assertThat(salta.get(header.indexOf("Emitidos: Certificado de asistencia"))).isEqualTo("1");
        assertThat(salta.get(header.indexOf("Pueden recibirlo sin tenerlo todavía: Certificado de asistencia"))).isEqualTo("0");

        var holder = mvc.perform(get("/courses/" + s.code).session(Sessions.login(mvc, ana.getEmail(),
                AccountBuilder.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(holder).contains("fue revocado el " + on).doesNotContain("Puede recibirlo");
    }

    /**
     * One definition of attendance: the attendance report (Asistencia) and the participation dashboard give the same
     * rate per institution, per encounter and overall, and per person, with someone left unmarked at a taken
     * encounter (absent), someone justified (out of the denominator) and someone who enrolled after both
     * encounters and came to none (nothing counts for her yet: "—", not 0 %).
     */
    @Test
    void theAttendanceReportAndTheDashboardAgreeOnTheSameData() {
        var s = new CertificateScenario(root, 2, fixtures, sync, enrolments, rollCall, work, grading, users);
        Account ana = s.person("Ana Siempre", "MSAL");
        Account beto = s.person("Beto SinMarca", "MSAL");
        Account ceci = s.person("Ceci Justificada", "MSAL");
        s.roll(1, Map.of(ana.getId(), PRESENT, ceci.getId(), LATE));
        s.roll(2, Map.of(ana.getId(), PRESENT, beto.getId(), PRESENT, ceci.getId(), EXCUSED));
        fixtures.clock().advance(Duration.ofDays(2));
        Account dani = s.person("Dani Llegó", "MSAL");
        AulasUser coordinator = s.user("coordinacion@aulas.demo");
        String msal = institutions.findByCode("MSAL").orElseThrow().getId();

        var report = attendanceReport.report(coordinator, s.code);
        var asistencia = report.institutions().stream().filter(l -> l.name().equals("Municipalidad de Salta"))
                .findFirst().orElseThrow();
        Participation.Line participacion = participation.institution(coordinator, s.code, msal).summary();
        // encounter 1: Ana and Ceci came, Beto has no mark (absent), Dani had not enrolled: 2 of 3
        assertThat(asistencia.ratePerSession()).containsExactly(pct("66.7"), pct("100.0"));
        assertThat(participacion.perSession()).isEqualTo(asistencia.ratePerSession());
        // overall: Ana 2/2, Beto 1/2, Ceci 1/1 (the justified absence leaves the denominator) = 4 of 5
        assertThat(asistencia.overall()).isEqualTo(pct("80.0"));
        assertThat(participacion.overall()).isEqualTo(asistencia.overall());

        Map<String, BigDecimal> byReport = new HashMap<>();
        report.people().forEach(p -> byReport.put(p.account().getId(), p.rate().percent()));
        Map<String, BigDecimal> byDashboard = new HashMap<>();
        participation.institution(coordinator, s.code, msal).people()
                .forEach(p -> byDashboard.put(p.participant().account().getId(), p.rate()));
        assertThat(byDashboard).isEqualTo(byReport);
        assertThat(byReport.get(beto.getId())).isEqualTo(pct("50.0"));
        assertThat(byReport.get(ceci.getId())).isEqualTo(pct("100.0"));
        assertThat(byReport.get(dani.getId())).as("nothing counts for her yet").isNull();
        assertThat(report.people().stream().filter(p -> p.account().getId().equals(dani.getId())).findFirst()
                .orElseThrow().risk()).isEqualTo(AttendanceReport.Risk.OK);
        assertThat(participation.programme(coordinator, s.code, Participation.Sort.NAME, false).totals().overall())
                .isEqualTo(pct("80.0"));
    }
}
