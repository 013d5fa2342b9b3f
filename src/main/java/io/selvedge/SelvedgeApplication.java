package io.selvedge;

import io.selvedge.platform.Commands;
import io.selvedge.platform.StartupTrace;
import io.selvedge.push.Push;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Selvedge: {@code java -jar selvedge.jar [command]}, where {@code push} is a client that runs without Spring, and the command is {@code serve} by default. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SelvedgeApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(Push.COMMAND)) {
            // A client of another server: it starts no context and opens no store of this installation.
            System.exit(Push.run(
                    List.of(args).subList(1, args.length), System.getenv(), System.out, System.console() != null));
        }
        Commands.Invocation invocation = Commands.parse(args);
        if (invocation.exitWithoutStarting()) {
            System.out.print(invocation.output());
            System.exit(invocation.exitCode());
        }
        SpringApplication application = new SpringApplication(SelvedgeApplication.class);
        StartupTrace.recordIfAsked(application);
        ConfigurableApplicationContext context = application.run(invocation.springArguments());
        StartupTrace.printIfRecorded(context, System.out);
        if (context.getEnvironment()
                .getProperty(Commands.COMMAND_PROPERTY, Commands.SERVE)
                .equals(Commands.SERVE)) {
            return;
        }
        System.exit(SpringApplication.exit(context));
    }
}
