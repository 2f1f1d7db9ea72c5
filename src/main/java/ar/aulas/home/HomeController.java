package ar.aulas.home;

import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.HomeItems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: what is next for the person, gathered from every feature ({@link HomeItems}): the next
 * encounter, work due and work to grade, the latest grades, certificates, and people to follow up; each line
 * one click from its page.
 */
@Controller
class HomeController {

    private static final Logger log = LoggerFactory.getLogger(HomeController.class);

    /** One line as shown: its text and where it leads. */
    record Line(String text, String href, boolean urgent, String badgeKey) {
    }

    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;
    private final List<HomeItems> features;
    private final MessageSource messages;

    HomeController(AccountRegistry accounts, InstitutionDirectory institutions, List<HomeItems> features,
            MessageSource messages) {
        this.accounts = accounts;
        this.institutions = institutions;
        this.features = features;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal AulasUser me, Model model, Locale locale) {
        model.addAttribute("institution", institutions.find(me.institutionId()).orElse(null));
        model.addAttribute("coordinated", institutions.find(me.coordinatedInstitutionId()).orElse(null));
        if (me.has(Role.ADMIN)) {
            model.addAttribute("countsByInstitution", accounts.countByInstitution());
            model.addAttribute("institutions", institutions.all());
            model.addAttribute("totalAccounts", accounts.count());
        }
        model.addAttribute("sections", sections(me, locale));
        return "home/home";
    }

    Map<HomeItems.Section, List<Line>> sections(AulasUser me, Locale locale) {
        List<HomeItems.Item> all = new ArrayList<>();
        for (HomeItems feature : features) {
            try {
                all.addAll(feature.items(me));
            } catch (RuntimeException e) {
                // one feature's trouble leaves the rest of the home page (and the person's way around) standing
                log.error("Home items of {} failed for account {}", feature.getClass().getSimpleName(), me.id(), e);
            }
        }
        all.sort(Comparator.comparing(HomeItems.Item::section).thenComparing(i -> !i.urgent())
                .thenComparing(HomeItems.Item::sort, Comparator.nullsLast(Comparator.naturalOrder())));
        Map<HomeItems.Section, List<Line>> sections = new EnumMap<>(HomeItems.Section.class);
        for (HomeItems.Item item : all) {
            Object[] args = new Object[item.args().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = item.args()[i] instanceof HomeItems.Key k ? messages.getMessage(k.key(), null, locale) : item.args()[i];
            }
            sections.computeIfAbsent(item.section(), s -> new ArrayList<>())
                    .add(new Line(messages.getMessage(item.key(), args, locale), item.href(), item.urgent(), item.badgeKey()));
        }
        return sections;
    }
}
