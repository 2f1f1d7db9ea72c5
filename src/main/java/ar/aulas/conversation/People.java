package ar.aulas.conversation;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.Role;
import ar.aulas.courses.Course;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.web.RequestMemo;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Names of the people and institutions a page shows, read once per page by id; and who is in a space. */
@Component
class People {

    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;
    private final Enrolments enrolments;

    People(AccountRegistry accounts, InstitutionDirectory institutions, Enrolments enrolments) {
        this.accounts = accounts;
        this.institutions = institutions;
        this.enrolments = enrolments;
    }

    Map<String, Account> byId(Collection<String> ids) {
        Map<String, Account> found = new HashMap<>();
        accounts.findAll(new HashSet<>(ids)).forEach(a -> found.put(a.getId(), a));
        return found;
    }

    /** Institution id → name, read once per page. */
    /** Full names by account id, nothing else read. */
    Map<String, String> names(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : accounts.names(ids);
    }

    Map<String, String> institutionNames() {
        return RequestMemo.get("institution-names", () -> {
            Map<String, String> names = new HashMap<>();
            institutions.all().forEach(i -> names.put(i.getId(), i.getName()));
            return names;
        });
    }

    String institutionName(String id) {
        return institutions.find(id).map(Institution::getName).orElse("");
    }

    /** The course's trainers with an active account (read once per page). */
    List<Account> trainers(Course course) {
        return RequestMemo.get("trainers:" + course.getCode(), () -> accounts.findByEmails(
                course.getTrainerEmails() == null ? List.of() : course.getTrainerEmails()).stream()
                .filter(Account::isActive).toList());
    }

    /** Participants following the course now (of one institution, or all with null), with an active account. */
    List<Account> participants(Course course, String institutionId) {
        List<String> ids = enrolments.active(course.getCode(), institutionId).stream().map(Enrolment::getAccountId).toList();
        return accounts.findAll(ids).stream().filter(a -> a.isActive() && a.has(Role.PARTICIPANT)).toList();
    }

    /** Who may be mentioned in a space: its members and the course's trainers; id → full name. */
    Map<String, String> members(Course course, Space space) {
        Map<String, String> members = new HashMap<>();
        if (space.kind() == Space.Kind.QUESTIONS) {
            return members;
        }
        participants(course, space.kind() == Space.Kind.TEAM ? space.institutionId() : null)
                .forEach(a -> members.put(a.getId(), a.getFullName()));
        trainers(course).forEach(a -> members.put(a.getId(), a.getFullName()));
        return members;
    }

    Set<String> ids(Collection<Account> people) {
        Set<String> ids = new HashSet<>();
        people.forEach(a -> ids.add(a.getId()));
        return ids;
    }
}
