/**
 * The encounters' sessions, roll call, check-in with a rotating code, the sign-in sheet, rates and the calendar feed.
 * Others read marks through {@link ar.aulas.attendance.AttendanceMarks}; the rate has one definition, {@link ar.aulas.attendance.AttendanceRate}.
 */
package ar.aulas.attendance;
