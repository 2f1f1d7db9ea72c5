package ar.aulas.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckInCodesTest {

    final CheckInCodes codes = new CheckInCodes("a fixed test secret".getBytes(StandardCharsets.UTF_8));
    final Instant now = Instant.parse("2026-11-19T12:00:10Z");

    @Test
    void aCodeIsValidInItsStepAndThePreviousOneOnly() {
        long step = CheckInCodes.step(now);
        String current = codes.code("C/1/1", step);
        String previous = codes.code("C/1/1", step - 1);
        String older = codes.code("C/1/1", step - 2);
        assertThat(current).hasSize(6).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]+");
        assertThat(codes.valid("C/1/1", current, now)).isTrue();
        assertThat(codes.valid("C/1/1", previous, now)).isTrue();
        assertThat(codes.valid("C/1/1", older, now)).isFalse();
        assertThat(codes.valid("C/1/1", codes.code("C/1/1", step + 1), now)).isFalse();
    }

    @Test
    void aCodeOfAnotherSessionIsInvalid() {
        String other = codes.code("C/2/1", CheckInCodes.step(now));
        assertThat(codes.valid("C/1/1", other, now)).isFalse();
    }

    @Test
    void caseSpacesAndHyphensDoNotMatter() {
        String current = codes.code("C/1/1", CheckInCodes.step(now));
        String typed = " " + current.substring(0, 3).toLowerCase() + "-" + current.substring(3) + " ";
        assertThat(codes.valid("C/1/1", typed, now)).isTrue();
        assertThat(codes.valid("C/1/1", null, now)).isFalse();
    }

    @Test
    void theCodeChangesEveryThirtySeconds() {
        assertThat(CheckInCodes.step(now.plusSeconds(30))).isEqualTo(CheckInCodes.step(now) + 1);
    }
}
