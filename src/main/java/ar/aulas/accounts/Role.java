package ar.aulas.accounts;

/** What a person does in the programme. A person may hold several roles. */
public enum Role {
    PARTICIPANT,
    TRAINER,
    COORDINATOR,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
