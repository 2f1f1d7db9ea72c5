package ar.aulas.exercises;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRegistry;
import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.CourseFiles;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.files.ZipNames;
import ar.aulas.shared.web.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;

/**
 * All submissions of an exercise as a ZIP laid out {@code institution/participant-or-team/attempt-N/},
 * written straight to the response: files are copied from the store one at a time, never held whole.
 */
@Service
public class SubmissionArchive {

    private final ExerciseAccess access;
    private final SubmissionRepository submissions;
    private final CourseFiles files;
    private final AccountRegistry accounts;
    private final InstitutionDirectory institutions;


    SubmissionArchive(ExerciseAccess access, SubmissionRepository submissions, CourseFiles files,
            AccountRegistry accounts, InstitutionDirectory institutions) {
        this.access = access;
        this.submissions = submissions;
        this.files = files;
        this.accounts = accounts;
        this.institutions = institutions;
    }

    /** Checks access now (so a refusal is a 404, not a broken download) and returns the writer. */
    public Writer prepare(AulasUser user, String code, int module, String slug) {
        var scope = access.exercise(user, code, module, slug);
        if (!access.grades(user, scope.course())) {
            throw new NotFoundException();
        }
        return new Writer(scope.exercise());
    }

    public final class Writer {
        private final Exercise exercise;

        private Writer(Exercise exercise) {
            this.exercise = exercise;
        }

        public String fileName() {
            return safe(exercise.getCourseCode() + "-" + exercise.getModuleNumber() + "-" + exercise.getSlug()) + ".zip";
        }

        public void writeTo(OutputStream out) throws IOException {
            List<Submission> all = submissions.findByExerciseId(exercise.getId());
            Map<String, Institution> byId = institutions.byId();
            Map<String, Account> people = accounts.findAll(all.stream().map(Submission::getParticipantId)
                    .filter(Objects::nonNull).toList()).stream()
                    .collect(Collectors.toMap(Account::getId, Function.identity()));
            Set<String> used = new HashSet<>();
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (Submission s : all) {
                    Institution institution = byId.get(s.getInstitutionId());
                    String folder = safe(institution == null ? "sin-institucion" : institution.getName()) + "/"
                            + safe(s.getParticipantId() == null ? "equipo"
                                    : people.getOrDefault(s.getParticipantId(), null) == null ? s.getParticipantId()
                                    : people.get(s.getParticipantId()).getFullName());
                    for (Submission.Attempt attempt : s.getAttempts()) {
                        if (!attempt.isSubmitted()) {
                            continue;
                        }
                        String prefix = folder + "/intento-" + attempt.getNumber() + "/";
                        if (attempt.getText() != null && !attempt.getText().isBlank()) {
                            zip.putNextEntry(new ZipEntry(unique(used, prefix + "texto.txt")));
                            zip.write(attempt.getText().getBytes(StandardCharsets.UTF_8));
                            zip.closeEntry();
                        }
                        for (Submission.StoredFile f : attempt.getFiles()) {
                            zip.putNextEntry(new ZipEntry(unique(used, prefix + safe(f.name()))));
                            try (InputStream in = files.openAuthorised(f.fileId()).content().getInputStream()) {
                                in.transferTo(zip);
                            }
                            zip.closeEntry();
                        }
                    }
                }
            }
        }
    }

    private static String unique(Set<String> used, String name) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            int dot = name.lastIndexOf('.');
            candidate = dot > name.lastIndexOf('/') ? name.substring(0, dot) + "-" + i + name.substring(dot) : name + "-" + i;
        }
        return candidate;
    }

    static String safe(String name) {
        return ZipNames.segment(name);
    }
}
