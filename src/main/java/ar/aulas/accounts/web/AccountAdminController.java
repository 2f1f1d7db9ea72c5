package ar.aulas.accounts.web;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountException;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.Passwords;
import ar.aulas.accounts.Role;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.web.Errors;
import ar.aulas.shared.web.Flash;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration (ADMIN only, enforced by the security configuration for /admin/**). */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    static final int PAGE_SIZE = 25;

    private final AccountRegistry registry;
    private final Passwords passwords;
    private final InstitutionDirectory institutions;

    AccountAdminController(AccountRegistry registry, Passwords passwords, InstitutionDirectory institutions) {
        this.registry = registry;
        this.passwords = passwords;
        this.institutions = institutions;
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String institution,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Page<Account> accounts = registry.search(q, institution, page, PAGE_SIZE);
        model.addAttribute("accounts", accounts);
        model.addAttribute("q", q);
        model.addAttribute("institution", institution);
        model.addAttribute("institutions", institutions.all());
        model.addAttribute("institutionsById", institutions.byId());
        return "accounts/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new AccountForm());
        return form(model, null);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
            RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            return form(model, null);
        }
        try {
            boolean withPassword = form.getPassword() != null && !form.getPassword().isEmpty();
            if (withPassword) {
                // checked before anything is stored, so a refused password leaves no account behind
                passwords.checkPolicy(form.getPassword(), form.getDni(), form.getEmail());
            }
            Account account = registry.create(form.toData());
            if (withPassword) {
                passwords.set(account.getId(), form.getPassword());
            } else {
                passwords.sendInvitation(account.getId(), locale);
            }
            Flash.success(redirect, "account.created", account.getFullName());
            return "redirect:/admin/accounts/" + account.getId();
        } catch (AccountException e) {
            Errors.reject(result, e);
            return form(model, null);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        Account account = registry.find(id).orElseThrow(AccountRegistry.AccountNotFound::new);
        model.addAttribute("form", AccountForm.of(account));
        return form(model, account);
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @Valid @ModelAttribute("form") AccountForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Account account = registry.find(id).orElseThrow(AccountRegistry.AccountNotFound::new);
        if (result.hasErrors()) {
            return form(model, account);
        }
        try {
            registry.update(id, form.getVersion(), form.toData());
            Flash.success(redirect, "account.saved", form.getFullName());
            return "redirect:/admin/accounts/" + id;
        } catch (AccountException e) {
            Errors.reject(result, e);
            return form(model, account);
        }
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable String id, RedirectAttributes redirect) {
        registry.deactivate(id);
        Flash.success(redirect, "account.deactivated");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable String id, RedirectAttributes redirect) {
        registry.activate(id);
        Flash.success(redirect, "account.activated");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/reset-link")
    String resetLink(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
        String url = passwords.sendResetLink(id, locale);
        redirect.addFlashAttribute("resetLink", url);
        Flash.success(redirect, "account.resetLink.sent");
        return "redirect:/admin/accounts/" + id;
    }

    private String form(Model model, Account account) {
        model.addAttribute("account", account);
        model.addAttribute("institutions", institutions.all());
        return "accounts/form";
    }
}
