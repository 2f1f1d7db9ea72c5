package ar.aulas.shared;

import java.util.Set;

/**
 * Published after a write that changes where participants stand in a course (a mark, a submission, a
 * grade, an enrolment, a certificate), so the figures kept per institution follow it.
 *
 * @param accountIds the people concerned (empty with an institution or for the whole course)
 * @param institutionId an institution's team work: every member enrolled in the course
 * @param wholeCourse everyone (a session taken, the course's rules or content changed)
 */
public record ParticipationChanged(String courseCode, Set<String> accountIds, String institutionId, boolean wholeCourse) {

    public static ParticipationChanged people(String courseCode, Set<String> accountIds) {
        return new ParticipationChanged(courseCode, Set.copyOf(accountIds), null, false);
    }

    public static ParticipationChanged person(String courseCode, String accountId) {
        return people(courseCode, Set.of(accountId));
    }

    public static ParticipationChanged team(String courseCode, String institutionId) {
        return new ParticipationChanged(courseCode, Set.of(), institutionId, false);
    }

    public static ParticipationChanged course(String courseCode) {
        return new ParticipationChanged(courseCode, Set.of(), null, true);
    }

    /** The owner of a piece of work: "p:&lt;account&gt;" or "i:&lt;institution&gt;". */
    public static ParticipationChanged owner(String courseCode, String ownerKey) {
        return ownerKey.startsWith("i:") ? team(courseCode, ownerKey.substring(2)) : person(courseCode, ownerKey.substring(2));
    }
}
