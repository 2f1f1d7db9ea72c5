package ar.aulas.courses.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.courses.Material;
import ar.aulas.courses.Materials;
import ar.aulas.courses.UploadRefused;
import ar.aulas.shared.web.Errors;
import ar.aulas.shared.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Trainers' materials. The service checks the course and the trainer for every action. */
@Controller
@RequestMapping("/courses/{code}")
class MaterialController {

    private final Materials materials;
    private final CourseCatalog catalog;

    MaterialController(Materials materials, CourseCatalog catalog) {
        this.materials = materials;
        this.catalog = catalog;
    }

    @PostMapping("/modules/{number}/materials")
    String add(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int number,
            @ModelAttribute("materialForm") MaterialForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            Material material = materials.add(me, code, number, form.toData());
            Flash.success(redirect, "material.added", material.getTitle());
            return "redirect:/courses/" + code + "/modules/" + number + "#materials";
        } catch (UploadRefused e) {
            Errors.reject(result, e);
            model.addAttribute("page", catalog.module(me, code, number));
            return "courses/module";
        }
    }

    @GetMapping("/materials/{id}/edit")
    String editForm(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            Model model) {
        Material material = materials.find(me, code, id);
        model.addAttribute("material", material);
        model.addAttribute("materialForm", MaterialForm.of(material));
        return "courses/material-edit";
    }

    @PostMapping("/materials/{id}/edit")
    String edit(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            @ModelAttribute("materialForm") MaterialForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Material material = materials.find(me, code, id);
        try {
            materials.edit(me, code, id, form.getVersion(), form.toData());
            Flash.success(redirect, "material.saved", form.getTitle());
            return "redirect:/courses/" + code + "/modules/" + material.getModuleNumber() + "#materials";
        } catch (UploadRefused e) {
            Errors.reject(result, e);
            form.setKind(material.getKind());
            model.addAttribute("material", material);
            return "courses/material-edit";
        }
    }

    @PostMapping("/materials/{id}/hide")
    String hide(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            RedirectAttributes redirect) {
        materials.hide(me, code, id, true);
        Flash.success(redirect, "material.hidden");
        return backToModule(me, code, id);
    }

    @PostMapping("/materials/{id}/show")
    String show(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            RedirectAttributes redirect) {
        materials.hide(me, code, id, false);
        Flash.success(redirect, "material.shown");
        return backToModule(me, code, id);
    }

    @PostMapping("/materials/{id}/up")
    String up(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id) {
        materials.move(me, code, id, -1);
        return backToModule(me, code, id);
    }

    @PostMapping("/materials/{id}/down")
    String down(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id) {
        materials.move(me, code, id, 1);
        return backToModule(me, code, id);
    }

    @GetMapping("/materials/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            Model model) {
        model.addAttribute("material", materials.find(me, code, id));
        return "courses/material-delete";
    }

    @PostMapping("/materials/{id}/delete")
    String delete(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String id,
            RedirectAttributes redirect) {
        Material material = materials.find(me, code, id);
        materials.delete(me, code, id);
        Flash.success(redirect, "material.deleted", material.getTitle());
        return "redirect:/courses/" + code + "/modules/" + material.getModuleNumber() + "#materials";
    }

    private String backToModule(AulasUser me, String code, String id) {
        return "redirect:/courses/" + code + "/modules/" + materials.find(me, code, id).getModuleNumber() + "#materials";
    }
}
