package ar.aulas.exercises;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param digest the trainers' daily mail of new submissions ({@code aulas.exercises.digest.enabled}, off by default;
 *     its time is {@code aulas.exercises.digest.cron}, read by the schedule itself)
 */
@ConfigurationProperties("aulas.exercises")
public record ExercisesProperties(Digest digest) {

    public record Digest(boolean enabled, String cron) {
    }

    public ExercisesProperties {
        digest = digest == null ? new Digest(false, null) : digest;
    }
}
