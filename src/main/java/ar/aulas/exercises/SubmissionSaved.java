package ar.aulas.exercises;

/**
 * A submission was saved: its work, its hand-in or a grade. Team work ({@code accountId} null) stands for every
 * member of {@code institutionId} in the course.
 */
public record SubmissionSaved(String courseCode, String exerciseId, String accountId, String institutionId) {

    static SubmissionSaved of(Submission s) {
        return new SubmissionSaved(s.getCourseCode(), s.getExerciseId(), s.isTeam() ? null : s.getParticipantId(),
                s.getInstitutionId());
    }

    public boolean team() {
        return accountId == null;
    }
}
