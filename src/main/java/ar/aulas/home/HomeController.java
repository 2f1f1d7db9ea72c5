package ar.aulas.home;

import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.institutions.InstitutionDirectory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the person's roles give them at this stage. */
@Controller
class HomeController {

    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;

    HomeController(AccountRegistry accounts, InstitutionDirectory institutions) {
        this.accounts = accounts;
        this.institutions = institutions;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal AulasUser me, Model model) {
        model.addAttribute("institution", institutions.find(me.institutionId()).orElse(null));
        model.addAttribute("coordinated", institutions.find(me.coordinatedInstitutionId()).orElse(null));
        if (me.has(Role.ADMIN)) {
            model.addAttribute("countsByInstitution", accounts.countByInstitution());
            model.addAttribute("institutions", institutions.all());
            model.addAttribute("totalAccounts", accounts.count());
        }
        return "home/home";
    }
}
