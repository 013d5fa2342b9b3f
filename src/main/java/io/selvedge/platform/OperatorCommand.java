package io.selvedge.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command an operator runs with {@code java -jar selvedge.jar NAME [arguments]}, such as
 * {@code keys rotate-kek --region eu}. Modules contribute commands as beans; the command runs in a
 * full context (stores, keys) without a web server, and its return value is the process's exit code.
 */
public interface OperatorCommand {

    /** The first word on the command line, e.g. {@code keys}. */
    String name();

    /** The text {@code NAME --help} prints: the command's arguments and what it does. */
    String usage();

    /**
     * Runs the command.
     *
     * @param arguments the words after the command's name
     * @param out where to print results for the operator: never secrets, except the credentials a command
     *     exists to hand out once (the demo members' passwords of {@code demo-data})
     * @return the exit code: 0 for success, 2 for a usage error, 1 for a failure
     */
    int run(List<String> arguments, PrintStream out);
}
