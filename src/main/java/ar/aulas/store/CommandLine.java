package ar.aulas.store;

/** The value of a {@code --name=value} argument, read before Spring starts. */
final class CommandLine {

    private CommandLine() {
    }

    /** The value after {@code prefix} (which ends with {@code =}) of the last argument that has it, or null. */
    static String value(String[] args, String prefix) {
        String found = null;
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                found = arg.substring(prefix.length());
            }
        }
        return found;
    }
}
