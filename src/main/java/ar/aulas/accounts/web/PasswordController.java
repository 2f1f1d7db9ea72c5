package ar.aulas.accounts.web;

import ar.aulas.accounts.AccountException;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Passwords;
import ar.aulas.shared.web.Errors;
import ar.aulas.shared.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person changes their own password, or sets one from a reset or invitation link. */
@Controller
class PasswordController {

    private final Passwords passwords;
    private final UserDetailsService users;

    PasswordController(Passwords passwords, UserDetailsService users) {
        this.passwords = passwords;
        this.users = users;
    }

    @GetMapping("/account/password")
    String changeForm(Model model) {
        model.addAttribute("form", new PasswordForm());
        return "accounts/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal AulasUser me, @ModelAttribute("form") PasswordForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!form.confirmed()) {
            result.rejectValue("confirmation", "password.confirmation.mismatch");
            return "accounts/password";
        }
        try {
            passwords.changeOwn(me.id(), form.getCurrentPassword(), form.getPassword());
        } catch (AccountException e) {
            Errors.reject(result, e);
            return "accounts/password";
        }
        keepThisSessionLoggedIn(me, request, response);
        Flash.success(redirect, "password.changed");
        return "redirect:/";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        var account = passwords.accountForLink(token);
        if (account.isEmpty()) {
            return "accounts/link-invalid";
        }
        PasswordForm form = new PasswordForm();
        form.setToken(token);
        model.addAttribute("form", form);
        model.addAttribute("email", account.get().getEmail());
        return "accounts/reset";
    }

    @PostMapping("/password/reset")
    String reset(@ModelAttribute("form") PasswordForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        var account = passwords.accountForLink(form.getToken());
        if (account.isEmpty()) {
            return "accounts/link-invalid";
        }
        model.addAttribute("email", account.get().getEmail());
        if (!form.confirmed()) {
            result.rejectValue("confirmation", "password.confirmation.mismatch");
            return "accounts/reset";
        }
        try {
            passwords.resetWithLink(form.getToken(), form.getPassword());
        } catch (AccountException e) {
            Errors.reject(result, e);
            return "accounts/reset";
        }
        Flash.success(redirect, "password.set");
        return "redirect:/login";
    }

    // Other sessions of this person end at their next request; this one is refreshed so it stays.
    private void keepThisSessionLoggedIn(AulasUser me, HttpServletRequest request, HttpServletResponse response) {
        var fresh = users.loadUserByUsername(me.email());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }
}
