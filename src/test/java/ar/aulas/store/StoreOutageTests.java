package ar.aulas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.aulas.support.TestSupportConfiguration;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The store stopped and started again under a running Aulas, and a start that has to wait for it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "aulas.store.selection-timeout=2s")
@ActiveProfiles("test")
@Import(TestSupportConfiguration.class)
class StoreOutageTests {

    static Path dataDir;
    static int storePort;
    static EmbeddedMongo store;

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void storeServer(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("aulas-outage");
        store = EmbeddedMongo.onDisk(dataDir, 0, "aulas");
        storePort = store.port();
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + storePort + "/aulas");
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    HttpResponse<String> get(String path, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "aulas-lang=" + language).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whileTheStoreIsAwayPagesSayItInSpanishWith503AndTheyWorkAgainWhenItIsBack() throws Exception {
        assertThat(get("/verificar/2345678ABC", "es").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health/readiness", "es").statusCode()).isEqualTo(200);

        store.close();

        HttpResponse<String> away = get("/verificar/2345678ABC", "es");
        assertThat(away.statusCode()).isEqualTo(503);
        assertThat(away.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(away.body()).contains("lang=\"es-AR\"", "Aulas no está disponible en este momento",
                "No se perdió nada de lo que ya estaba guardado");
        assertThat(get("/verificar/2345678ABC", "en").body()).contains("Aulas is not available right now");
        assertThat(get("/actuator/health/readiness", "es").statusCode()).as("out of the balancer").isEqualTo(503);
        assertThat(get("/actuator/health/liveness", "es").statusCode()).as("not to be restarted").isEqualTo(200);

        store = EmbeddedMongo.onDisk(dataDir, storePort, "aulas");

        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        int status = 0;
        while (Instant.now().isBefore(until) && (status = get("/verificar/2345678ABC", "es").statusCode()) != 404) {
            Thread.sleep(200);
        }
        assertThat(status).as("served again once the store is back").isEqualTo(404);
        assertThat(get("/actuator/health/readiness", "es").statusCode()).isEqualTo(200);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(300, TimeUnit.MILLISECONDS)).build());
    }

    @Test
    void aStartWaitsForTheStoreAndGivesUpWithAClearMessage() throws Exception {
        int free = freePort();
        try (MongoClient client = client(free)) {
            assertThatThrownBy(() -> StoreAvailability.await(client, Duration.ZERO, Duration.ofMillis(50)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("The store at [127.0.0.1:" + free + "] did not answer for 0 s");
            assertThat(new StoreUnavailableFailureAnalyzer().analyze(new IllegalStateException(
                    new StoreUnavailableException("[127.0.0.1:" + free + "]", Duration.ZERO, null))).getAction())
                    .contains("SPRING_MONGODB_URI", "aulas.store.start-wait");

            Thread late = new Thread(() -> {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
                EmbeddedMongo.onDisk(dataDir.resolve("late"), free, "aulas");
            });
            late.start();
            StoreAvailability.await(client, Duration.ofMinutes(2), Duration.ofMillis(100));
            late.join();
        }
    }
}
