package ar.aulas.institutions.web;

import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.institutions.InstitutionException;
import ar.aulas.institutions.InstitutionType;
import ar.aulas.shared.web.Errors;
import ar.aulas.shared.web.Flash;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Institution administration (ADMIN only, enforced by the security configuration for /admin/**). */
@Controller
@RequestMapping("/admin/institutions")
class InstitutionAdminController {

    private final InstitutionDirectory directory;

    InstitutionAdminController(InstitutionDirectory directory) {
        this.directory = directory;
    }

    @ModelAttribute("types")
    InstitutionType[] types() {
        return InstitutionType.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("institutions", directory.all());
        return "institutions/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new InstitutionForm());
        model.addAttribute("institution", null);
        return "institutions/form";
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") InstitutionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("institution", null);
        if (result.hasErrors()) {
            return "institutions/form";
        }
        try {
            Institution created = directory.create(form.getCode(), form.getName(), form.getType(), form.getLocality());
            Flash.success(redirect, "institution.created", created.getName());
            return "redirect:/admin/institutions";
        } catch (InstitutionException e) {
            Errors.reject(result, e);
            return "institutions/form";
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        Institution institution = directory.find(id).orElseThrow(InstitutionDirectory.InstitutionNotFound::new);
        model.addAttribute("form", InstitutionForm.of(institution));
        model.addAttribute("institution", institution);
        return "institutions/form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @Valid @ModelAttribute("form") InstitutionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Institution institution = directory.find(id).orElseThrow(InstitutionDirectory.InstitutionNotFound::new);
        model.addAttribute("institution", institution);
        if (result.hasErrors()) {
            return "institutions/form";
        }
        try {
            directory.update(id, form.getVersion(), form.getCode(), form.getName(), form.getType(), form.getLocality());
            Flash.success(redirect, "institution.saved", form.getName());
            return "redirect:/admin/institutions";
        } catch (InstitutionException e) {
            Errors.reject(result, e);
            return "institutions/form";
        }
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable String id, RedirectAttributes redirect) {
        try {
            directory.deactivate(id);
            Flash.success(redirect, "institution.deactivated");
        } catch (InstitutionException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/admin/institutions/" + id;
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable String id, RedirectAttributes redirect) {
        directory.activate(id);
        Flash.success(redirect, "institution.activated");
        return "redirect:/admin/institutions/" + id;
    }
}
