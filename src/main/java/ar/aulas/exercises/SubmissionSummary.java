package ar.aulas.exercises;

import java.time.Instant;

/** What a grading queue filters, counts and sorts by, for each submission of an exercise (read with only these fields). */
public record SubmissionSummary(String id, Submission.Status status, String institutionId, boolean late, Instant updatedAt) {
}
