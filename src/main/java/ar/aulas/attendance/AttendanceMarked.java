package ar.aulas.attendance;

import java.util.Set;

/**
 * Marks were recorded in a course. {@code sessionTaken}: the first marks of a session, which make everyone without
 * one absent, so every participant's standing changed, not only {@code accountIds}'.
 */
public record AttendanceMarked(String courseCode, Set<String> accountIds, boolean sessionTaken) {

    public AttendanceMarked {
        accountIds = Set.copyOf(accountIds);
    }
}
