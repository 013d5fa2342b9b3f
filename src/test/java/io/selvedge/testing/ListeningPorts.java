package io.selvedge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The TCP ports this JVM listens on, with the address each is bound to, read from Linux's
 * {@code /proc} (elsewhere the tests that need it are skipped).
 */
public final class ListeningPorts {

    private static final String LISTEN = "0A";

    private ListeningPorts() {}

    public record ListeningPort(InetAddress address, int port) {}

    public static void assumeReadable() {
        Assumptions.assumeTrue(
                Files.isDirectory(Path.of("/proc/self/fd")) && Files.isReadable(Path.of("/proc/net/tcp")),
                "listening sockets are read from Linux's /proc, which this machine lacks");
    }

    public static Set<ListeningPort> ofThisProcess() {
        assumeReadable();
        Set<String> ownSockets = ownSocketInodes();
        Set<ListeningPort> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String[] row : rows(Path.of(table))) {
                if (LISTEN.equals(row[3]) && ownSockets.contains(row[9])) {
                    ports.add(portOf(row[1]));
                }
            }
        }
        return ports;
    }

    public static Set<Integer> numbersOf(Set<ListeningPort> ports) {
        Set<Integer> numbers = new HashSet<>();
        ports.forEach(port -> numbers.add(port.port()));
        return numbers;
    }

    /** The address the port {@code port} of this JVM listens on. */
    public static Optional<InetAddress> boundAddressOf(int port) {
        return ofThisProcess().stream()
                .filter(listening -> listening.port() == port)
                .map(ListeningPort::address)
                .findFirst();
    }

    private static Set<String> ownSocketInodes() {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            descriptors.forEach(descriptor -> {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing is not a listening socket of interest
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    private static List<String[]> rows(Path table) {
        if (!Files.isReadable(table)) {
            return List.of();
        }
        try {
            return Files.readAllLines(table).stream()
                    .skip(1)
                    .map(line -> line.trim().split("\\s+"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 0100007F:1F90}: the address in 32-bit words of host (little-endian) order, then the port. */
    private static ListeningPort portOf(String localAddress) {
        String[] parts = localAddress.split(":");
        String hex = parts[0];
        byte[] address = new byte[hex.length() / 2];
        for (int word = 0; word < address.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                address[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return new ListeningPort(InetAddress.getByAddress(address), Integer.parseInt(parts[1], 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
