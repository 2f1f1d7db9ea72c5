package ar.aulas.accounts;

import ar.aulas.shared.jobs.JobLeases;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes expired sessions from the store every ten minutes, on one instance. */
@Component
class SessionCleanUp {

    private static final Logger log = LoggerFactory.getLogger(SessionCleanUp.class);

    private final ObjectProvider<StoredSessions> sessions;
    private final JobLeases leases;
    private final Clock clock;

    SessionCleanUp(ObjectProvider<StoredSessions> sessions, JobLeases leases, Clock clock) {
        this.sessions = sessions;
        this.leases = leases;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void everyTenMinutes() {
        sessions.ifAvailable(stored -> leases.runExclusively("session-clean-up", Duration.ofMinutes(5), () -> {
            long removed = stored.removeExpired(clock.instant());
            if (removed > 0) {
                log.info("Removed {} expired sessions", removed);
            }
        }));
    }
}
