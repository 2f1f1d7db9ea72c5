package ar.aulas.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class PublicUrlsTest {

    @Test
    void onARealMongoDbTheAppRefusesToStartWithoutItsPublicAddressNamingTheProperty() {
        var env = new MockEnvironment().withProperty("spring.mongodb.uri", "mongodb://db1:27017/aulas");
        assertThatThrownBy(() -> new PublicUrls(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aulas.web.public-base-url").hasMessageContaining("AULAS_PUBLIC_BASE_URL");
        assertThat(new PublicUrls(env.withProperty("aulas.web.public-base-url", "https://aulas.salta.gob.ar/")).base())
                .as("one reader, trailing slash trimmed").isEqualTo("https://aulas.salta.gob.ar");
        assertThat(new PublicUrls(new MockEnvironment().withProperty("spring.mongodb.uri", "mongodb://db1/aulas")
                .withProperty("aulas.accounts.public-base-url", "https://viejo.example//")).base())
                .isEqualTo("https://viejo.example");
    }

    @Test
    void onTheEmbeddedDemoLinksFollowALoggedInPersonsHostAndBackgroundWorkTheLastOne() throws Exception {
        PublicUrls urls = new PublicUrls(new MockEnvironment().withProperty("server.port", "8080"));
        assertThat(urls.base()).isEqualTo("http://localhost:8080");
        MockHttpServletRequest forged = new MockHttpServletRequest("POST", "/password/reset");
        forged.setServerName("aulas.evil.example");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(forged));
        try {
            urls.doFilter(forged, new MockHttpServletResponse(), (q, r) -> { });
            assertThat(urls.base()).as("an anonymous request never chooses where links point").isEqualTo("http://localhost:8080");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        MockHttpServletRequest phone = new MockHttpServletRequest("GET", "/courses");
        phone.setServerName("192.168.0.14");
        phone.setServerPort(8080);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ana", null,
                List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR"))));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(phone));
        try {
            assertThat(urls.base()).isEqualTo("http://192.168.0.14:8080");
            urls.doFilter(phone, new MockHttpServletResponse(), (q, r) -> { });
        } finally {
            RequestContextHolder.resetRequestAttributes();
            SecurityContextHolder.clearContext();
        }
        assertThat(urls.base()).as("outside a request: the last logged-in host seen").isEqualTo("http://192.168.0.14:8080");
    }
}
