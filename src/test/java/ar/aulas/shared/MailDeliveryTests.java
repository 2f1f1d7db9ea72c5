package ar.aulas.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.shared.mail.Mailer;
import ar.aulas.shared.mail.OutboxRepository;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** With spring.mail.host set, mail goes out through SMTP (a real GreenMail server) and not to the outbox. */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "aulas.store.database=mail-${random.uuid}", "spring.mongodb.database=mail-${random.uuid}"})
@ActiveProfiles("test")
class MailDeliveryTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    Mailer mailer;
    @Autowired
    OutboxRepository outbox;

    @Test
    void mailIsSentThroughSmtpWhenAHostIsConfigured() throws Exception {
        long kept = outbox.count();
        mailer.send("rosa@cerrillos.gob.ar", "Aulas: bienvenida", "Hola, Rosa: ¿cómo estás? Ñandú.");

        assertThat(mailer.usesSmtp()).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Aulas: bienvenida");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("rosa@cerrillos.gob.ar");
        assertThat(GreenMailUtil.getBody(received[0])).contains("Hola, Rosa");
        assertThat(outbox.count()).isEqualTo(kept);
    }
}
