package ar.aulas.institutions;

/** Implemented by the accounts feature, so institutions can ask without depending on it. */
public interface InstitutionMembers {

    long activeParticipants(String institutionId);
}
