package ar.aulas.shared.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Web settings ({@code aulas.web.*}).
 *
 * @param trustedProxies addresses of the reverse proxies allowed to set {@code X-Forwarded-For} and
 *        {@code X-Forwarded-Proto} (exact addresses; none by default)
 */
@ConfigurationProperties("aulas.web")
public record WebProperties(List<String> trustedProxies) {

    public WebProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
    }
}
