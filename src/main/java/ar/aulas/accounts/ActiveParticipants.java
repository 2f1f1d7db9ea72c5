package ar.aulas.accounts;

import ar.aulas.institutions.InstitutionMembers;
import org.springframework.stereotype.Component;

/** Answers the institutions feature's question without it depending on accounts. */
@Component
class ActiveParticipants implements InstitutionMembers {

    private final AccountRepository accounts;

    ActiveParticipants(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public long activeParticipants(String institutionId) {
        return accounts.countByInstitutionIdAndActiveTrueAndRolesContaining(institutionId, Role.PARTICIPANT);
    }
}
