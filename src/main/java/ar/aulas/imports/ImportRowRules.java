package ar.aulas.imports;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.Dni;
import ar.aulas.accounts.Email;
import ar.aulas.accounts.PersonName;
import ar.aulas.accounts.Role;
import ar.aulas.imports.ImportRow.Outcome;
import ar.aulas.imports.ImportRow.Problem;
import ar.aulas.institutions.Institution;
import ar.aulas.shared.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rules every row of one import passes, each named for what it checks. A problem names the column and why; a row
 * with none is new, an update (with what changes) or unchanged, and says whether it enrols its person.
 *
 * <p>One instance per import: it remembers the DNIs and emails of the rows already seen, to refuse repeats.
 */
final class ImportRowRules {

    /** The institution of a scoped coordinator, or null for the whole programme. */
    private final String scope;
    /** Field name → column index, from the header. */
    private final Map<String, Integer> columns;
    private final int headerSize;
    private final Map<String, Institution> byCode;
    private final Map<String, Institution> byName;
    private final Map<String, Account> byDni;
    private final Map<String, Account> byEmail;
    /** Whether a course code names a course that is not archived. */
    private final Predicate<String> courseLive;
    /** The account ids enrolled now in a course. */
    private final Function<String, Set<String>> enrolledIn;
    private final Map<String, Integer> seenDni = new HashMap<>();
    private final Map<String, Integer> seenEmail = new HashMap<>();

    ImportRowRules(String scope, Map<String, Integer> columns, int headerSize, Map<String, Institution> byCode,
            Map<String, Institution> byName, Map<String, Account> byDni, Map<String, Account> byEmail,
            Predicate<String> courseLive, Function<String, Set<String>> enrolledIn) {
        this.scope = scope;
        this.columns = columns;
        this.headerSize = headerSize;
        this.byCode = byCode;
        this.byName = byName;
        this.byDni = byDni;
        this.byEmail = byEmail;
        this.courseLive = courseLive;
        this.enrolledIn = enrolledIn;
    }

    ImportRow evaluate(ImportFile.Line line) {
        List<Problem> problems = new ArrayList<>();
        if (line.cells().size() > headerSize) {
            problems.add(new Problem(null, "import.error.tooManyColumns",
                    List.of(String.valueOf(line.cells().size()), String.valueOf(headerSize))));
            return new ImportRow(line.number(), null, "", "", "", "", "", null, null, Outcome.ERROR, false, problems, List.of());
        }
        String last = cell(line, "lastName");
        String first = cell(line, "firstName");
        name(last, "apellido", problems);
        name(first, "nombre", problems);
        String fullName = (first + " " + last).trim();
        String dniText = cell(line, "dni");
        String dni = dni(dniText, line.number(), problems);
        String emailText = cell(line, "email");
        String email = email(emailText, line.number(), problems);
        String institutionText = cell(line, "institution");
        Institution institution = institution(institutionText, problems);
        String position = cell(line, "position");
        if (position.length() > 120) {
            problems.add(new Problem("cargo/área", "import.error.tooLong", List.of("120")));
        }
        String course = cell(line, "course").toUpperCase(Locale.ROOT);
        if (!course.isEmpty() && !courseLive.test(course)) {
            problems.add(new Problem("curso", "import.error.course", List.of(course)));
        }
        Account match = match(dni, email, institution, problems);
        List<String> changes = new ArrayList<>();
        Outcome outcome;
        if (!problems.isEmpty()) {
            outcome = Outcome.ERROR;
        } else if (match == null) {
            outcome = Outcome.NEW;
        } else {
            changes.addAll(changes(match, fullName, email, dni, institution, position));
            outcome = changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
        }
        boolean enrols = outcome != Outcome.ERROR && !course.isEmpty()
                && (match == null || !enrolledIn.apply(course).contains(match.getId()));
        return new ImportRow(line.number(), match == null ? null : match.getId(), fullName,
                dni == null ? dniText : Dni.format(dni), email == null ? emailText : email,
                institution == null ? institutionText : institution.getName(), position,
                institution == null ? null : institution.getId(), course.isEmpty() ? null : course, outcome, enrols, problems,
                changes, last);
    }

