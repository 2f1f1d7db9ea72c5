package ar.aulas.conversation;

import ar.aulas.shared.web.NotFoundException;

/**
 * Where a thread lives in a course: the debate of an encounter (module), an institution team's space, or the
 * private questions to the trainers. Stored as its key: {@code m3}, {@code t:<institution id>}, {@code q}.
 */
public record Space(Kind kind, int module, String institutionId) {

    public enum Kind { DEBATE, TEAM, QUESTIONS }

    public static Space debate(int module) {
        return new Space(Kind.DEBATE, module, null);
    }

    public static Space team(String institutionId) {
        return new Space(Kind.TEAM, 0, institutionId);
    }

    public static Space questions() {
        return new Space(Kind.QUESTIONS, 0, null);
    }

    public String key() {
        return switch (kind) {
            case DEBATE -> "m" + module;
            case TEAM -> "t:" + institutionId;
            case QUESTIONS -> "q";
        };
    }

    /** The space of a stored key; a key that is none (a forged form) is not found. */
    public static Space of(String key) {
        if (key == null) {
            throw new NotFoundException();
        }
        if (key.equals("q")) {
            return questions();
        }
        if (key.startsWith("t:") && key.length() > 2) {
            return team(key.substring(2));
        }
        if (key.matches("m[1-9][0-9]{0,2}")) {
            return debate(Integer.parseInt(key.substring(1)));
        }
        throw new NotFoundException();
    }

    /** The page that lists the space's threads. */
    public String path(String courseCode) {
        return switch (kind) {
            case DEBATE -> "/courses/" + courseCode + "/debates/" + module;
            case TEAM -> "/courses/" + courseCode + "/teams/" + institutionId;
            case QUESTIONS -> "/courses/" + courseCode + "/questions";
        };
    }
}
