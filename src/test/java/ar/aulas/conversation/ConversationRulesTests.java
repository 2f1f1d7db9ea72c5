package ar.aulas.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.notifications.Notification;
import ar.aulas.shared.Text;
import ar.aulas.shared.web.Flash;
import ar.aulas.support.AccountBuilder;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import ar.aulas.support.SampleFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/** The rules of the debates, team spaces and questions, through the pages people use. */
@AulasIntegrationTest
class ConversationRulesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CourseSync sync;
    @Autowired
    Enrolments enrolments;
    @Autowired
    InstitutionDirectory institutions;
    @Autowired
    PostRepository posts;
    @Autowired
    ThreadRepository threads;
    @Autowired
    MongoTemplate mongo;

    @TempDir
    static Path root;

    ConversationScenario s;

    @BeforeEach
    void aCourse() throws Exception {
        s = new ConversationScenario(mvc, fixtures, sync, enrolments, institutions, root);
    }

    private List<Notification> notificationsOf(String accountId) {
        return mongo.find(Query.query(Criteria.where("accountId").is(accountId)), Notification.class);
    }

    /** The flash message the redirect carries is this one. */
    private static ResultMatcher flashKey(String key) {
        return result -> assertThat(((Flash.Message) result.getFlashMap().get("flash")).key())
                .isEqualTo(key);
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void inQuestionAndAnswerModeAParticipantSeesTheOthersRepliesOnlyAfterPostingTheirOwn() throws Exception {
        mvc.perform(post("/courses/" + s.code + "/debates/1/settings").param("qaMode", "true")
                .session(s.trainerSession).with(csrf())).andExpect(status().is3xxRedirection());
        String thread = s.start(s.trainerSession, s.debate(1), "¿Qué indicador falta?", "Respondan cada uno.");
        String cReply = s.reply(s.cSession, thread, "Falta el de transporte de San Lorenzo.", null);
        assertThat(page(s.aSession, s.thread(thread))).contains("Publicá tu respuesta para ver las de los demás")
                .doesNotContain("Falta el de transporte");
        // not through a quote, a file or search either
        mvc.perform(multipart(s.thread(thread)).param("text", "x").param("replyTo", cReply).param("quote", "true")
                .session(s.aSession).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(posts.findByThreadIdOrderByCreatedAtAsc(thread).get(2).getQuote()).isNotNull();
        s.reply(s.bSession, thread, "Yo creo que falta el de agua.", null);
        assertThat(page(s.bSession, s.thread(thread))).contains("Falta el de transporte").contains("falta el de agua");
        assertThat(page(s.trainerSession, s.thread(thread))).contains("Falta el de transporte");
        String fresh = s.start(s.trainerSession, s.debate(1), "Otra pregunta", "¿Y el de vivienda?");
        s.reply(s.cSession, fresh, "Vivienda: sin datos recientes.", null);
        assertThat(page(s.aSession, "/courses/" + s.code + "/conversation/search?q=vivienda"))
                .doesNotContain("sin datos recientes");
    }

    @Test
    void anAuthorEditsTheirPostForThirtyMinutesAndTheEditIsShown() throws Exception {
        fixtures.clock().stop();
        String thread = s.start(s.aSession, s.debate(1), "Plan urbano", "Primera versión.");
        String post = posts.findByThreadIdOrderByCreatedAtAsc(thread).get(0).getId();
        String edit = "/courses/" + s.code + "/posts/" + post + "/edit";
        fixtures.clock().advance(Duration.ofMinutes(29));
        mvc.perform(post(edit).param("text", "Segunda versión.").session(s.aSession).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(s.bSession, s.thread(thread))).contains("Segunda versión.").contains("editado el");
        fixtures.clock().advance(Duration.ofMinutes(2));
        mvc.perform(post(edit).param("text", "Tercera redaccion.").session(s.aSession).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Un mensaje propio se puede editar solo durante 30 minutos")))
                .andExpect(content().string(containsString("Tercera redaccion.")));
        assertThat(posts.findById(post).orElseThrow().getText()).isEqualTo("Segunda versión.");
        assertThat(page(s.aSession, s.thread(thread))).doesNotContain(edit);
    }

    @Test
    void postingIsLimitedToTwentyPostsPerTenMinutesWithAClearMessage() throws Exception {
        fixtures.clock().stop();
        String thread = s.start(s.aSession, s.debate(1), "Muchas respuestas", "Empiezo.");
        for (int i = 0; i < 19; i++) {
            s.reply(s.aSession, thread, "Respuesta " + i, null);
        }
        mvc.perform(multipart(s.thread(thread)).param("text", "La que sobra").session(s.aSession).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Publicaste 20 mensajes en los últimos 10 minutos")))
                .andExpect(content().string(containsString("La que sobra")));
        assertThat(posts.findByThreadIdOrderByCreatedAtAsc(thread)).hasSize(20);
        fixtures.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
        s.reply(s.aSession, thread, "Ahora sí", null);
        assertThat(posts.findByThreadIdOrderByCreatedAtAsc(thread)).hasSize(21);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long postsBefore = posts.count();
        long threadsBefore = threads.count();
        long filesBefore = mongo.getCollection("fs.files").countDocuments();
        mvc.perform(multipart(s.debate(1)).param("title", "Sin texto").param("text", "   ").session(s.aSession).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Escribí el mensaje: está vacío.")))
                .andExpect(content().string(containsString("href=\"#text\"")))
                .andExpect(content().string(containsString("value=\"Sin texto\"")));
        mvc.perform(multipart(s.debate(1)).param("title", "").param("text", "algo").session(s.aSession).with(csrf()))
                .andExpect(content().string(containsString("Escribí un título.")));
        mvc.perform(multipart(s.debate(1)).file(new MockMultipartFile("files", "bueno.docx", "application/octet-stream", SampleFiles.docx()))
                        .file(new MockMultipartFile("files", "informe.docx", "application/octet-stream", SampleFiles.zipWithProgram()))
                        .param("title", "Con adjunto").param("text", "Va el informe.").session(s.aSession).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("DOCX")))
                .andExpect(content().string(containsString("Va el informe.")));
        mvc.perform(multipart(s.debate(1)).param("title", "Largo").param("text", "x".repeat(20_001)).session(s.aSession)
                .with(csrf())).andExpect(content().string(containsString("hasta 20.000 caracteres")));
        assertThat(posts.count()).isEqualTo(postsBefore);
        assertThat(threads.count()).isEqualTo(threadsBefore);
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(filesBefore);

        String thread = s.start(s.aSession, s.debate(1), "Se cierra", "Pronto.");
        mvc.perform(post("/courses/" + s.code + "/threads/" + thread + "/lock").param("locked", "true")
                .session(s.trainerSession).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(multipart(s.thread(thread)).param("text", "tarde").session(s.bSession).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Este hilo está cerrado")));
        mvc.perform(post("/courses/" + s.code + "/debates/1/settings").param("locked", "true")
                .session(s.trainerSession).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(multipart(s.debate(1)).param("title", "Nuevo").param("text", "tema").session(s.bSession).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Este espacio está cerrado")));
        assertThat(posts.count()).isEqualTo(postsBefore + 1);
    }

    @Test
    void htmlScriptsAndJavascriptLinksNeverReachThePage() throws Exception {
        String thread = s.start(s.aSession, s.debate(1), "<script>alert(1)</script>Título",
                "Hola <script>alert(2)</script> <img src=x onerror=alert(3)> [enlace](javascript:alert(4)) "
                        + "<a href=\"javascript:alert(5)\">otro</a>");
        for (String path : List.of(s.thread(thread), s.debate(1), "/courses/" + s.code + "/conversation/search?q=hola")) {
            Document doc = Jsoup.parse(page(s.bSession, path));
            assertThat(doc.select("script").stream().map(Element::data)).noneMatch(d -> d.contains("alert"));
            assertThat(doc.getAllElements().stream().flatMap(e -> e.attributes().asList().stream()))
                    .noneMatch(a -> a.getKey().startsWith("on"))
                    .noneMatch(a -> a.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:"));
            assertThat(doc.select("main img")).isEmpty();
        }
        assertThat(page(s.bSession, s.thread(thread))).contains("&lt;script&gt;alert(1)&lt;/script&gt;Título");
    }

    @Test
    void mentionsTellTheMembersNamedWithOrWithoutAccentsAndOnlyThoseWhoSeeTheSpace() throws Exception {
        String thread = s.start(s.bSession, s.debate(1), "Agua potable", "¿Quién tiene datos?");
        String folded = Text.searchable(s.c.getFullName());
        s.reply(s.bSession, thread, "@" + folded + " y @" + s.a.getFullName().toUpperCase() + ", ¿tienen algo?", null);
        assertThat(notificationsOf(s.c.getId())).extracting(Notification::getKind).contains(Notification.Kind.MENTION);
        assertThat(notificationsOf(s.a.getId())).extracting(Notification::getKind).contains(Notification.Kind.MENTION);
        // Salta's team space: San Lorenzo's C is not a member, so naming C tells no one
        String team = s.start(s.bSession, s.team(s.salta), "Tareas", "@" + s.c.getFullName() + " @" + s.a.getFullName());
        assertThat(notificationsOf(s.c.getId())).filteredOn(n -> n.getHref().contains(team)).isEmpty();
        assertThat(notificationsOf(s.a.getId())).filteredOn(n -> n.getHref().contains(team)).hasSize(1);
    }

    @Test
    void aReplyTellsTheAuthorAndTheBellCountsItUntilOpened() throws Exception {
        String thread = s.start(s.aSession, s.debate(1), "Residuos", "¿Cómo lo gestionan?");
        s.reply(s.cSession, thread, "Con un consorcio.", null);
        Notification n = notificationsOf(s.a.getId()).stream().filter(x -> x.getKind() == Notification.Kind.REPLY)
                .findFirst().orElseThrow();
        assertThat(page(s.aSession, "/notifications")).contains(s.c.getFullName() + " respondió en «Residuos»");
        assertThat(page(s.aSession, "/")).contains("bell-count\">1<");
        // someone else cannot open it
        mvc.perform(post("/notifications/" + n.getId()).session(s.bSession).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/notifications/" + n.getId()).session(s.aSession).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(s.aSession, "/")).doesNotContain("bell-count");
    }

    @Test
    void aHiddenPostIsShownOnlyToTrainersAndItsAuthorWithTheReasonAndEverythingIsAudited() throws Exception {
        String thread = s.start(s.aSession, s.debate(1), "Tema", "Abro.");
        String bad = s.reply(s.cSession, thread, "Un mensaje fuera de lugar.", null);
        String c = "/courses/" + s.code;
        mvc.perform(post(c + "/posts/" + bad + "/hide").param("reason", "").param("thread", thread)
                .session(s.trainerSession).with(csrf())).andExpect(flashKey("moderation.reason.required"));
        mvc.perform(post(c + "/posts/" + bad + "/report").param("reason", "Es ofensivo").param("thread", thread)
                .session(s.bSession).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(c + "/posts/" + bad + "/report").param("reason", "Otra vez").param("thread", thread)
                .session(s.bSession).with(csrf())).andExpect(flashKey("moderation.report.again"));
        assertThat(notificationsOf(s.trainer.getId())).extracting(Notification::getKind).contains(Notification.Kind.REPORT);
        assertThat(page(s.trainerSession, c + "/moderation")).contains("Es ofensivo");
        mvc.perform(post(c + "/posts/" + bad + "/hide").param("reason", "No respeta las normas del curso").param("thread", thread)
                .session(s.trainerSession).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page(s.bSession, s.thread(thread))).doesNotContain("fuera de lugar").contains("Mensaje ocultado por la moderación");
        assertThat(page(s.cSession, s.thread(thread))).contains("fuera de lugar").contains("No respeta las normas del curso");
        assertThat(page(s.trainerSession, s.thread(thread))).contains("fuera de lugar");
        assertThat(notificationsOf(s.c.getId())).extracting(Notification::getKind).contains(Notification.Kind.MODERATION);
        mvc.perform(post(c + "/posts/" + bad + "/show").param("thread", thread).session(s.trainerSession).with(csrf()));
        mvc.perform(post(c + "/threads/" + thread + "/pin").param("pinned", "true").session(s.trainerSession).with(csrf()));
        mvc.perform(post(c + "/posts/" + bad + "/endorse").param("thread", thread).param("endorsed", "true")
                .session(s.trainerSession).with(csrf()));
        assertThat(page(s.bSession, s.thread(thread))).contains("fuera de lugar").contains("Respuesta destacada");
        List<ModerationEntry> audit = mongo.find(Query.query(Criteria.where("courseCode").is(s.code)), ModerationEntry.class);
        assertThat(audit).extracting(ModerationEntry::getAction).containsExactlyInAnyOrder(ModerationEntry.Action.REPORT,
                ModerationEntry.Action.HIDE, ModerationEntry.Action.SHOW, ModerationEntry.Action.PIN,
                ModerationEntry.Action.ENDORSE);
        assertThat(audit).allMatch(e -> e.getAt() != null && e.getActorId() != null);
        assertThat(audit).filteredOn(e -> e.getAction() == ModerationEntry.Action.HIDE)
                .allMatch(e -> e.getActorId().equals(s.trainer.getId()) && e.getDetail().equals("No respeta las normas del curso"));
        assertThat(page(s.trainerSession, c + "/moderation")).contains("Ocultó un mensaje").contains("Fijó un hilo");
    }

    @Test
    void aThreadMovesWithItsPostsToAnotherEncountersDebate() throws Exception {
        String thread = s.start(s.aSession, s.debate(1), "Va en otro encuentro", "Es del encuentro 2.");
        s.reply(s.bSession, thread, "Sí.", null);
        mvc.perform(post("/courses/" + s.code + "/threads/" + thread + "/move").param("module", "2")
                .session(s.trainerSession).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(threads.findById(thread).orElseThrow().getSpace()).isEqualTo("m2");
        assertThat(posts.findByThreadIdOrderByCreatedAtAsc(thread)).allMatch(p -> p.getSpace().equals("m2"));
        // encounter 2 is not released: participants no longer reach it, the trainer does
        mvc.perform(get(s.thread(thread)).session(s.aSession)).andExpect(status().isNotFound());
        mvc.perform(get(s.thread(thread)).session(s.trainerSession)).andExpect(status().isOk());
        assertThat(page(s.aSession, s.debate(1))).doesNotContain("Va en otro encuentro");
    }

    @Test
    void aQuestionIsPrivateToItsAskerAndTheTrainersUntilPublishedAsAnAnonymousFaq() throws Exception {
        String q = s.start(s.aSession, s.questions(), "¿Hay prórroga?", "Me enfermé la semana pasada.");
        assertThat(notificationsOf(s.trainer.getId())).filteredOn(n -> n.getHref().contains(q)).hasSize(1);
        mvc.perform(get(s.thread(q)).session(s.bSession)).andExpect(status().isNotFound());
        assertThat(page(s.bSession, s.questions())).doesNotContain("¿Hay prórroga?");
        mvc.perform(post("/courses/" + s.code + "/threads/" + q + "/faq").param("published", "true")
                .session(s.trainerSession).with(csrf())).andExpect(flashKey("moderation.faq.unanswered"));
        s.reply(s.trainerSession, q, "Sí: hay una semana más si lo pedís antes de la fecha.", null);
        assertThat(notificationsOf(s.a.getId())).extracting(Notification::getKind).contains(Notification.Kind.ANSWER);
        assertThat(page(s.aSession, s.thread(q))).contains("hay una semana más");
        mvc.perform(post("/courses/" + s.code + "/threads/" + q + "/faq").param("published", "true")
                .session(s.trainerSession).with(csrf())).andExpect(status().is3xxRedirection());
        String seenByC = page(s.cSession, s.thread(q));
        assertThat(seenByC).contains("¿Hay prórroga?").contains("hay una semana más").doesNotContain(s.a.getFullName())
                .contains("Participante");
        assertThat(page(s.cSession, s.questions())).contains("Preguntas frecuentes").contains("¿Hay prórroga?");
        // published, it takes no more replies from participants
        mvc.perform(multipart(s.thread(q)).param("text", "¿y yo?").session(s.cSession).with(csrf()))
                .andExpect(status().isNotFound());

        String shared = s.start(s.aSession, s.questions(), "Compartida", "Para mi equipo también.");
        mvc.perform(multipart(s.questions()).param("title", "Compartida con el equipo").param("text", "Texto")
                .param("sharedWithTeam", "true").session(s.aSession).with(csrf())).andExpect(status().is3xxRedirection());
        String sharedId = threads.findByCourseCodeAndSpaceOrderByLastActivityAtDesc(s.code, "q").stream()
                .filter(t -> t.getTitle().equals("Compartida con el equipo")).findFirst().orElseThrow().getId();
        mvc.perform(get(s.thread(shared)).session(s.bSession)).andExpect(status().isNotFound());
        mvc.perform(get(s.thread(sharedId)).session(s.bSession)).andExpect(status().isOk());
        mvc.perform(get(s.thread(sharedId)).session(s.cSession)).andExpect(status().isNotFound());
    }

    @Test
    void searchFindsWordsWithoutAccentsOrCaseAndOnlyWhatTheReaderMaySee() throws Exception {
        String thread = s.start(s.aSession, s.debate(1), "Planificación", "La PLANIFICACIÓN participativa del borde urbano.");
        s.start(s.aSession, s.team(s.salta), "Interno", "Planificacion interna del equipo de Salta.");
        String c = "/courses/" + s.code + "/conversation/search?q=";
        assertThat(page(s.cSession, c + "planificacion")).contains("participativa del borde").doesNotContain("interna del equipo")
                .contains("Un mensaje con «planificacion»");
        assertThat(page(s.bSession, c + "PLANIFICACION")).contains("participativa del borde").contains("interna del equipo");
        String post = posts.findByThreadIdOrderByCreatedAtAsc(thread).get(0).getId();
        mvc.perform(post("/courses/" + s.code + "/posts/" + post + "/hide").param("reason", "duplicado").param("thread", thread)
                .session(s.trainerSession).with(csrf()));
        assertThat(page(s.cSession, c + "planificacion")).doesNotContain("participativa del borde");
        mvc.perform(get(c + "(.*)").session(s.cSession)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("interna del equipo"))));
    }

    @Test
    void aLongThreadShowsFiftyRepliesAPageAndALinkToAPostOpensThePageThatHoldsIt() throws Exception {
        fixtures.clock().stop();
        String thread = s.start(s.aSession, s.debate(1), "Un hilo largo", "Respondan todos.");
        List<String> replies = new ArrayList<>();
        for (int i = 1; i <= 110; i++) {
            if (i % 19 == 0) {
                fixtures.clock().advance(Duration.ofMinutes(11));
            }
            replies.add(s.reply(s.bSession, thread, "Respuesta número " + AccountBuilderLetters.of(i), null));
            fixtures.clock().advance(Duration.ofSeconds(1));
        }
        String nested = s.reply(s.cSession, thread, "Anidada bajo la " + AccountBuilderLetters.of(55), replies.get(54));
        Document first = Jsoup.parse(page(s.aSession, s.thread(thread)));
        assertThat(first.select(".reply")).hasSize(50);
        assertThat(first.text()).contains("Respondan todos.", "Respuesta número " + AccountBuilderLetters.of(1), "Página 1 de 3")
                .doesNotContain("Respuesta número " + AccountBuilderLetters.of(51) + " ");
        Document last = Jsoup.parse(page(s.aSession, s.thread(thread) + "?page=2"));
        assertThat(last.select(".reply")).hasSize(10);
        assertThat(last.text()).as("the opening post heads every page").contains("Respondan todos.", "Página 3 de 3");
        // the bell's link to the nested reply leads to the second page, where it is
        String href = notificationsOf(s.b.getId()).stream()
                .filter(n -> n.getHref().contains(nested)).findFirst().orElseThrow().getHref();
        assertThat(href).contains("?post=" + nested + "#post-" + nested);
        Document second = Jsoup.parse(page(s.bSession, href.substring(0, href.indexOf('#'))));
        assertThat(second.getElementById("post-" + nested)).isNotNull();
        assertThat(second.getElementById("post-" + replies.get(54))).isNotNull();
        assertThat(second.text()).contains("Página 2 de 3");
        assertThat(notificationsOf(s.b.getId()).stream()
                .filter(n -> n.getHref().contains(nested)).findFirst().orElseThrow().isRead()).as("read once opened").isTrue();
    }

    @Test
    void aDebateListsFiftyThreadsAPageWithThePinnedOneFirst() throws Exception {
        fixtures.clock().stop();
        String first = null;
        for (int i = 1; i <= 60; i++) {
            if (i % 19 == 0) {
                fixtures.clock().advance(Duration.ofMinutes(11));
            }
            String id = s.start(s.aSession, s.debate(1), "Hilo número " + AccountBuilderLetters.of(i), "Texto " + i);
            first = first == null ? id : first;
            fixtures.clock().advance(Duration.ofSeconds(1));
        }
        mvc.perform(post("/courses/" + s.code + "/threads/" + first + "/pin").param("pinned", "true")
                .session(s.trainerSession).with(csrf()));
        Document one = Jsoup.parse(page(s.bSession, s.debate(1)));
        assertThat(one.select(".thread-list li")).hasSize(50);
        assertThat(one.select(".thread-list li").first().text()).contains("Fijado").contains("Hilo número " + AccountBuilderLetters.of(1));
        assertThat(one.select(".thread-list li").get(1).text()).contains("Hilo número " + AccountBuilderLetters.of(60));
        assertThat(one.text()).contains("60 hilos").contains("Página 1 de 2");
        Document two = Jsoup.parse(page(s.bSession, s.debate(1) + "?page=1"));
        assertThat(two.select(".thread-list li")).hasSize(10);
        assertThat(two.select(".thread-list li").last().text()).contains("Hilo número " + AccountBuilderLetters.of(2));
    }

    @Test
    void aReplyPostedWithAnEndedSessionOrTokenComesBackInTheFormInsteadOfBeingLost() throws Exception {
        String thread = s.start(s.aSession, s.debate(1), "Datos abiertos", "¿Publicamos los datos?");
        // no (or an old) form token: what the expired-session handler sees
        mvc.perform(multipart(s.thread(thread)).param("text", "Si, con licencia abierta y metadatos.")
                        .header("Origin", "http://localhost").session(s.bSession))
                .andExpect(status().is3xxRedirection());
        assertThat(page(s.bSession, s.thread(thread))).contains("Si, con licencia abierta y metadatos.</textarea>");
        assertThat(posts.findByThreadIdOrderByCreatedAtAsc(thread)).hasSize(1);
    }

    @Test
    void aReplySavedWhileTypingIsOfferedAgainUntilItIsSent() throws Exception {
        String thread = s.start(s.aSession, s.debate(1), "Borde urbano", "¿Dónde termina la ciudad?");
        mvc.perform(post("/drafts").param("page", s.thread(thread)).param("text", "Mi respuesta a medio escribir")
                .session(s.bSession).with(csrf())).andExpect(status().isOk());
        // another person's page does not show it
        assertThat(page(s.cSession, s.thread(thread))).doesNotContain("Mi respuesta a medio escribir");
        assertThat(page(s.bSession, s.thread(thread))).contains("Mi respuesta a medio escribir</textarea>")
                .contains("Recuperamos lo que estabas escribiendo");
        s.reply(s.bSession, thread, "Mi respuesta a medio escribir, terminada.", null);
        assertThat(page(s.bSession, s.thread(thread))).doesNotContain("Recuperamos lo que estabas escribiendo")
                .doesNotContain("medio escribir</textarea>");
    }

    /** Titles with letters, not digits, so one is never a prefix of another. */
    private static final class AccountBuilderLetters {
        static String of(int n) {
            return AccountBuilder.letters(n) + "x";
        }
    }
}
