package ar.aulas.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonOrderTest {

    @Test
    void aKnownSurnameLeadsAndOtherwiseTheLastWordDoes() {
        assertThat(PersonOrder.sortName("Juan Pablo Arias", null)).isEqualTo("Arias, Juan Pablo");
        assertThat(PersonOrder.sortName("María José García Pérez", "García Pérez")).isEqualTo("García Pérez, María José");
        assertThat(PersonOrder.sortName("María José García Pérez", "Otro")).as("not the end of the name: ignored")
                .isEqualTo("Pérez, María José García");
        assertThat(PersonOrder.sortName("Cher", null)).isEqualTo("Cher");
    }

    @Test
    void surnamesFollowSpanishCollation() {
        List<String> names = new ArrayList<>(List.of("Zapata, Ana", "Ñandú, Luis", "Núñez, Eva", "Álvarez, Juan",
                "Alvarez, Inés", "Ibáñez, Rosa", "Izquierdo, Tomás", "Nava, Olga", "Oliva, Rita"));
        names.sort(PersonOrder.TEXT);
        assertThat(names).containsExactly("Alvarez, Inés", "Álvarez, Juan", "Ibáñez, Rosa", "Izquierdo, Tomás",
                "Nava, Olga", "Núñez, Eva", "Ñandú, Luis", "Oliva, Rita", "Zapata, Ana");
    }
}
