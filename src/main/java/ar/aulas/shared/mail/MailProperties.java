package ar.aulas.shared.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Aulas's own mail settings ({@code aulas.mail.*}; the SMTP server itself is {@code spring.mail.*}).
 *
 * @param from the sender of every mail (default {@code Aulas <no-reply@aulas.local>})
 */
@ConfigurationProperties("aulas.mail")
public record MailProperties(String from) {

    public MailProperties {
        from = from == null || from.isBlank() ? "Aulas <no-reply@aulas.local>" : from;
    }
}
