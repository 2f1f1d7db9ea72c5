package ar.aulas.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailTest {

    @Test
    void anEmailIsComparedInLowerCaseWithoutSurroundingSpaces() {
        assertThat(Email.parse("  Juana.Perez@Salta.GOB.ar ").value()).isEqualTo("juana.perez@salta.gob.ar");
    }

    @Test
    void malformedEmailsAreRecognised() {
        assertThat(Email.isValid("juana@salta")).isFalse();
        assertThat(Email.isValid("juana perez@salta.gob.ar")).isFalse();
        assertThat(Email.isValid("juana@@salta.gob.ar")).isFalse();
        assertThat(Email.isValid("")).isFalse();
        assertThat(Email.isValid("juana@salta.gob.ar")).isTrue();
    }
}
