package ar.aulas.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    @Test
    void sortingWithCollationKeysGivesTheComparatorsOrder() {
        List<Account> people = new ArrayList<>();
        String[] names = {"Ana Zapata", "Luis Ñandú", "Eva Núñez", "Juan Álvarez", "Inés Alvarez", "Rosa Ibáñez",
            "Tomás Izquierdo", "Olga Nava", "Rita Oliva", "inés alvarez", "Ana Zapata"};
        for (int i = 0; i < names.length; i++) {
            people.add(new Account(names[i], Email.parse("persona" + i + "@aulas.test"), null, null, null,
                    Set.of(Role.PARTICIPANT)));
        }
        List<Account> expected = new ArrayList<>(people);
        expected.sort(PersonOrder.ACCOUNTS);
        assertThat(PersonOrder.sorted(people)).containsExactlyElementsOf(expected);
        assertThat(PersonOrder.sorted(people)).extracting(Account::getFullName).startsWith("inés alvarez", "Inés Alvarez",
                "Juan Álvarez").endsWith("Ana Zapata", "Ana Zapata");
    }
}
