package io.selvedge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK the image runs the server on (the Dockerfile's last stage), and where this machine has one of that
 * version: the test's own, {@code SELVEDGE_TEST_IMAGE_JAVA_HOME}, or one under {@code /usr/lib/jvm}.
 */
public final class ImageJdk {

    private static final Pattern RUNTIME_IMAGE = Pattern.compile("(?m)^FROM eclipse-temurin:(\\d+)-jre\\s*$");
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)[.\"]");

    private ImageJdk() {}

    /** The feature version of the runtime stage's JRE ({@code FROM eclipse-temurin:25-jre} gives 25). */
    public static int featureVersion(Path dockerfile) throws IOException {
        Matcher runtime = RUNTIME_IMAGE.matcher(Files.readString(dockerfile));
        Integer last = null;
        while (runtime.find()) {
            last = Integer.valueOf(runtime.group(1));
        }
        if (last == null) {
            throw new AssertionError(dockerfile + " has no FROM eclipse-temurin:<version>-jre stage");
        }
        return last;
    }

    /** A JDK of that feature version on this machine, if any. */
    public static Optional<Path> onThisMachine(int feature) throws IOException {
        if (Runtime.version().feature() == feature) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        String given = System.getenv("SELVEDGE_TEST_IMAGE_JAVA_HOME");
        List<Path> candidates = given != null && !given.isBlank() ? List.of(Path.of(given)) : installed();
        for (Path home : candidates) {
            Path release = home.resolve("release");
            if (Files.isExecutable(home.resolve("bin").resolve("java")) && Files.isRegularFile(release)) {
                Matcher version = RELEASE_VERSION.matcher(Files.readString(release));
                if (version.find() && Integer.parseInt(version.group(1)) == feature) {
                    return Optional.of(home);
                }
            }
        }
        return Optional.empty();
    }

    private static List<Path> installed() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.sorted().toList();
        }
    }
}
