package ar.aulas.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Sessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Requests no page of Aulas sends get a clear 4xx page in the person's language, over real HTTP where Tomcat answers. */
@AulasIntegrationTest
class ClientErrorsTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;

    String raw(String requestHead) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pathsTomcatRefusesGetAulasOwnPageInSpanishOrInEnglishWhenChosen() throws Exception {
        for (String path : new String[] {"/courses/AGC-2026%2fmodules", "/courses/x[$ne]=1", "/login?param[$ne]=1"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 400").contains("<html lang=\"es-AR\">", "<title>No pudimos entender el pedido",
                    "Volver al inicio").doesNotContain("Apache Tomcat", "Bad Request", "$ne");
        }
        assertThat(raw("GET /courses/AGC-2026%2fmodules HTTP/1.1\r\nHost: localhost\r\nCookie: aulas-lang=en\r\n"
                + "Connection: close\r\n\r\n")).contains("<html lang=\"en\">", "We could not understand the request");
    }

    @Test
    void aFileNameWithANulByteGetsTheBadRequestPageAndNothingElse() throws Exception {
        String body = "--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\0b.csv\"\r\nContent-Type: text/csv"
                + "\r\n\r\napellido\r\n--X--\r\n";
        String answer = raw("POST /imports/participants HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Content-Type: multipart/form-data; boundary=X\r\nContent-Length: " + body.getBytes(StandardCharsets.ISO_8859_1).length
                + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(answer).startsWith("HTTP/1.1 400").contains("No pudimos entender el pedido");
    }

    @Test
    void anUploadOverTheServersLimitGoesBackToItsFormSayingNothingWasSaved() throws Exception {
        String base = "http://127.0.0.1:" + port;
        HttpClient http = loggedIn("coordinacion%40aulas.demo");
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/imports/participants")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long size = 110L * 1024 * 1024;
        byte[] head = ("--X\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfOf(form) + "\r\n--X\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"grande.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--X--\r\n".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/imports/participants"))
                .header("Content-Type", "multipart/form-data; boundary=X").header("Accept", "text/html")
                .header("Referer", base + "/imports/participants")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new Filler(head, size, tail)), head.length + size + tail.length)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/imports/participants");
        String back = http.send(HttpRequest.newBuilder(URI.create(base + "/imports/participants")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(back).contains("El archivo es demasiado grande para subirlo: no se guardó nada.");
    }

    @Test
    void anIndexNoFormSendsAMalformedIdAndAnUnknownPreviewGetClearPages() throws Exception {
        var trainer = Sessions.demo(mvc, "capacitadora@aulas.demo");
        assertThat(mvc.perform(post("/courses/AGC-2026/grading/" + "0".repeat(24)).param("levels[300]", "0").param("version", "0")
                .session(trainer).with(csrf()).accept(MediaType.TEXT_HTML)).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString()).contains("No pudimos entender el pedido");
        var coordinator = Sessions.demo(mvc, "coordinacion@aulas.demo");
        assertThat(mvc.perform(get("/imports/participants/" + "f".repeat(32)).session(coordinator))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString())
                .contains("La revisión venció o no es tuya");
    }

    @Test
    void aMalformedModuleNumberGetsTheBadRequestPageInSpanish() throws Exception {
        HttpResponse<String> answer = loggedIn("tecnico%40aulas.demo").send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/courses/AGC-2026/modules/abc")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("<title>No pudimos entender el pedido").doesNotContain("Whitelabel");
    }

    @Test
    void theInfoEndpointSpellsTheProgrammesNameRight() throws Exception {
        HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/info")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(info.body()).contains("Aulas de Gestión de Ciudades").doesNotContain("Ã");
    }

    HttpClient loggedIn(String encodedEmail) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encodedEmail + "&password=demo-aulas-2026&_csrf="
                        + csrfOf(login))).build(), HttpResponse.BodyHandlers.discarding());
        return http;
    }

    static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The head, then {@code size} letters, then the tail, without holding them in memory. */
    static final class Filler extends InputStream {
        private final byte[] head;
        private final byte[] tail;
        private final long size;
        private long position;

        Filler(byte[] head, long size, byte[] tail) {
            this.head = head;
            this.size = size;
            this.tail = tail;
        }

        @Override
        public int read() {
            long total = head.length + size + tail.length;
            if (position >= total) {
                return -1;
            }
            long p = position++;
            if (p < head.length) {
                return head[(int) p];
            }
            if (p < head.length + size) {
                return 'a';
            }
            return tail[(int) (p - head.length - size)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }
}
