package io.selvedge.content;

import io.selvedge.testing.TestServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The Selvedge side of {@code bench/run-transfer.sh}: a server in this JVM (the script gives it
 * {@code -Xmx256m}; embedded H2, local blob folder, the generated development certificate, all in the
 * data directory named by the optional second argument), a customer
 * with a style and an API token made through the HTTPS API, written as shell assignments to the file
 * named by the first argument (owner-only) for curl to use. Serves until the process is stopped; then
 * prints the heap's peak, so the script can report it.
 */
public final class TransferBenchServer {

    private TransferBenchServer() {}

    public static void main(String[] args) throws Exception {
        Path settings = Path.of(args[0]);
        // A data directory (blobs, embedded H2, certificate) on the same medium as nginx's, or target/it-data.
        TestServer.Settings with = TestServer.with();
        if (args.length > 1) {
            with.property("selvedge.data-dir", args[1]);
        }
        TestServer server = with.start();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> System.out.printf(
                        "BENCH heap max %d MiB, peak heap used %d MiB%n",
                        Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20)));
        ContentClient client = ContentClient.aCustomerWithAStyle(server, "eu");
        String assignments = "SELVEDGE_PORT=" + server.port() + "\n"
                + "SELVEDGE_TOKEN=" + client.token() + "\n"
                + "SELVEDGE_STYLE=" + client.style + "\n"
                + "SELVEDGE_DATA=" + server.dataDir() + "\n";
        Path written = Files.createTempFile(
                settings.getParent(), "settings-", ".tmp", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, assignments, StandardCharsets.US_ASCII);
        Files.move(written, settings, StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
