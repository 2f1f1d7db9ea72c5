package ar.aulas.exercises;

/** The status a participant sees for an exercise. Grades hidden until released read as "submitted". */
public enum ParticipantStatus {
    NOT_STARTED, DRAFT, SUBMITTED, LATE, GRADED, NEEDS_REVISION;

    public static ParticipantStatus of(Submission submission, boolean gradesVisible) {
        if (submission == null) {
            return NOT_STARTED;
        }
        return switch (submission.getStatus()) {
            case DRAFT -> DRAFT;
            case SUBMITTED -> submission.isLate() ? LATE : SUBMITTED;
            case GRADED -> gradesVisible ? GRADED : (submission.isLate() ? LATE : SUBMITTED);
            case NEEDS_REVISION -> gradesVisible ? NEEDS_REVISION : SUBMITTED;
        };
    }

    public String key() {
        return "exercise.status." + name();
    }
}
