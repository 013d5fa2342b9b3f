package io.selvedge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one way a test starts a JVM of its own: the packaged server as an operator runs it
 * ({@code java -jar target/selvedge.jar}), or a class of the test class path with its own heap
 * ({@code java -cp … Main}). The same {@code java} as the test's unless told another JDK's; standard error joins
 * the output.
 */
public final class ChildJvm {

    /** What {@code mvn package} builds before the integration tests run. */
    public static final Path PACKAGED_JAR = Path.of("target", "selvedge.jar");

    private final List<String> options = new ArrayList<>();
    private final List<String> program;
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private final List<String> arguments = new ArrayList<>();

    private ChildJvm(List<String> program) {
        this.program = program;
    }

    /** {@code java -jar target/selvedge.jar}. */
    public static ChildJvm ofThePackagedJar() {
        return ofJar(PACKAGED_JAR);
    }

    /** {@code java -jar jar}: the packaged jar somewhere else, e.g. extracted beside its libraries. */
    public static ChildJvm ofJar(Path jar) {
        return new ChildJvm(List.of("-jar", jar.toAbsolutePath().toString()));
    }

    /** {@code java -cp <the test class path> main}. */
    public static ChildJvm ofMain(Class<?> main) {
        return new ChildJvm(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    }

    /** Runs on another JDK than the test's, e.g. the one the image ships. */
    public ChildJvm javaHome(Path home) {
        javaHome = home;
        return this;
    }

    /** An option of the JVM, before the program: {@code -Xmx256m}, {@code -Dname=value}. */
    public ChildJvm option(String option) {
        options.add(option);
        return this;
    }

    /** Arguments of the program, in order. */
    public ChildJvm arguments(String... more) {
        arguments.addAll(List.of(more));
        return this;
    }

    /** Settings as an operator gives them on the command line: {@code --name=value}. */
    public ChildJvm settings(Map<String, ?> settings) {
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return this;
    }

    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(options);
        command.addAll(program);
        command.addAll(arguments);
        return command;
    }

    /** Starts it; its output (standard error included) is the process's input stream. */
    public Process start() throws IOException {
        return new ProcessBuilder(command()).redirectErrorStream(true).start();
    }

    /** Starts it with its output (standard error included) written to {@code output}. */
    public Process start(Path output) throws IOException {
        return new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    /** Runs it to its end; fails the test if it has not ended {@code within}. */
    public Run run(Duration within) throws IOException, InterruptedException {
        Files.createDirectories(Path.of("target"));
        Path output = Files.createTempFile(Path.of("target"), "child-jvm-", ".txt");
        Process process = start(output);
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The child JVM did not end within " + within + ":\n" + read(output));
        }
        return new Run(process.exitValue(), read(output));
    }

    /** How a run ended: its exit code and all it wrote. */
    public record Run(int exitCode, String output) {}

    private static String read(Path output) {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
