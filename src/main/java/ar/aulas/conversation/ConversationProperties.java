package ar.aulas.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The conversation's settings ({@code aulas.conversation.*}).
 *
 * @param postsPerWindow most posts a person writes in {@code window} (default 20)
 * @param window the posting limit's window (default 10 minutes)
 * @param digestCron when the daily digest is sent, Salta time (default 07:00, {@code 0 0 7 * * *})
 */
@ConfigurationProperties("aulas.conversation")
public record ConversationProperties(Integer postsPerWindow, Duration window, String digestCron) {

    public ConversationProperties {
        postsPerWindow = postsPerWindow == null ? 20 : postsPerWindow;
        window = window == null ? Duration.ofMinutes(10) : window;
        digestCron = digestCron == null ? "0 0 7 * * *" : digestCron;
    }
}