    /** A surname or given name: present, not too long, and only the characters of a name. */
    static void name(String value, String column, List<Problem> problems) {
        String problem = PersonName.problem(value);
        if ("account.fullName.required".equals(problem)) {
            problems.add(new Problem(column, "import.error.required", List.of()));
        } else if ("account.fullName.tooLong".equals(problem)) {
            problems.add(new Problem(column, "import.error.tooLong", List.of(String.valueOf(PersonName.MAX_LENGTH))));
        } else if (problem != null) {
            problems.add(new Problem(column, "import.error.nameChars", List.of()));
        }
    }

    /** A DNI, with or without dots, not repeated in the file: its digits, or null. */
    private String dni(String text, int line, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(new Problem("dni", "import.error.required", List.of()));
            return null;
        }
        if (!Dni.looksLikeDni(text)) {
            problems.add(new Problem("dni", "import.error.dni", List.of(text)));
            return null;
        }
        String dni = Dni.parse(text).digits();
        Integer before = seenDni.putIfAbsent(dni, line);
        if (before != null) {
            problems.add(new Problem("dni", "import.error.repeatedDni", List.of(String.valueOf(before))));
        }
        return dni;
    }

    /** An email, not repeated in the file: in its stored form, or null. */
    private String email(String text, int line, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(new Problem("email", "import.error.required", List.of()));
            return null;
        }
        if (!Email.isValid(text)) {
            problems.add(new Problem("email", "import.error.email", List.of(text)));
            return null;
        }
        String email = Email.parse(text).value();
        Integer before = seenEmail.putIfAbsent(email, line);
        if (before != null) {
            problems.add(new Problem("email", "import.error.repeatedEmail", List.of(String.valueOf(before))));
        }
        return email;
    }

    /** An active institution by code or name (accents and case aside), within a scoped coordinator's own. */
    private Institution institution(String text, List<Problem> problems) {
        Institution institution = byCode.get(text.toUpperCase(Locale.ROOT));
        if (institution == null) {
            institution = byName.get(Text.searchable(text));
        }
        if (text.isEmpty()) {
            problems.add(new Problem("institución", "import.error.required", List.of()));
        } else if (institution == null) {
            problems.add(new Problem("institución", "import.error.institution", List.of(text)));
        } else if (scope != null && !scope.equals(institution.getId())) {
            problems.add(new Problem("institución", "import.error.otherInstitution", List.of(institution.getName())));
        }
        return institution;
    }

    /**
     * The account the row is about, by DNI or email, when they agree. A scoped coordinator learns nothing of people
     * outside their institution: one text for every such case.
     */
    private Account match(String dni, String email, Institution institution, List<Problem> problems) {
        boolean outOfScope = scope != null && institution != null && !scope.equals(institution.getId());
        if (dni == null || email == null || outOfScope) {
            return null;
        }
        Account a = byDni.get(dni);
        Account b = byEmail.get(email);
        boolean conflict = (a != null && b != null && !a.getId().equals(b.getId()))
                || (a == null && b != null && b.getDni() != null && !b.getDni().equals(dni));
        boolean foreign = (a != null && scope != null && !scope.equals(a.getInstitutionId()))
                || (b != null && scope != null && !scope.equals(b.getInstitutionId()));
        if (scope != null && (conflict || foreign)) {
            problems.add(new Problem(null, "import.error.notForYou", List.of()));
            return null;
        }
        if (conflict) {
            problems.add(new Problem("email", "import.error.emailOfAnother",
                    List.of(Dni.format(b.getDni()) == null ? "—" : Dni.format(b.getDni()))));
            return null;
        }
        return a != null ? a : b;
    }

    /** What an update would change in the matched account (message keys). */
    private static List<String> changes(Account match, String fullName, String email, String dni, Institution institution,
            String position) {
        List<String> changes = new ArrayList<>();
        if (!match.getFullName().equals(fullName)) {
            changes.add("import.change.name");
        }
        if (!Objects.equals(match.getEmail(), email)) {
            changes.add("import.change.email");
        }
        if (!Objects.equals(match.getDni(), dni)) {
            changes.add("import.change.dni");
        }
        if (!Objects.equals(match.getInstitutionId(), institution.getId())) {
            changes.add("import.change.institution");
        }
        if (!Objects.equals(Objects.toString(match.getPosition(), ""), position)) {
            changes.add("import.change.position");
        }
        if (!match.has(Role.PARTICIPANT)) {
            changes.add("import.change.role");
        }
        return changes;
    }

    private String cell(ImportFile.Line line, String field) {
        return ParticipantImport.cell(line, columns.get(field));
    }
}
