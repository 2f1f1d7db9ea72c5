package ar.aulas.exercises.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.exercises.Exercise;
import ar.aulas.exercises.ExerciseRefused;
import ar.aulas.exercises.ExerciseSettings;
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

@Controller
@RequestMapping("/courses/{code}/modules/{module}/exercises/{slug}/settings")
class SettingsController {

    private final ExerciseSettings settings;

    SettingsController(ExerciseSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    String form(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @PathVariable String slug, Model model) {
        Exercise exercise = settings.editable(me, code, module, slug);
        model.addAttribute("exercise", exercise);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SettingsForm.of(exercise));
        }
        model.addAttribute("modes", Exercise.Mode.values());
        model.addAttribute("scales", Exercise.Scale.values());
        return "exercises/settings";
    }

    @PostMapping
    String save(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable int module,
            @PathVariable String slug, @ModelAttribute("form") SettingsForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(me, code, module, slug, model);
        }
        try {
            settings.save(me, code, module, slug, form.toSettings());
            Flash.success(redirect, "exercise.settings.saved");
            return "redirect:/courses/" + code + "/modules/" + module + "/exercises/" + slug;
        } catch (ExerciseRefused e) {
            Errors.reject(result, e);
            return form(me, code, module, slug, model);
        }
    }
}
