package ar.aulas.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in person, kept in the session. Holds ids, never the DNI. */
public final class AulasUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String fullName;
    private final String email;
    private final String institutionId;
    private final Set<Role> roles;
    private final String coordinatedInstitutionId;
    private final boolean active;
    private final Instant passwordChangedAt;
    private String passwordHash;

    AulasUser(Account account) {
        this.id = account.getId();
        this.fullName = account.getFullName();
        this.email = account.getEmail();
        this.institutionId = account.getInstitutionId();
        this.roles = account.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.getRoles());
        this.coordinatedInstitutionId = account.getCoordinatedInstitutionId();
        this.active = account.isActive();
        this.passwordChangedAt = account.getPasswordChangedAt();
        this.passwordHash = account.getPasswordHash();
    }

    public String id() { return id; }
    public String fullName() { return fullName; }
    public String email() { return email; }
    public String institutionId() { return institutionId; }
    public Set<Role> roles() { return Set.copyOf(roles); }
    public boolean has(Role role) { return roles.contains(role); }
    public boolean isParticipant() { return has(Role.PARTICIPANT); }
    public boolean isTrainer() { return has(Role.TRAINER); }
    public boolean isCoordinator() { return has(Role.COORDINATOR); }
    public boolean isAdmin() { return has(Role.ADMIN); }
    public String coordinatedInstitutionId() { return coordinatedInstitutionId; }
    Instant passwordChangedAt() { return passwordChangedAt; }

    /** Whether the account still gives what this session copy holds: roles, scope, institution, name, email. */
    boolean sameAuthorityAs(Account account) {
        return roles.equals(account.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.getRoles()))
                && Objects.equals(coordinatedInstitutionId, account.getCoordinatedInstitutionId())
                && Objects.equals(institutionId, account.getInstitutionId())
                && Objects.equals(fullName, account.getFullName())
                && Objects.equals(email, account.getEmail());
    }

    /** A programme coordinator or an admin sees every institution. */
    public boolean seesAllInstitutions() {
        return has(Role.ADMIN) || (has(Role.COORDINATOR) && coordinatedInstitutionId == null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() { return passwordHash; }

    @Override
    public String getUsername() { return email; }

    @Override
    public boolean isEnabled() { return active && passwordHash != null; }

    @Override
    public void eraseCredentials() { passwordHash = null; }

    public List<Role> sortedRoles() {
        return roles.stream().sorted().toList();
    }
}
