package ar.aulas.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param resetLinkValidity how long a password-reset link works
 * @param invitationValidity how long an invitation link works
 * @param loginMaxFailuresPerAccount failures for one login name before it is refused for {@code lockout}
 * @param loginMaxFailuresPerIp failures from one IP address before it is refused for {@code lockout}
 * @param loginWindow the window in which failures are counted
 * @param lockout how long login is refused once a limit is reached
 */
@ConfigurationProperties("aulas.accounts")
public record AccountsProperties(Duration resetLinkValidity, Duration invitationValidity,
        Integer loginMaxFailuresPerAccount, Integer loginMaxFailuresPerIp, Duration loginWindow, Duration lockout) {

    public AccountsProperties {
        resetLinkValidity = resetLinkValidity == null ? Duration.ofHours(48) : resetLinkValidity;
        invitationValidity = invitationValidity == null ? Duration.ofDays(7) : invitationValidity;
        loginMaxFailuresPerAccount = loginMaxFailuresPerAccount == null ? 5 : loginMaxFailuresPerAccount;
        loginMaxFailuresPerIp = loginMaxFailuresPerIp == null ? 30 : loginMaxFailuresPerIp;
        loginWindow = loginWindow == null ? Duration.ofMinutes(15) : loginWindow;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    }
}
