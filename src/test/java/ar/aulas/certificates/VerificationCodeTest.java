package ar.aulas.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerificationCodeTest {

    @Test
    void randomCodesHaveTenCharactersWithoutLookAlikesAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            VerificationCode code = VerificationCode.random();
            assertThat(code.value()).hasSize(10).doesNotContain("0", "O", "1", "I", "L");
            seen.add(code.value());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void aTypedCodeIsReadInAnyCaseWithOrWithoutDashesAndSpaces() {
        assertThat(VerificationCode.parse(" 7kq4-m9xp 2d ")).map(VerificationCode::formatted).contains("7KQ4-M9XP-2D");
        assertThat(VerificationCode.parse("7KQ4M9XP2D")).isPresent();
    }

    @Test
    void malformedCodesAreRefused() {
        assertThat(VerificationCode.parse("7KQ4-M9XP")).isEmpty();
        assertThat(VerificationCode.parse("7KQ4-M9XP-2O")).as("O is not in the alphabet").isEmpty();
        assertThat(VerificationCode.parse("<script>alert")).isEmpty();
        assertThat(VerificationCode.parse(null)).isEmpty();
    }

    @Test
    void theDniIsMaskedButItsLastThreeDigits() {
        assertThat(CertificateVerification.mask("28.456.789")).isEqualTo("**.***.789");
        assertThat(CertificateVerification.mask("7.123.456")).isEqualTo("*.***.456");
        assertThat(CertificateVerification.mask(null)).isEmpty();
    }
}
