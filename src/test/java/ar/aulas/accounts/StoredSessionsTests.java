package ar.aulas.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.demo.DemoAccounts;
import ar.aulas.support.AccountBuilder;
import ar.aulas.support.Fixtures;
import ar.aulas.support.TestSupportConfiguration;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.mongodb.spring.session.MongoSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Sessions kept in the store, over real HTTP, as a browser and a load balancer's other instance would see them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "aulas.sessions.store=mongo")
@ActiveProfiles("test")
@Import(TestSupportConfiguration.class)
class StoredSessionsTests {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired MongoTemplate mongo;
    @Autowired AccountRegistry registry;
    @Autowired Fixtures fixtures;
    @Autowired SessionCleanUp cleanUp;
    @Autowired StoredSessions sessions;

    /** A browser: its own cookies, no redirects followed. */
    final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String page) throws Exception {
            Matcher m = CSRF.matcher(get(page).body());
            assertThat(m.find()).as("a form token on " + page).isTrue();
            return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        }

        HttpResponse<String> login(String email, String password) throws Exception {
            String token = csrf("/login");
            return post("/login", "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token);
        }

        String session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        void useSession(String value) {
            cookies.getCookieStore().removeAll();
            HttpCookie cookie = new HttpCookie("SESSION", value);
            cookie.setPath("/");
            cookie.setVersion(0);
            cookies.getCookieStore().add(URI.create("http://localhost:" + port), cookie);
        }
    }

    static String id(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    Document stored(String cookie) {
        return mongo.getCollection(StoredSessions.COLLECTION).find(new Document("_id", id(cookie))).first();
    }

    @Test
    void aLoginLivesInTheStoreAndGetsANewSessionIdAndTheOldOneIsNotLoggedIn() throws Exception {
        Browser browser = new Browser();
        browser.get("/login");
        String before = browser.session();
        assertThat(before).isNotNull();

        HttpResponse<String> login = browser.login("tecnico@aulas.demo", DemoAccounts.PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String after = browser.session();
        assertThat(after).isNotEqualTo(before);
        assertThat(stored(after)).isNotNull();
        assertThat(stored(before)).as("the session before the login is gone from the store").isNull();
        assertThat(browser.get("/").body()).contains("Juan Pablo Arias");

        Browser old = new Browser();
        old.useSession(before);
        assertThat(old.get("/").statusCode()).isEqualTo(302);

        // another instance would read the same document: with it gone, nobody knows the session
        mongo.getCollection(StoredSessions.COLLECTION).deleteOne(new Document("_id", id(after)));
        HttpResponse<String> gone = browser.get("/");
        assertThat(gone.statusCode()).isEqualTo(302);
        assertThat(gone.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void pagesThatChangeNothingDoNotRewriteTheSession() throws Exception {
        Browser browser = new Browser();
        browser.login("tecnico@aulas.demo", DemoAccounts.PASSWORD);
        String cookie = browser.session();
        browser.get("/");
        Object accessed = stored(cookie).get("accessed");

        for (int i = 0; i < 3; i++) {
            assertThat(browser.get("/").statusCode()).isEqualTo(200);
        }

        assertThat(stored(cookie).get("accessed")).isEqualTo(accessed);
    }

    @Test
    void aMessageShownAfterARedirectTravelsInTheStoredSession() throws Exception {
        Browser browser = new Browser();
        browser.login("tecnico@aulas.demo", DemoAccounts.PASSWORD);
        String token = browser.csrf("/courses/AGC-2026/questions");

        HttpResponse<String> asked = browser.post("/courses/AGC-2026/questions", "title="
                + URLEncoder.encode("¿Cuándo se entrega?", StandardCharsets.UTF_8) + "&text="
                + URLEncoder.encode("Quería saber la fecha del ejercicio 2.", StandardCharsets.UTF_8) + "&_csrf=" + token);

        assertThat(asked.statusCode()).isEqualTo(302);
        String thread = URI.create(asked.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(browser.get(thread).body()).contains("Tu consulta fue enviada a capacitación.");
        assertThat(browser.get(thread).body()).as("shown once").doesNotContain("Tu consulta fue enviada a capacitación.");
    }

    @Test
    void aValueThatCannotBeStoredIsDroppedInsteadOfFailingTheRequest() {
        MongoSession session = sessions.createSession();
        session.setAttribute("kept", "un texto");
        session.setAttribute("notSerializable", new Object());

        sessions.save(session);

        MongoSession read = sessions.findById(session.getId());
        assertThat((String) read.getAttribute("kept")).isEqualTo("un texto");
        assertThat(read.getAttributeNames()).doesNotContain("notSerializable");
        sessions.deleteById(session.getId());
    }

    @Test
    void logoutRemovesTheSessionFromTheStore() throws Exception {
        Browser browser = new Browser();
        browser.login("capacitadora@aulas.demo", DemoAccounts.PASSWORD);
        String cookie = browser.session();
        String token = browser.csrf("/");

        HttpResponse<String> out = browser.post("/logout", "_csrf=" + token);

        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(stored(cookie)).isNull();
        Browser replay = new Browser();
        replay.useSession(cookie);
        assertThat(replay.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void deactivatingAnAccountEndsItsSessionAtTheNextRequest() throws Exception {
        AccountBuilder person = fixtures.participant().of("MSAL");
        Account account = person.create();
        Browser browser = new Browser();
        browser.login(account.getEmail(), person.password());
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        String cookie = browser.session();

        registry.deactivate(account.getId());

        HttpResponse<String> next = browser.get("/");
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        assertThat(stored(cookie)).isNull();
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void theCleanUpRemovesExpiredSessionsAndKeepsLiveOnes() throws Exception {
        Browser browser = new Browser();
        browser.login("tecnico@aulas.demo", DemoAccounts.PASSWORD);
        String live = browser.session();
        mongo.getCollection(StoredSessions.COLLECTION).insertOne(new Document("_id", "expired-" + System.nanoTime())
                .append("expireAt", Date.from(Instant.now().minusSeconds(60))));

        cleanUp.everyTenMinutes();

        assertThat(mongo.getCollection(StoredSessions.COLLECTION)
                .countDocuments(new Document("expireAt", new Document("$lt", new Date())))).isZero();
        assertThat(stored(live)).isNotNull();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }
}
