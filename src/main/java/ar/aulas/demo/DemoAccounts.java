package ar.aulas.demo;

import ar.aulas.accounts.Role;
import java.util.List;
import java.util.Set;

/** The demo accounts listed in the README; all share {@link #PASSWORD}. */
public final class DemoAccounts {

    public static final String PASSWORD = "demo-aulas-2026";
    /** The real course, in courses/aulas-gestion-ciudades-2026, which the demo participants follow. */
    public static final String COURSE = "AGC-2026";

    public record Demo(String email, String fullName, String dni, String institutionCode, String position,
            Set<Role> roles, String coordinatedInstitutionCode) {
    }

    public static final List<Demo> ALL = List.of(
            new Demo("admin@aulas.demo", "Administración Aulas", null, "MEM", "Administración de la plataforma",
                    Set.of(Role.ADMIN), null),
            new Demo("coordinacion@aulas.demo", "Mariana Quiroga", null, "MEM", "Coordinación del programa",
                    Set.of(Role.COORDINATOR), null),
            new Demo("coordinacion.sanlorenzo@aulas.demo", "Esteban Guaymás", null, "MSLO", "Coordinación institucional",
                    Set.of(Role.COORDINATOR), "MSLO"),
            new Demo("capacitadora@aulas.demo", "Lucía Fernández Cornejo", null, "MEM", "Capacitadora",
                    Set.of(Role.TRAINER), null),
            new Demo("tecnico@aulas.demo", "Juan Pablo Arias", "28456789", "MSAL", "Dirección de Planeamiento Urbano",
                    Set.of(Role.PARTICIPANT), null),
            new Demo("tecnica.sanlorenzo@aulas.demo", "María José Ñáñez", "31234567", "MSLO", "Secretaría de Obras Públicas",
                    Set.of(Role.PARTICIPANT), null));

    private DemoAccounts() {
    }
}
