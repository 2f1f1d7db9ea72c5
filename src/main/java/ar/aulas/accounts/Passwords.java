package ar.aulas.accounts;

import ar.aulas.shared.mail.Mailer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ar.aulas.shared.web.PublicUrls;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Everything about setting a password: changing one's own, one-time reset links, invitations and
 * the first administrator. Passwords are only ever stored hashed; links only as their SHA-256.
 */
@Service
public class Passwords {

    private static final Logger log = LoggerFactory.getLogger(Passwords.class);

    private final AccountRepository accounts;
    private final AccountRegistry registry;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final OneTimeLinks links;
    private final Mailer mailer;
    private final MessageSource messages;
    private final AccountsProperties properties;

    private final PublicUrls urls;

    Passwords(AccountRepository accounts, AccountRegistry registry, PasswordEncoder encoder, PasswordPolicy policy,
            OneTimeLinks links, Mailer mailer, MessageSource messages, AccountsProperties properties, PublicUrls urls) {
        this.urls = urls;
        this.accounts = accounts;
        this.registry = registry;
        this.encoder = encoder;
        this.policy = policy;
        this.links = links;
        this.mailer = mailer;
        this.properties = properties;
        this.messages = messages;
    }

    public void changeOwn(String accountId, String current, String replacement) {
        Account account = accounts.findById(accountId).orElseThrow(AccountRegistry.AccountNotFound::new);
        if (account.getPasswordHash() == null || current == null || !encoder.matches(current, account.getPasswordHash())) {
            throw new AccountException("currentPassword", "password.current.wrong");
        }
        setPassword(account, replacement, "password");
    }

    /** Throws with the broken rule, for a password typed with the account's DNI and email. */
    public void checkPolicy(String password, String dni, String email) {
        String digits = dni == null ? null : dni.replaceAll("[.\\s]", "");
        policy.check(password, digits, email).ifPresent(key -> {
            throw new AccountException("password", key);
        });
    }

    /** Sets a password chosen by an administrator or a seed; the policy still applies. */
    public void set(String accountId, String password) {
        Account account = accounts.findById(accountId).orElseThrow(AccountRegistry.AccountNotFound::new);
        setPassword(account, password, "password");
    }

    /** Creates a reset link valid for 48 h, mails it to the person and returns it for the admin to hand over. */
    public String sendResetLink(String accountId, Locale locale) {
        Account account = accounts.findById(accountId).orElseThrow(AccountRegistry.AccountNotFound::new);
        String token = links.issue(OneTimeLink.Purpose.PASSWORD_RESET, account.getId(), properties.resetLinkValidity());
        String url = urls.base() + "/password/reset?token=" + token;
        mailer.send(account.getEmail(), messages.getMessage("mail.reset.subject", null, locale),
                messages.getMessage("mail.reset.body", new Object[] {account.getFullName(), url,
                        properties.resetLinkValidity().toHours()}, locale));
        return url;
    }

    /** Creates an invitation link (7 days) for a new account and mails it. */
    public String sendInvitation(String accountId, Locale locale) {
        Account account = accounts.findById(accountId).orElseThrow(AccountRegistry.AccountNotFound::new);
        String token = links.issue(OneTimeLink.Purpose.INVITATION, account.getId(), properties.invitationValidity());
        String url = urls.base() + "/password/reset?token=" + token;
        mailer.send(account.getEmail(), messages.getMessage("mail.invitation.subject", null, locale),
                messages.getMessage("mail.invitation.body", new Object[] {account.getFullName(), url,
                        properties.invitationValidity().toDays()}, locale));
        return url;
    }

    /** The account a reset or invitation link belongs to, if the link can still be used. */
    public Optional<Account> accountForLink(String token) {
        return links.peek(token, OneTimeLink.Purpose.PASSWORD_RESET)
                .or(() -> links.peek(token, OneTimeLink.Purpose.INVITATION))
                .flatMap(link -> accounts.findById(link.accountId));
    }

    /** Checks the policy first, then redeems the link (single use), then stores the new hash. */
    public void resetWithLink(String token, String password) {
        Account account = accountForLink(token).orElseThrow(() -> new AccountException(null, "password.link.invalid"));
        policy.check(password, account.getDni(), account.getEmail()).ifPresent(key -> {
            throw new AccountException("password", key);
        });
        Optional<OneTimeLink> redeemed = links.redeem(token, OneTimeLink.Purpose.PASSWORD_RESET)
                .or(() -> links.redeem(token, OneTimeLink.Purpose.INVITATION));
        if (redeemed.isEmpty()) {
            throw new AccountException(null, "password.link.invalid");
        }
        setPassword(account, password, "password");
    }

    /** First administrator on an empty store: from configuration, or a one-time setup link in the log. */
    public Optional<String> ensureAdministrator(String email, String password) {
        if (accounts.existsByRolesContaining(Role.ADMIN)) {
            return Optional.empty();
        }
        if (email != null && !email.isBlank() && password != null && !password.isBlank()) {
            Account admin = registry.create(new AccountRegistry.AccountData(
                    "Administración", email, null, null, null, Set.of(Role.ADMIN), null));
            set(admin.getId(), password);
            log.info("Created the first administrator {}", admin.getEmail());
            return Optional.empty();
        }
        String token = links.issue(OneTimeLink.Purpose.SETUP, null, properties.resetLinkValidity());
        String url = urls.base() + "/setup?token=" + token;
        log.warn("No administrator exists. Create one within {} hours at: {}", properties.resetLinkValidity().toHours(), url);
        return Optional.of(url);
    }

    public boolean setupLinkUsable(String token) {
        return !accounts.existsByRolesContaining(Role.ADMIN) && links.peek(token, OneTimeLink.Purpose.SETUP).isPresent();
    }

    /** Creates the first administrator through the setup link; the link works once. */
    public Account setUpAdministrator(String token, String fullName, String email, String password) {
        if (!setupLinkUsable(token)) {
            throw new AccountException(null, "password.link.invalid");
        }
        policy.check(password, null, email).ifPresent(key -> {
            throw new AccountException("password", key);
        });
        var data = new AccountRegistry.AccountData(fullName, email, null, null, null, Set.of(Role.ADMIN), null);
        Account admin = registry.create(data);
        if (links.redeem(token, OneTimeLink.Purpose.SETUP).isEmpty()) {
            accounts.delete(admin);
            throw new AccountException(null, "password.link.invalid");
        }
        set(admin.getId(), password);
        return admin;
    }

    private void setPassword(Account account, String password, String field) {
        policy.check(password, account.getDni(), account.getEmail()).ifPresent(key -> {
            throw new AccountException(field, key);
        });
        account.changePasswordHash(encoder.encode(password));
        accounts.save(account);
    }
}
