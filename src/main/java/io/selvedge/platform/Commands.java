package io.selvedge.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command line: {@code serve} (the default) starts the server; any other command runs one
 * {@link OperatorCommand} in a context without a web server, then exits with its code. Arguments that
 * start with {@code --selvedge.} or {@code --spring.} pass through to Spring as settings; the others
 * belong to the command.
 */
public final class Commands {

    /** The setting that tells the context which command it runs. */
    public static final String COMMAND_PROPERTY = "selvedge.command";

    public static final String SERVE = "serve";

    /**
     * The operator commands the modules contribute ({@link OperatorCommand#name()}; a test holds the two
     * together), known before any context starts so that a mistyped one is refused before a store is opened.
     */
    public static final Set<String> OPERATOR_COMMANDS =
            Set.of("audit", "backup", "demo-data", "keys", "mail", "residency", "restore");

    static final String USAGE = """
            Usage: java -jar selvedge.jar [command] [arguments] [--selvedge.setting=value ...]

            Commands:
              serve      start the server (the default)
              push       upload files as new versions of a style to a Selvedge server (a client:
                         starts nothing here; 'push --help')
              help       show this text; 'COMMAND --help' shows a command's own

            Operator commands run against the configured stores and exit; see README.md.
            Settings are the selvedge.* properties of README.md, e.g. --selvedge.data-dir=/srv/selvedge.
            """;

    private Commands() {}

    /** What {@code main} should do with the given arguments. */
    public static Invocation parse(String[] args) {
        List<String> settings = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String argument : Arrays.asList(args)) {
            if (argument.startsWith("--selvedge.") || argument.startsWith("--spring.")) {
                settings.add(argument);
            } else {
                words.add(argument);
            }
        }
        String command = words.isEmpty() || words.get(0).startsWith("-") ? SERVE : words.remove(0);
        if (command.equals("help") || (command.equals(SERVE) && (words.contains("--help") || words.contains("-h")))) {
            return new Invocation(true, 0, USAGE, new String[0]);
        }
        if (command.equals(SERVE) && !words.isEmpty()) {
            return new Invocation(true, 2, "Unknown argument: " + words.get(0) + "\n\n" + USAGE, new String[0]);
        }
        if (!command.equals(SERVE) && !OPERATOR_COMMANDS.contains(command)) {
            String known = String.join(", ", new TreeSet<>(OPERATOR_COMMANDS));
            return new Invocation(
                    true,
                    2,
                    "Unknown command: " + command + ". Commands: serve, push, " + known + "\n\n" + USAGE,
                    new String[0]);
        }
        settings.add("--" + COMMAND_PROPERTY + "=" + command);
        if (!command.equals(SERVE)) {
            settings.add("--spring.main.web-application-type=none");
            settings.add("--selvedge.command-arguments=" + String.join("\u001f", words));
        }
        return new Invocation(false, 0, "", settings.toArray(String[]::new));
    }

    /** The outcome of parsing: either start Spring with some arguments, or print and exit. */
    public record Invocation(boolean exitWithoutStarting, int exitCode, String output, String[] springArguments) {}
}
