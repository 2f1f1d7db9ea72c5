package ar.aulas.exercises.web;

import ar.aulas.exercises.Submission;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the page shows once after a hand-in: the attempt's number, time, and each file with its SHA-256. It travels
 * in the session (a flash attribute), which may be kept in the store, so it holds only serializable values.
 */
record Receipt(int number, Instant submittedAt, List<File> files) implements Serializable {

    record File(String name, String sha256) implements Serializable {
    }

    static Receipt of(Submission.Attempt attempt) {
        return new Receipt(attempt.getNumber(), attempt.getSubmittedAt(),
                attempt.getFiles().stream().map(f -> new File(f.name(), f.sha256())).toList());
    }
}
