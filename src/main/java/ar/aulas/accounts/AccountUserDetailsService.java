package ar.aulas.accounts;

import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Finds the account for what was typed at login: a DNI (with or without dots) or an email. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        return lookup(login).map(AulasUser::new).orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    Optional<Account> lookup(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        if (Dni.looksLikeDni(login)) {
            return accounts.findByDni(Dni.parse(login).digits());
        }
        return Email.isValid(login) ? accounts.findByEmail(Email.parse(login).value()) : Optional.empty();
    }
}
