package ar.aulas.accounts;

import ar.aulas.shared.Text;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person who can log in. DNI and email are unique; email is kept in lower case. */
@Document("accounts")
public class Account {

    @Id
    private String id;
    private String fullName;
    /** The surname(s) at the end of the full name, when known (an import gives it): lists are sorted by it. */
    private String surname;
    @Indexed(unique = true, sparse = true)
    private String dni;
    @Indexed(unique = true)
    private String email;
    @Indexed
    private String institutionId;
    private String position;
    /** Who holds a role (the first administrator's check at every start, the lists of trainers and coordinators). */
    @Indexed
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    /** For a COORDINATOR: the institution they coordinate, or null for the whole programme. */
    private String coordinatedInstitutionId;
    private boolean active = true;
    private String passwordHash;
    private Instant passwordChangedAt;
    /** Lower-case, accent-free name, DNI and email, for search (the store has no $text). */
    @Indexed
    private String searchText;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Account() {
    }

    public Account(String fullName, Email email, Dni dni, String institutionId, String position, Set<Role> roles) {
        this.createdAt = Instant.now();
        update(fullName, email, dni, institutionId, position, roles, null);
    }

    public void update(String fullName, Email email, Dni dni, String institutionId, String position,
            Set<Role> roles, String coordinatedInstitutionId) {
        this.fullName = fullName.trim();
        this.email = email.value();
        this.dni = dni == null ? null : dni.digits();
        this.institutionId = institutionId;
        this.position = position == null || position.isBlank() ? null : position.trim();
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.coordinatedInstitutionId = this.roles.contains(Role.COORDINATOR) ? coordinatedInstitutionId : null;
        this.searchText = Text.searchable(this.fullName + " " + (this.dni == null ? "" : this.dni) + " " + this.email);
        this.updatedAt = Instant.now();
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
        this.passwordChangedAt = Instant.now();
        this.updatedAt = this.passwordChangedAt;
    }

    public void deactivate() {
        this.active = false;
        this.updatedAt = Instant.now();
    }

    public void activate() {
        this.active = true;
        this.updatedAt = Instant.now();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean coordinatesWholeProgramme() {
        return has(Role.COORDINATOR) && coordinatedInstitutionId == null;
    }

    public String getId() { return id; }
    public String getFullName() { return fullName; }
    public String getSurname() { return surname; }
    /** "Arias, Juan Pablo": what lists are sorted by ({@link PersonOrder}). */
    public String getSortName() { return PersonOrder.sortName(fullName, surname); }

    /** The surname as it ends the full name; anything else (blank, or not the end of the name) is forgotten. */
    public void surname(String surname) {
        String s = surname == null ? "" : surname.strip();
        this.surname = !s.isEmpty() && fullName.length() > s.length()
                && fullName.toLowerCase(Locale.ROOT).endsWith(" " + s.toLowerCase(Locale.ROOT)) ? s : null;
    }
    public String getDni() { return dni; }
    public String getDniFormatted() { return Dni.format(dni); }
    public String getEmail() { return email; }
    public String getInstitutionId() { return institutionId; }
    public String getPosition() { return position; }
    public Set<Role> getRoles() { return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles); }
    public String getCoordinatedInstitutionId() { return coordinatedInstitutionId; }
    public boolean isActive() { return active; }
    public String getPasswordHash() { return passwordHash; }
    public Instant getPasswordChangedAt() { return passwordChangedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Long getVersion() { return version; }
}
