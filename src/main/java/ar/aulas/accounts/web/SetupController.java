package ar.aulas.accounts.web;

import ar.aulas.accounts.AccountException;
import ar.aulas.accounts.Passwords;
import ar.aulas.shared.web.Errors;
import ar.aulas.shared.web.Flash;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Creates the first administrator on a store that has none, through the link printed in the log. */
@Controller
class SetupController {

    private final Passwords passwords;

    SetupController(Passwords passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/setup")
    String form(@RequestParam(defaultValue = "") String token, Model model) {
        if (!passwords.setupLinkUsable(token)) {
            return "accounts/link-invalid";
        }
        SetupForm form = new SetupForm();
        form.setToken(token);
        model.addAttribute("form", form);
        return "accounts/setup";
    }

    @PostMapping("/setup")
    String create(@ModelAttribute("form") SetupForm form, BindingResult result, RedirectAttributes redirect) {
        if (!passwords.setupLinkUsable(form.getToken())) {
            return "accounts/link-invalid";
        }
        if (!Objects.equals(form.getPassword(), form.getConfirmation())) {
            result.rejectValue("confirmation", "password.confirmation.mismatch");
            return "accounts/setup";
        }
        try {
            passwords.setUpAdministrator(form.getToken(), form.getFullName(), form.getEmail(), form.getPassword());
        } catch (AccountException e) {
            Errors.reject(result, e);
            return "accounts/setup";
        }
        Flash.success(redirect, "setup.done");
        return "redirect:/login";
    }
}
