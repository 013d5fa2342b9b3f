package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void anUnknownCommandIsRefusedBeforeAnythingStarts() {
        Commands.Invocation invocation = Commands.parse(new String[] {"bakcup", "--selvedge.data-dir=/srv/selvedge"});

        assertThat(invocation.exitWithoutStarting()).isTrue();
        assertThat(invocation.exitCode()).isEqualTo(2);
        assertThat(invocation.output())
                .startsWith("Unknown command: bakcup. Commands: serve, push, audit, backup, demo-data,")
                .contains("Usage: java -jar selvedge.jar");
    }

    @Test
    void anOperatorCommandStartsAContextWithoutAWebServer() {
        Commands.Invocation invocation =
                Commands.parse(new String[] {"backup", "--out", "/tmp/b", "--selvedge.data-dir=/srv/selvedge"});

        assertThat(invocation.exitWithoutStarting()).isFalse();
        assertThat(invocation.springArguments())
                .contains(
                        "--selvedge.data-dir=/srv/selvedge",
                        "--selvedge.command=backup",
                        "--spring.main.web-application-type=none",
                        "--selvedge.command-arguments=--out\u001f/tmp/b");
    }

    @Test
    void noCommandServes() {
        Commands.Invocation invocation = Commands.parse(new String[] {"--selvedge.port=8443"});

        assertThat(invocation.exitWithoutStarting()).isFalse();
        assertThat(invocation.springArguments()).containsExactly("--selvedge.port=8443", "--selvedge.command=serve");
    }
}
