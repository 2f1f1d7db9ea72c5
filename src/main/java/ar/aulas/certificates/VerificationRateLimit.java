package ar.aulas.certificates;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Per-IP token buckets for the public verification page and API: a burst of the configured size,
 * refilled over a minute. Buckets live in a bounded cache, so a flood of addresses cannot exhaust
 * memory; each instance keeps its own (a limit per instance, enough to stop enumeration).
 */
@Component
public class VerificationRateLimit {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final int perMinute;
    private final TimeMeter time;

    /** Refills follow the application's clock, so a test decides how much time passes, not the machine's speed. */
    VerificationRateLimit(CertificatesProperties properties, Clock clock) {
        this.perMinute = properties.getVerificationsPerMinute();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    public boolean allow(String ip) {
        return buckets.get(ip, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsume(1);
    }
}
