package ar.aulas.certificates;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
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

    VerificationRateLimit(CertificatesProperties properties) {
        this.perMinute = properties.getVerificationsPerMinute();
    }

    public boolean allow(String ip) {
        return buckets.get(ip, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsume(1);
    }
}
