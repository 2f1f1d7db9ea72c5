package ar.aulas.institutions;

import java.util.List;

/** The institutions of the Área Metropolitana de Salta that the programme starts with. */
final class ProgrammeInstitutions {

    record Seed(String code, String name, InstitutionType type, String locality) {
    }

    static final List<Seed> ALL = List.of(
            new Seed("MSAL", "Municipalidad de Salta", InstitutionType.MUNICIPALITY, "Salta"),
            new Seed("MSLO", "Municipalidad de San Lorenzo", InstitutionType.MUNICIPALITY, "San Lorenzo"),
            new Seed("MCER", "Municipalidad de Cerrillos", InstitutionType.MUNICIPALITY, "Cerrillos"),
            new Seed("MLME", "Municipalidad de La Merced", InstitutionType.MUNICIPALITY, "La Merced"),
            new Seed("MVAQ", "Municipalidad de Vaqueros", InstitutionType.MUNICIPALITY, "Vaqueros"),
            new Seed("MLCA", "Municipalidad de La Caldera", InstitutionType.MUNICIPALITY, "La Caldera"),
            new Seed("MCQU", "Municipalidad de Campo Quijano", InstitutionType.MUNICIPALITY, "Campo Quijano"),
            new Seed("MRLE", "Municipalidad de Rosario de Lerma", InstitutionType.MUNICIPALITY, "Rosario de Lerma"),
            new Seed("MEISP", "Ministerio de Economía, Infraestructura y Servicios Públicos",
                    InstitutionType.PROVINCIAL_MINISTRY, "Salta"),
            new Seed("SSFIN", "Subsecretaría de Financiamiento", InstitutionType.PROVINCIAL_MINISTRY, "Salta"),
            new Seed("SAMUN", "Secretaría de Asuntos Municipales", InstitutionType.PROVINCIAL_MINISTRY, "Salta"),
            new Seed("MEM", "Mesa Ejecutiva Metropolitana", InstitutionType.OTHER_PUBLIC_BODY, "Salta"));

    private ProgrammeInstitutions() {
    }
}
