package ar.aulas.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AccountRepository;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Passwords;
import ar.aulas.courses.CourseRepository;
import ar.aulas.courses.Enrolments;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.mail.OutboxRepository;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Bombs;
import ar.aulas.support.Sessions;
import ar.aulas.support.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@AulasIntegrationTest
class ParticipantImportTests {

    @Autowired MockMvc mvc;
    @Autowired AccountRegistry accounts;
    @Autowired AccountRepository accountRepository;
    @Autowired OutboxRepository outbox;
    @Autowired Enrolments enrolments;
    @Autowired ImportJobRepository jobs;

    static int dni() {
        return 30_000_000 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 9_000_000);
    }

    String upload(MockHttpSession session, String name, byte[] bytes, int expectedStatus) throws Exception {
        return mvc.perform(multipart("/imports/participants").file(new MockMultipartFile("file", name, "text/csv", bytes))
                .session(session).with(csrf())).andExpect(status().is(expectedStatus)).andReturn().getResponse()
                .getContentAsString();
    }

    static String token(String preview) {
        Matcher m = Pattern.compile("/imports/participants/([0-9a-f]{32})/confirm").matcher(preview);
        assertThat(m.find()).as("a confirm form").isTrue();
        return m.group(1);
    }

    ImportJob confirm(MockHttpSession session, String token) throws Exception {
        String url = mvc.perform(post("/imports/participants/" + token + "/confirm").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String id = url.substring(url.lastIndexOf('/') + 1);
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            ImportJob job = jobs.findById(id).orElseThrow();
            if (job.getStatus() != ImportJob.Status.RUNNING) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not finish");
    }

    @Test
    void thePreviewGivesEachRowsOutcomeOrErrorAndWritesNothingThenOnlyValidRowsAreImportedOnce() throws Exception {
        int a = dni();
        int b = a + 1;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String csv = String.join("\r\n",
                "Email;Apellido;NOMBRE;DNI;Cargo / Área;Institución;Curso;Observaciones",
                "ana." + tag + "@salta.gob.ar;Núñez;Ana María;" + a + ";Planificación;MSAL;AGC-2026;nueva",
                "tecnico@aulas.demo;Arias;Juan Pablo;28.456.789;Dirección de Obras;Municipalidad de Salta;AGC-2026;existe",
                "beto." + tag + "@salta.gob.ar;Pérez;Beto;12345;Obras;MSAL;;dni corto",
                "carla." + tag + "@;Gómez;Carla;" + b + ";Obras;MSAL;;correo roto",
                "otra." + tag + "@salta.gob.ar;Núñez;Repetida;" + a + ";Obras;MSAL;;dni repetido",
                "dora." + tag + "@salta.gob.ar;Díaz;Dora;" + (b + 1) + ";Obras;Municipalidad de Marte;;sin institución",
                "eva." + tag + "@salta.gob.ar;Ruiz;Eva;" + (b + 2) + ";Obras;MSAL;CURSO-X;sin curso",
                "tecnica.sanlorenzo@aulas.demo;Luna;Flor;" + (b + 3) + ";Obras;MSLO;;correo de otra",
                "gabo." + tag + "@salta.gob.ar;Gil;\"=HYPERLINK(\"\"http://mal.example\"\",\"\"clic\"\")\";" + (b + 4)
                        + ";Obras;MSAL;;fórmula",
                "hugo." + tag + "@salta.gob.ar;<script>alert(1)</script>;Hugo;" + (b + 5) + ";Obras;MSAL;;script",
                "x;".repeat(199) + "x");
        var coordinator = Sessions.demo(mvc, "coordinacion@aulas.demo");
        long accountsBefore = accountRepository.count();
        long mailsBefore = outbox.count();
        Account juan = accounts.findByEmail("tecnico@aulas.demo").orElseThrow();

        String preview = upload(coordinator, "gente.csv", csv.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(accountRepository.count()).as("the preview writes nothing").isEqualTo(accountsBefore);
        assertThat(outbox.count()).isEqualTo(mailsBefore);
        assertThat(accounts.find(juan.getId()).orElseThrow().getPosition()).isEqualTo(juan.getPosition());
        assertThat(preview).contains("Cuentas nuevas (reciben una invitación para elegir su contraseña): 1",
                "Cuentas existentes que se actualizan: 1", "Filas con error (no se importan): 9",
                "Inscripciones que se agregan: 1", "Columnas que no se usan: Observaciones",
                "«12345» no es un DNI", "«carla." + tag + "@» no es un correo válido", "el mismo DNI ya está en la fila 2",
                "no hay ninguna institución con el código o nombre «Municipalidad de Marte»",
                "no hay ningún curso con el código «CURSO-X»", "el correo pertenece a otra persona (DNI 31.234.567)",
                "solo puede tener letras, espacios, apóstrofos, guiones y puntos", "la fila tiene 200 columnas y el encabezado 8",
                "Importar solo las 2 filas válidas", "(cargo)");
        assertThat(preview).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        ImportJob job = confirm(coordinator, token(preview));
        assertThat(job.getCreated()).isEqualTo(1);
        assertThat(job.getUpdated()).isEqualTo(1);
        assertThat(job.getEnrolled()).isEqualTo(1);
        assertThat(job.getFailed()).isEqualTo(9);
        assertThat(job.getByName()).isEqualTo("Mariana Quiroga");
        assertThat(job.getFileName()).isEqualTo("gente.csv");
        Account ana = accounts.findByEmail("ana." + tag + "@salta.gob.ar").orElseThrow();
        assertThat(ana.getFullName()).isEqualTo("Ana María Núñez");
        assertThat(ana.getSurname()).as("the apellido column, for sorting by surname").isEqualTo("Núñez");
        assertThat(ana.getSortName()).isEqualTo("Núñez, Ana María");
        assertThat(ana.getPasswordHash()).as("no password is ever set by an import").isNull();
        assertThat(enrolments.activeOf(ana.getId())).extracting(e -> e.getCourseCode()).containsExactly("AGC-2026");
        assertThat(outbox.findAll()).anySatisfy(m -> {
            assertThat(m.getTo()).isEqualTo(ana.getEmail());
            assertThat(m.getBody()).contains("/password/reset?token=");
        });
        assertThat(accounts.find(juan.getId()).orElseThrow().getPosition()).isEqualTo("Dirección de Obras");
        assertThat(accountRepository.count()).isEqualTo(accountsBefore + 1);

        String report = mvc.perform(get("/imports/participants/jobs/" + job.getId() + "/errors.csv").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).startsWith("\uFEFFFila;Apellido y nombre;DNI;Correo electrónico;Columna;Error")
                .contains("4;Beto Pérez;12345;beto." + tag + "@salta.gob.ar;dni;«12345» no es un DNI")
                .contains("'=HYPERLINK").doesNotContain(";=HYPERLINK");
        String page = mvc.perform(get("/imports/participants/jobs/" + job.getId()).session(coordinator))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Terminada.", "11 de 11 filas procesadas");

        long mailsAfter = outbox.count();
        String again = upload(coordinator, "gente.csv", csv.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(again).contains("Cuentas nuevas (reciben una invitación para elegir su contraseña): 0",
                "Cuentas existentes sin cambios: 2", "Inscripciones que se agregan: 0");
        ImportJob second = confirm(coordinator, token(again));
        assertThat(second.getCreated() + second.getUpdated() + second.getEnrolled()).isZero();
        assertThat(accountRepository.count()).isEqualTo(accountsBefore + 1);
        assertThat(outbox.count()).as("re-importing sends nothing").isEqualTo(mailsAfter);
    }

    @Test
    void anInstitutionsCoordinatorImportsOnlyTheirOwnPeople() throws Exception {
        int a = dni();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String csv = "apellido,nombre,dni,email,institucion\n"
                + "Sosa,Lina," + a + ",lina." + tag + "@sanlorenzo.gob.ar,MSLO\n"
                + "Vera,Tito," + (a + 1) + ",tito." + tag + "@salta.gob.ar,MSAL\n"
                + "Arias,Juan Pablo,28456789,tecnico@aulas.demo,MSLO\n";
        var sanLorenzo = Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo");
        String preview = upload(sanLorenzo, "sl.csv", csv.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(preview).contains("es de Municipalidad de Salta: solo podés importar personas de tu institución",
                "no podés importar esta fila: la coordinación del programa puede resolverla", "Importar la fila válida");
        ImportJob job = confirm(sanLorenzo, token(preview));
        assertThat(job.getCreated()).isEqualTo(1);
        assertThat(accounts.findByEmail("tito." + tag + "@salta.gob.ar")).isEmpty();
        assertThat(accounts.findByEmail("tecnico@aulas.demo").orElseThrow().getFullName()).isEqualTo("Juan Pablo Arias");
        mvc.perform(get("/imports/participants/jobs/" + job.getId()).session(Sessions.demo(mvc, "coordinacion@aulas.demo")))
                .andExpect(status().isOk());
        String other = mvc.perform(get("/imports/participants").session(Sessions.demo(mvc, "coordinacion@aulas.demo")))
                .andReturn().getResponse().getContentAsString();
        assertThat(other).contains("sl.csv");
    }

    @Test
    void aFileThatCannotBeImportedIsRefusedWithAClearMessageAndOnlyStaffMayImport() throws Exception {
        var coordinator = Sessions.demo(mvc, "coordinacion@aulas.demo");
        assertThat(upload(coordinator, "sin-dni.csv", "apellido;nombre;email;institución\nA;B;c@d.ar;MSAL\n"
                .getBytes(StandardCharsets.UTF_8), 400)).contains("Faltan columnas en el encabezado: dni.");
        assertThat(upload(coordinator, "vacio.csv", new byte[0], 400)).contains("El archivo está vacío");
        assertThat(upload(coordinator, "foto.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 400))
                .contains("El archivo no es una planilla CSV ni XLSX.");
        byte[] big = new byte[50 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        assertThat(upload(coordinator, "grande.csv", big, 400)).contains("El archivo supera los 10 MB.");
        mvc.perform(post("/imports/participants/" + "0".repeat(32) + "/confirm").session(coordinator).with(csrf()))
                .andExpect(status().isBadRequest());
        String preview = upload(coordinator, "ok.csv", ("apellido,nombre,dni,email,institución\nLópez,Sara," + dni()
                + ",sara." + UUID.randomUUID().toString().substring(0, 6) + "@salta.gob.ar,MSAL\n").getBytes(), 200);
        var otherCoordinator = Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo");
        mvc.perform(post("/imports/participants/" + token(preview) + "/confirm").session(otherCoordinator).with(csrf()))
                .andExpect(status().isBadRequest());

        for (String who : new String[] {"tecnico@aulas.demo", "capacitadora@aulas.demo"}) {
            var session = Sessions.demo(mvc, who);
            mvc.perform(get("/imports/participants").session(session)).andExpect(status().isNotFound());
            mvc.perform(multipart("/imports/participants").file(new MockMultipartFile("file", "x.csv", "text/csv",
                    "a\n1\n".getBytes())).session(session).with(csrf())).andExpect(status().isNotFound());
        }
        mvc.perform(multipart("/imports/participants").file(new MockMultipartFile("file", "x.csv", "text/csv",
                "a\n1\n".getBytes())).session(coordinator)).andExpect(status().isForbidden());
    }

    @LocalServerPort int port;

    @Test
    void spreadsheetBombsFromAScopedCoordinatorAreRefusedWhileTheAppStaysHealthy() throws Exception {
        var scoped = Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).build();
        List<Long> probes = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread prober = new Thread(() -> {
            while (running.get() && failure.get() == null) {
                try {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).isEqualTo(200);
                    assertThat(answer.body()).contains("UP");
                    probes.add((System.nanoTime() - start) / 1_000_000);
                    Thread.sleep(100);
                } catch (Throwable e) {
                    failure.set(e);
                }
            }
        });
        long jobsBefore = jobs.count();
        prober.start();
        try {
            long start = System.nanoTime();
            assertThat(upload(scoped, "gente.xlsx", Bombs.hugeCell(1L << 30), 400))
                    .contains("El archivo Excel ocupa más de 50 MB descomprimido");
            long cell = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            assertThat(upload(scoped, "gente.xlsx", Bombs.manyCells(20_000_000), 400))
                    .contains("El archivo Excel ocupa más de 50 MB descomprimido");
            long cells = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            assertThat(upload(scoped, "gente.xlsx", Bombs.blankRows(200_000_000L, false), 400))
                    .contains("El archivo Excel ocupa más de 50 MB descomprimido");
            long blank = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("Bombs refused (generation included) in %d, %d and %d ms%n", cell, cells, blank);
        } finally {
            running.set(false);
            prober.join();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).body()).contains("UP");
        }
        assertThat(failure.get()).as("every health probe answered UP").isNull();
        assertThat(probes).isNotEmpty();
        System.out.printf("%d health probes during the bombs, slowest %d ms%n", probes.size(),
                probes.stream().mapToLong(Long::longValue).max().orElse(0));
        assertThat(jobs.count()).as("nothing stored").isEqualTo(jobsBefore);
    }

    @Test
    void anInstitutionsCoordinatorLearnsNothingOfPeopleOfOtherInstitutions() throws Exception {
        var scoped = Sessions.demo(mvc, "coordinacion.sanlorenzo@aulas.demo");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String byEmail = upload(scoped, "gente.csv", ("apellido;nombre;dni;email;institución\nArias;Juan;" + dni()
                + ";tecnico@aulas.demo;MSLO\n").getBytes(StandardCharsets.UTF_8), 200);
        assertThat(byEmail).doesNotContain("28.456.789", "Juan Pablo", "Municipalidad de Salta", "otra persona");
        assertThat(count(byEmail, "no podés importar esta fila: la coordinación del programa puede resolverla")).isEqualTo(1);
        String byDni = upload(scoped, "gente.csv", String.join("\n", "apellido;nombre;dni;email;institución",
                "Arias;Juan;28456789;juan." + tag + "@slo.gob.ar;MSLO", "Arias;Juan;28.456.789;tecnico@aulas.demo;MSLO")
                .getBytes(StandardCharsets.UTF_8), 200);
        assertThat(byDni).doesNotContain("Juan Pablo", "Municipalidad de Salta", "otra institución", "otra persona");
        assertThat(count(byDni, "no podés importar esta fila: la coordinación del programa puede resolverla")).isEqualTo(2);
    }

    @Autowired Passwords passwords;
    @Autowired InstitutionDirectory institutions;
    @Autowired CourseRepository courses;
    @Autowired MongoTemplate mongo;
    @Autowired ImportsProperties properties;
    @Autowired ApplicationEventPublisher events;
    @Autowired ImportUploads uploads;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;

    /** Another instance on the same store: nothing in memory in common with this one. */
    ParticipantImport otherInstance() {
        return new ParticipantImport(accounts, passwords, institutions, courses, enrolments, jobs, mongo, clock,
                properties, events, uploads);
    }

    @Test
    void anImportPreviewedOnOneInstanceIsConfirmedOnAnotherOnceAndAnUnconfirmedOneExpires() throws Exception {
        int dni = dni();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        byte[] csv = ("apellido;nombre;dni;email;institución\nRivas;Inés;" + dni + ";ines." + tag + "@salta.gob.ar;MSAL\n")
                .getBytes(StandardCharsets.UTF_8);
        AulasUser coordinator = (AulasUser) users.loadUserByUsername("coordinacion@aulas.demo");
        ParticipantImport a = otherInstance();
        ParticipantImport b = otherInstance();

        ParticipantImport.Preview preview = a.preview(coordinator, "gente.csv", csv);
        assertThat(mongo.exists(Query.query(Criteria.where("metadata.importUpload").is(preview.token())), "fs.files"))
                .as("the file is in the store").isTrue();

        assertThat(b.preview(coordinator, preview.token()).counts()).isEqualTo(preview.counts());
        ImportJob job = b.confirm(coordinator, preview.token());
        assertThatThrownBy(() -> a.confirm(coordinator, preview.token())).isInstanceOf(ImportRefused.class)
                .hasMessageContaining("import.file.expired");
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (jobs.findById(job.getId()).orElseThrow().getStatus() == ImportJob.Status.RUNNING
                && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertThat(jobs.findById(job.getId()).orElseThrow().getCreated()).isEqualTo(1);
        assertThat(accounts.findByEmail("ines." + tag + "@salta.gob.ar")).isPresent();
        assertThat(mongo.exists(Query.query(Criteria.where("metadata.importUpload").is(preview.token())), "fs.files"))
                .as("a confirmed upload's file is removed").isFalse();

        // one left unconfirmed: after two hours it is refused, and the clean-up removes its file
        ParticipantImport.Preview left = a.preview(coordinator, "gente.csv", csv);
        clock.stop();
        try {
            clock.advance(Duration.ofHours(2).plusSeconds(1));
            assertThatThrownBy(() -> b.confirm(coordinator, left.token())).isInstanceOf(ImportRefused.class);
            uploads.removeExpired();
            assertThat(mongo.exists(Query.query(Criteria.where("metadata.importUpload").is(left.token())), "fs.files"))
                    .isFalse();
            assertThat(mongo.exists(Query.query(Criteria.where("_id").is(left.token())), ImportUploads.Upload.class))
                    .isFalse();
        } finally {
            clock.resume();
            a.stop();
            b.stop();
        }
    }

    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
