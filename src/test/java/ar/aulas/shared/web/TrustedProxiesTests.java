package ar.aulas.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.support.TestClock;
import ar.aulas.support.TestSupportConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over real TCP, so Tomcat's own handling of forwarded headers is what is tested: 127.0.0.2 plays
 * the one trusted proxy, and 127.0.0.1 an attacker on the machine sending the header itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"aulas.web.trusted-proxies=127.0.0.2", "server.forward-headers-strategy=native"})
@ActiveProfiles("test")
@Import(TestSupportConfiguration.class)
class TrustedProxiesTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;

    @BeforeEach
    void stopTime() {
        clock.stop();
    }

    @AfterEach
    void resumeTime() {
        clock.resume();
    }

    int get(String from, String forwardedFor) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/certificados/2345678ABC HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void aClientThatSendsItsOwnForwardedHeaderIsCountedByItsRealAddress() throws Exception {
        for (int i = 0; i < 30; i++) {
            assertThat(get("127.0.0.1", "198.51.100." + i)).isEqualTo(404);
        }
        assertThat(get("127.0.0.1", "198.51.100.200")).as("40 spoofed addresses are one client").isEqualTo(429);
    }

    @Test
    void behindTheTrustedProxyEachClientIsCountedByTheAddressTheProxySaw() throws Exception {
        for (int i = 0; i < 30; i++) {
            // the client wrote the first address itself; the proxy appended the one it saw
            assertThat(get("127.0.0.2", "10.0.0." + i + ", 203.0.113.7")).isEqualTo(404);
        }
        assertThat(get("127.0.0.2", "10.0.0.99, 203.0.113.7")).isEqualTo(429);
        assertThat(get("127.0.0.2", "203.0.113.8")).as("another client behind the proxy").isEqualTo(404);
    }
}
