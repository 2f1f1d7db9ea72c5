package ar.aulas.accounts.web;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/** What an administrator types to create or edit an account. */
public class AccountForm {

    @NotBlank(message = "{account.fullName.required}")
    @Size(max = 120, message = "{form.tooLong}")
    private String fullName;
    private String surname;
    @NotBlank(message = "{account.email.required}")
    @Size(max = 254, message = "{form.tooLong}")
    private String email;
    @Size(max = 12, message = "{account.dni.malformed}")
    private String dni;
    private String institutionId;
    @Size(max = 120, message = "{form.tooLong}")
    private String position;
    @NotEmpty(message = "{account.roles.required}")
    private Set<Role> roles = EnumSet.of(Role.PARTICIPANT);
    private String coordinatedInstitutionId;
    /** Optional initial password; when empty an invitation link is sent instead. */
    private String password;
    private long version;

    static AccountForm of(Account account) {
        AccountForm form = new AccountForm();
        form.fullName = account.getFullName();
        form.surname = account.getSurname();
        form.email = account.getEmail();
        form.dni = account.getDniFormatted();
        form.institutionId = account.getInstitutionId();
        form.position = account.getPosition();
        form.roles = account.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.getRoles());
        form.coordinatedInstitutionId = account.getCoordinatedInstitutionId();
        form.version = account.getVersion() == null ? 0 : account.getVersion();
        return form;
    }

    AccountRegistry.AccountData toData() {
        return new AccountRegistry.AccountData(fullName, email, dni, institutionId, position,
                roles == null ? Set.of() : roles, coordinatedInstitutionId, surname == null ? "" : surname);
    }

    public String getFullName() { return fullName; }
    public String getSurname() { return surname; }
    public void setSurname(String surname) { this.surname = surname; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getDni() { return dni; }
    public void setDni(String dni) { this.dni = dni; }
    public String getInstitutionId() { return institutionId; }
    public void setInstitutionId(String institutionId) { this.institutionId = institutionId; }
    public String getPosition() { return position; }
    public void setPosition(String position) { this.position = position; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles; }
    public String getCoordinatedInstitutionId() { return coordinatedInstitutionId; }
    public void setCoordinatedInstitutionId(String id) { this.coordinatedInstitutionId = id; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
