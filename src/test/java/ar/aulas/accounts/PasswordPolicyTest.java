package ar.aulas.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aLongPhraseWithoutSymbolsOrDigitsIsAccepted() {
        assertThat(policy.check("el cerro san bernardo", "28456789", "juan@salta.gob.ar")).isEmpty();
    }

    @Test
    void nineCharactersAreTooShort() {
        assertThat(policy.check("abcdefghi", null, null)).contains("password.tooShort");
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() {
        assertThat(policy.check("QWERTYUIOP", null, null)).contains("password.common");
        assertThat(policy.check("1234567890", null, null)).contains("password.common");
        assertThat(policy.check("contraseña123", null, null)).contains("password.common");
    }

    @Test
    void thePersonsOwnDniIsRefusedEvenWithDots() {
        assertThat(policy.check("2845678900", "2845678900", null)).contains("password.equalsDni");
        assertThat(policy.check("28.456.789.0", "284567890", null)).contains("password.equalsDni");
    }

    @Test
    void thePersonsOwnEmailIsRefused() {
        assertThat(policy.check("Juana.Perez@salta.gob.ar", null, "juana.perez@salta.gob.ar"))
                .contains("password.equalsEmail");
    }
}
