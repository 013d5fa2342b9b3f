package io.selvedge.content;

import io.selvedge.protection.AbuseBench;
import io.selvedge.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Selvedge side of {@code bench/run-transfer.sh}: the packaged jar as an operator starts it
 * ({@code java -Xmx256m -jar selvedge.jar}, development environment), its four stores on fresh PostgreSQL
 * databases at 127.0.0.1:5432, its data directory (blobs, certificate, key stores) where the second argument
 * says (tmpfs or disk); then a customer with a style and an API token made through the HTTPS API,
 * written with the server's port and process id as shell assignments to the file named by the first argument
 * (owner-only) for curl to use. Runs until stopped, and stops the server with it.
 *
 * <p>Arguments: the settings file, the data directory, the jar. Extra JVM options for the server:
 * {@code SELVEDGE_JAVA_OPTS} (space-separated), e.g. {@code -XX:SharedArchiveFile=selvedge.jsa}.
 */
public final class TransferBenchServer {

    private TransferBenchServer() {}

    public static void main(String[] args) throws Exception {
        Path settings = Path.of(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        Path jar = Path.of(args[2]).toAbsolutePath();
        System.setProperty("selvedge.test.database", "postgresql");
        Map<String, Object> stores = TestDatabase.storeProperties(List.of("us", "eu", "apac"));
        int port = AbuseBench.freePort();
        List<String> command = new ArrayList<>(List.of(
                System.getenv().getOrDefault("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED"));
        String options = System.getenv().getOrDefault("SELVEDGE_JAVA_OPTS", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        stores.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--selvedge.storage.regions=us,eu,apac");
        // The bench repeats 1 GiB transfers: the per-account limits are raised above its pace.
        command.add("--selvedge.protection.rate-limits.uploads=6000/1m");
        command.add("--selvedge.protection.rate-limits.downloads=6000/1m");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling("selvedge.log").toFile());
        builder.environment().put("SELVEDGE_ENVIRONMENT", "development");
        builder.environment().put("SELVEDGE_DATA_DIR", dataDir.toString());
        builder.environment().put("SELVEDGE_PORT", Integer.toString(port));
        builder.environment().put("SELVEDGE_MANAGEMENT_PORT", Integer.toString(AbuseBench.freePort()));
        builder.environment().put("SELVEDGE_GROUP_CREATION", "self-service");
        Process server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        AbuseBench.waitForCertificate(dataDir, server);
        AbuseBench bench = new AbuseBench(port, dataDir);
        bench.waitUntilUp(server);
        AbuseBench.Customer customer = bench.customer(stores, "designer");
        String assignments = "SELVEDGE_PORT=" + port + "\n"
                + "SELVEDGE_PID=" + server.pid() + "\n"
                + "SELVEDGE_TOKEN=" + customer.token() + "\n"
                + "SELVEDGE_STYLE=" + customer.style() + "\n";
        Path written = Files.createTempFile(
                settings.getParent(),
                "settings-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, assignments, StandardCharsets.US_ASCII);
        Files.move(written, settings, StandardCopyOption.ATOMIC_MOVE);
        server.waitFor();
    }
}
