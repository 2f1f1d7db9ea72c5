package ar.aulas.attendance;

/** A session of the course was added or moved in the interface: which sessions have come changed for everyone. */
public record SessionScheduled(String courseCode, String sessionId) {
}
