package ar.aulas.shared.web;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Which reverse proxies may tell the client's address ({@code X-Forwarded-For}) and scheme
 * ({@code X-Forwarded-Proto}): only the addresses listed in {@code aulas.web.trusted-proxies}, none
 * by default. The address used for rate limits and login throttling is then the first hop, from the
 * right, that is not one of them. Tomcat alone would trust every private and loopback address.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);

    private final WebProperties properties;

    TrustedProxies(WebProperties properties) {
        this.properties = properties;
    }

    /** After Boot's own customizer, which may have added a valve trusting the private ranges. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        List<RemoteIpValve> valves = factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast).toList();
        List<String> proxies = properties.trustedProxies();
        if (proxies.isEmpty()) {
            valves.forEach(valve -> {
                valve.setInternalProxies("");
                valve.setTrustedProxies("");
            });
            if (!valves.isEmpty()) {
                log.warn("Forwarded headers are ignored: no proxy is trusted until aulas.web.trusted-proxies lists them");
            }
            return;
        }
        RemoteIpValve valve = valves.isEmpty() ? new RemoteIpValve() : valves.get(0);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setInternalProxies(pattern(proxies));
        valve.setTrustedProxies("");
        if (valves.isEmpty()) {
            factory.addEngineValves(valve);
        }
        log.info("Forwarded headers are taken from these proxies only: {}", proxies);
    }

    static String pattern(List<String> addresses) {
        return addresses.stream().map(String::trim).filter(a -> !a.isEmpty()).map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }
}
