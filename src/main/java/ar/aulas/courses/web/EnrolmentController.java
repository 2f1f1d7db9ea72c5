package ar.aulas.courses.web;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseAccess;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.web.Flash;
import ar.aulas.shared.web.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Enrolment of participants (ADMIN and programme COORDINATORS). */
@Controller
@RequestMapping("/courses/{code}/enrolments")
class EnrolmentController {

    private final CourseAccess access;
    private final Enrolments enrolments;
    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;

    EnrolmentController(CourseAccess access, Enrolments enrolments, AccountRegistry accounts,
            InstitutionDirectory institutions) {
        this.access = access;
        this.enrolments = enrolments;
        this.accounts = accounts;
        this.institutions = institutions;
    }

    private Course enrollable(AulasUser me, String code) {
        Course course = access.course(me, code);
        if (!access.canEnrol(me)) {
            throw new NotFoundException();
        }
        return course;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @RequestParam(defaultValue = "") String q, Model model) {
        Course course = enrollable(me, code);
        List<Enrolment> all = enrolments.ofCourse(code);
        Map<String, Account> people = accounts.findAll(all.stream().map(Enrolment::getAccountId).toList()).stream()
                .collect(Collectors.toMap(Account::getId, Function.identity()));
        model.addAttribute("course", course);
        model.addAttribute("enrolments", all);
        model.addAttribute("people", people);
        model.addAttribute("institutions", institutions.all());
        model.addAttribute("institutionsById", institutions.byId());
        model.addAttribute("q", q);
        if (q.strip().length() >= 2) {
            model.addAttribute("candidates", accounts.search(q, "", 0, 20).getContent().stream()
                    .filter(a -> a.has(Role.PARTICIPANT) && a.isActive()).toList());
        }
        return "courses/enrolments";
    }

    @PostMapping
    String enrol(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @RequestParam String accountId,
            RedirectAttributes redirect) {
        enrollable(me, code);
        boolean added = enrolments.enrol(code, accountId, me.id());
        Flash.success(redirect, added ? "enrolment.added" : "enrolment.already");
        return "redirect:/courses/" + code + "/enrolments";
    }

    @PostMapping("/institution")
    String enrolInstitution(@AuthenticationPrincipal AulasUser me, @PathVariable String code,
            @RequestParam String institutionId, RedirectAttributes redirect) {
        enrollable(me, code);
        var institution = institutions.find(institutionId).orElseThrow(NotFoundException::new);
        int added = enrolments.enrolInstitution(code, institutionId, me.id());
        Flash.success(redirect, "enrolment.institution", added, institution.getName());
        return "redirect:/courses/" + code + "/enrolments";
    }

    @PostMapping("/{accountId}/unenrol")
    String unenrol(@AuthenticationPrincipal AulasUser me, @PathVariable String code, @PathVariable String accountId,
            RedirectAttributes redirect) {
        enrollable(me, code);
        enrolments.unenrol(code, accountId);
        Flash.success(redirect, "enrolment.removed");
        return "redirect:/courses/" + code + "/enrolments";
    }
}
