package io.selvedge.platform;

import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code serve} (the default) starts the server; the operator commands of later
 * issues join the list below. Arguments that start with {@code --} pass through to Spring as settings.
 */
public final class Commands {

    static final String USAGE = """
            Usage: java -jar selvedge.jar [command] [--setting=value ...]

            Commands:
              serve      start the server (the default)
              help       show this text

            Settings are the selvedge.* properties of README.md, e.g. --selvedge.data-dir=/srv/selvedge.
            """;

    private static final List<String> SERVER_COMMANDS = List.of("serve");

    private Commands() {}

    /** What {@code main} should do with the given arguments. */
    public static Invocation parse(String[] args) {
        List<String> arguments = Arrays.asList(args);
        String command = arguments.stream()
                .filter(argument -> !argument.startsWith("-"))
                .findFirst()
                .orElse("serve");
        if (arguments.contains("--help") || arguments.contains("-h") || command.equals("help")) {
            return new Invocation(true, 0, USAGE, new String[0]);
        }
        if (!SERVER_COMMANDS.contains(command)) {
            return new Invocation(true, 2, "Unknown command: " + command + "\n\n" + USAGE, new String[0]);
        }
        String[] springArguments =
                arguments.stream().filter(argument -> argument.startsWith("--")).toArray(String[]::new);
        return new Invocation(false, 0, "", springArguments);
    }

    /** The outcome of parsing: either start Spring with some arguments, or print and exit. */
    public record Invocation(boolean exitWithoutStarting, int exitCode, String output, String[] springArguments) {}
}
