package ar.aulas.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DniTest {

    @Test
    void aDniTypedWithDotsIsStoredAsDigitsAndShownWithDots() {
        Dni dni = Dni.parse("12.345.678");
        assertThat(dni.digits()).isEqualTo("12345678");
        assertThat(dni.formatted()).isEqualTo("12.345.678");
    }

    @Test
    void aSevenDigitDniIsShownWithItsDots() {
        assertThat(Dni.parse("1234567").formatted()).isEqualTo("1.234.567");
    }

    @Test
    void aDniWithLettersOrTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> Dni.parse("12A45678")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dni.parse("123456")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dni.parse("123456789")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dni.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyDigitsAndDotsLookLikeADniAtLogin() {
        assertThat(Dni.looksLikeDni("28.456.789")).isTrue();
        assertThat(Dni.looksLikeDni("tecnico@aulas.demo")).isFalse();
        assertThat(Dni.looksLikeDni("12345")).isFalse();
    }
}
