package ar.aulas.exercises.web;

import ar.aulas.accounts.AulasUser;
import ar.aulas.exercises.MySubmissions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class MySubmissionsController {

    private final MySubmissions mine;

    MySubmissionsController(MySubmissions mine) {
        this.mine = mine;
    }

    @GetMapping("/my/submissions")
    String list(@AuthenticationPrincipal AulasUser me, Model model) {
        model.addAttribute("items", mine.of(me));
        return "exercises/mine";
    }
}
