package ar.aulas.imports;

import java.util.List;

/** What importing one row of the file does, or why it cannot. */
public record ImportRow(int line, String accountId, String fullName, String dni, String email, String institutionName, String position,
        String institutionId, String courseCode, Outcome outcome, boolean enrols, List<Problem> problems, List<String> changes,
        String surname) {

    public ImportRow(int line, String accountId, String fullName, String dni, String email, String institutionName,
            String position, String institutionId, String courseCode, Outcome outcome, boolean enrols, List<Problem> problems,
            List<String> changes) {
        this(line, accountId, fullName, dni, email, institutionName, position, institutionId, courseCode, outcome, enrols,
                problems, changes, null);
    }

    public enum Outcome { NEW, UPDATED, UNCHANGED, ERROR }

    /** A message key with its arguments, and the column it is about (null for the whole row). */
    public record Problem(String column, String key, List<String> args) {
    }

    public boolean valid() {
        return outcome != Outcome.ERROR;
    }
}
