package io.selvedge;

import io.selvedge.platform.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Selvedge: {@code java -jar selvedge.jar [command]}, where the command is {@code serve} by default. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SelvedgeApplication {

    public static void main(String[] args) {
        Commands.Invocation invocation = Commands.parse(args);
        if (invocation.exitWithoutStarting()) {
            System.out.print(invocation.output());
            System.exit(invocation.exitCode());
        }
        ConfigurableApplicationContext context =
                SpringApplication.run(SelvedgeApplication.class, invocation.springArguments());
        if (context.getEnvironment()
                .getProperty(Commands.COMMAND_PROPERTY, Commands.SERVE)
                .equals(Commands.SERVE)) {
            return;
        }
        System.exit(SpringApplication.exit(context));
    }
}
