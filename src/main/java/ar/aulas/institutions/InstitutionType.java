package ar.aulas.institutions;

public enum InstitutionType {
    PROVINCIAL_MINISTRY,
    MUNICIPALITY,
    COMMUNE,
    OTHER_PUBLIC_BODY,
    OTHER
}
