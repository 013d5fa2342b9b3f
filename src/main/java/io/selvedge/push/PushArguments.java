package io.selvedge.push;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The command line of {@code push}, checked: any mistake is a {@link UsageException} (exit code 2). */
record PushArguments(
        URI server,
        UUID style,
        List<Path> files,
        @Nullable Path watch,
        @Nullable String username,
        @Nullable Path ca,
        int chunkBytes,
        int retries,
        long settleMillis) {

    static final int MIB = 1024 * 1024;

    static PushArguments parse(List<String> words) {
        URI server = null;
        UUID style = null;
        Path watch = null;
        String username = null;
        Path ca = null;
        int chunkMib = 4;
        int retries = 12;
        long settleMillis = 2000;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                files.add(Path.of(word));
                continue;
            }
            if (i + 1 >= words.size()) {
                throw new UsageException(word + " needs a value.");
            }
            String value = words.get(++i);
            switch (word) {
                case "--server" -> server = server(value);
                case "--style" -> style = style(value);
                case "--watch" -> watch = Path.of(value);
                case "--username" -> username = value;
                case "--ca" -> ca = Path.of(value);
                case "--chunk-size" -> chunkMib = number(word, value, 1, 64);
                case "--retries" -> retries = number(word, value, 0, 1000);
                case "--settle-seconds" -> settleMillis = number(word, value, 0, 3600) * 1000L;
                default -> throw new UsageException("Unknown option: " + word);
            }
        }
        if (server == null || style == null) {
            throw new UsageException("--server and --style are required.");
        }
        if (files.isEmpty() == (watch == null)) {
            throw new UsageException("Give either files to push or --watch DIR, not both and not neither.");
        }
        return new PushArguments(
                server, style, List.copyOf(files), watch, username, ca, chunkMib * MIB, retries, settleMillis);
    }

    PushArguments settlingFor(long millis) {
        return new PushArguments(server, style, files, watch, username, ca, chunkBytes, retries, millis);
    }

    PushArguments inChunksOf(int bytes) {
        return new PushArguments(server, style, files, watch, username, ca, bytes, retries, settleMillis);
    }

    private static URI server(String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new UsageException("--server must be an https:// URL (the API is served over TLS only).");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new UsageException("--server is the server's address, without a query or credentials.");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--server is not a URL.");
        }
    }

    private static UUID style(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--style is a style's id (a UUID), as the style's page and API show it.");
        }
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UsageException(option + " is a whole number from " + min + " to " + max + ".");
    }

    /** A mistake on the command line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
