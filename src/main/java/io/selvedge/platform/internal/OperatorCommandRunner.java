package io.selvedge.platform.internal;

import io.selvedge.platform.Commands;
import io.selvedge.platform.OperatorCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/** Runs the operator command named on the command line, when it is not {@code serve}. */
@Component
class OperatorCommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private final List<OperatorCommand> commands;
    private final String command;
    private final List<String> arguments;
    private final PrintStream out = System.out;
    private int exitCode;

    OperatorCommandRunner(
            List<OperatorCommand> commands,
            @Value("${" + Commands.COMMAND_PROPERTY + ":" + Commands.SERVE + "}") String command,
            @Value("${selvedge.command-arguments:}") String arguments) {
        this.commands = commands;
        this.command = command;
        this.arguments = arguments.isEmpty() ? List.of() : Arrays.asList(arguments.split("\u001f"));
    }

    @Override
    public void run(ApplicationArguments applicationArguments) {
        if (command.equals(Commands.SERVE)) {
            return;
        }
        Optional<OperatorCommand> found =
                commands.stream().filter(c -> c.name().equals(command)).findFirst();
        if (found.isEmpty()) {
            out.println("Unknown command: " + command + ". Commands: serve, "
                    + String.join(
                            ", ",
                            commands.stream()
                                    .map(OperatorCommand::name)
                                    .sorted()
                                    .toList()));
            exitCode = 2;
            return;
        }
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.print(found.get().usage());
            exitCode = 0;
            return;
        }
        exitCode = found.get().run(arguments, out);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
