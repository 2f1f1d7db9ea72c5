package ar.aulas.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A session of an encounter, created from the module's date, time and venue. */
@Document("attendance_sessions")
public class AttendanceSession {

    @Id
    private String id;
    @Indexed
    private String courseCode;
    private int moduleNumber;
    private LocalDate date;
    private LocalTime start;
    private LocalTime end;
    private String venue;
    /** Set when attendance is first saved: from then on the session counts toward rates. */
    private Instant takenAt;
    /** Self check-in is open until this moment (null: closed). */
    private Instant checkInUntil;
    private boolean archived;
    private int number = 1;
    /** Edited (or added) by a trainer: the course files no longer move it. */
    private boolean editedInUi;

    protected AttendanceSession() {
    }

    AttendanceSession(String courseCode, int moduleNumber) {
        this(courseCode, moduleNumber, 1);
    }

    AttendanceSession(String courseCode, int moduleNumber, int number) {
        this.id = courseCode + "/" + moduleNumber + "/" + number;
        this.courseCode = courseCode;
        this.moduleNumber = moduleNumber;
        this.number = number;
    }

    void editedInUi() {
        this.editedInUi = true;
    }

    public int getNumber() { return number == 0 ? 1 : number; }
    public boolean isEditedInUi() { return editedInUi; }

    void schedule(LocalDate date, LocalTime start, LocalTime end, String venue) {
        this.date = date;
        this.start = start;
        this.end = end;
        this.venue = venue;
        this.archived = false;
    }

    void openCheckIn(Instant until) {
        this.checkInUntil = until;
    }

    public boolean checkInOpen(Instant now) {
        return checkInUntil != null && now.isBefore(checkInUntil);
    }

    public Instant getCheckInUntil() { return checkInUntil; }

    void archive() {
        this.archived = true;
    }

    public boolean isTaken() {
        return takenAt != null;
    }

    /** Whether the session's day has come ({@code today} in the course's time zone); one without a date has. */
    public boolean hasCome(LocalDate today) {
        return date == null || !date.isAfter(today);
    }

    public String getId() { return id; }
    public String getCourseCode() { return courseCode; }
    public int getModuleNumber() { return moduleNumber; }
    public LocalDate getDate() { return date; }
    public LocalTime getStart() { return start; }
    public LocalTime getEnd() { return end; }
    public String getVenue() { return venue; }
    public Instant getTakenAt() { return takenAt; }
    public boolean isArchived() { return archived; }
}
