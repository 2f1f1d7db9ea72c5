package ar.aulas.shared.mail;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends plain-text mail through SMTP when {@code spring.mail.host} is set; otherwise keeps it in
 * the outbox collection, which admins read in the UI, so the embedded default works offline.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> smtp, OutboxRepository outbox, Clock clock,
            MailProperties properties) {
        this.smtp = smtp;
        this.outbox = outbox;
        this.clock = clock;
        this.from = properties.from();
    }

    public void send(String to, String subject, String body) {
        send(to, subject, body, Map.of());
    }

    /** A mail with extra headers (for example {@code List-Unsubscribe}); the outbox keeps them too. */
    public void send(String to, String subject, String body, Map<String, String> headers) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            outbox.save(new OutboxMessage(to, subject, body, headers, clock.instant()));
            log.info("Mail kept in the outbox (no SMTP configured): '{}'", subject);
            return;
        }
        if (headers.isEmpty()) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to);
            message.setSubject(subject);
            message.setText(body);
            sender.send(message);
            return;
        }
        sender.send(mime -> {
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            for (Map.Entry<String, String> header : headers.entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
        });
    }

    public boolean usesSmtp() {
        return smtp.getIfAvailable() != null;
    }
}
