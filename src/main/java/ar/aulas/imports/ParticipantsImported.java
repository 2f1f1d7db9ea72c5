package ar.aulas.imports;

import java.util.Set;

/** An import enrolled people in these courses without announcing each enrolment (published once, before "done"). */
public record ParticipantsImported(String jobId, Set<String> courseCodes) {

    public ParticipantsImported {
        courseCodes = Set.copyOf(courseCodes);
    }
}
