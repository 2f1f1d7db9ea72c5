package ar.aulas.accounts.web;

/** Changing one's own password, or choosing one from a link. */
public class PasswordForm {

    private String currentPassword;
    private String password;
    private String confirmation;
    private String token;

    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }

    boolean confirmed() {
        return password != null && password.equals(confirmation);
    }
}
