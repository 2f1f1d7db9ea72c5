package ar.aulas.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZipNamesTest {

    @Test
    void hostileNamesCannotClimbOutOfTheirFolderOrHide() {
        assertThat(ZipNames.segment("..")).isEqualTo("_");
        assertThat(ZipNames.segment("../../intento-1")).doesNotContain("/", "..").doesNotStartWith(".");
        assertThat(ZipNames.segment(".oculto")).isEqualTo("_oculto");
        assertThat(ZipNames.segment("a\\b/c:d\u0000e")).isEqualTo("a_b_c_d_e");
        assertThat(ZipNames.segment("   ")).isEqualTo("_");
        assertThat(ZipNames.segment(null)).isEqualTo("_");
        assertThat(ZipNames.segment("x".repeat(300))).hasSize(120);
    }

    @Test
    void ordinaryNamesStayReadable() {
        assertThat(ZipNames.segment("Municipalidad de San Lorenzo")).isEqualTo("Municipalidad de San Lorenzo");
        assertThat(ZipNames.segment("Núñez, María José")).isEqualTo("Núñez_ María José");
        assertThat(ZipNames.segment("informe-final_v2.pdf")).isEqualTo("informe-final_v2.pdf");
    }
}
