package io.selvedge.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * One file as a new version over tus 1.0: {@code POST} creates the upload, {@code PATCH}es send chunks of
 * a few MiB read straight from the file, and after a dropped connection, a 5xx or a server restart the
 * client waits (doubling, with jitter), asks {@code HEAD} for the offset the server kept, and sends from
 * there. A refusal (401, 403, 404, 413…) ends the file at once with the server's own words.
 */
@RequiredArgsConstructor
final class TusClient {

    private static final String TUS = "1.0.0";
    private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpClient http;
    private final URI server;
    private final String authorization;
    private final int chunkBytes;
    private final int retries;
    private final Progress progress;
    private final Push.Listener listener;
    Duration firstWait = Duration.ofSeconds(1);
    Duration longestWait = Duration.ofSeconds(15);
    private @Nullable Boolean sha1Checksums;

    /** Pushes {@code file} as a new version of {@code style}; returns the version's id. */
    UUID push(Path file, UUID style) throws InterruptedException {
        String name = file.getFileName().toString();
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new Refused("cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
        URI upload = create(style, name, length);
        progress.start(name, length, 0);
        long offset = 0;
        UUID version = null;
        int failures = 0;
        while (version == null) {
            HttpResponse<String> response;
            long chunk = Math.min(chunkBytes, length - offset);
            try {
                response = patch(upload, file, offset, chunk);
            } catch (IOException dropped) {
                response = null;
            }
            if (response != null && response.statusCode() == 204) {
                failures = 0;
                offset = number(response, "Upload-Offset");
                version = versionId(response);
                progress.at(offset);
                listener.chunkStored(file, offset, length);
                continue;
            }
            if (response != null && !retryable(response.statusCode())) {
                throw new Refused(refusal(response));
            }
            failures = waitOrGiveUp(failures, response);
            HttpResponse<String> state = head(upload);
            offset = number(state, "Upload-Offset");
            version = versionId(state);
            progress.resumed(offset);
        }
        progress.done(version);
        return version;
    }

    private URI create(UUID style, String name, long length) throws InterruptedException {
        String metadata = "styleId " + base64(style.toString()) + ",filename " + base64(name);
        HttpResponse<String> created = withRetries(() -> request(server.resolve("/api/v1/uploads"))
                .header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", metadata)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (created.statusCode() == 404) {
            throw new Refused("the server knows no style " + style + " that this account may see (404)");
        }
        if (created.statusCode() != 201) {
            throw new Refused(refusal(created));
        }
        return server.resolve(created.headers()
                .firstValue("Location")
                .orElseThrow(() -> new Refused("the server answered without the upload's address")));
    }

    private HttpResponse<String> head(URI upload) throws InterruptedException {
        HttpResponse<String> state = withRetries(() -> request(upload)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        if (state.statusCode() == 404) {
            throw new Refused("the server no longer has this upload: it expired, was ended, or became a version whose"
                    + " answer was lost (check the style's versions before pushing it again)");
        }
        if (state.statusCode() != 200) {
            throw new Refused(refusal(state));
        }
        return state;
    }

    private HttpResponse<String> patch(URI upload, Path file, long offset, long chunk)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(upload)
                .timeout(Duration.ofMinutes(5))
                .header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream");
        if (serverChecksSha1()) {
            request.header("Upload-Checksum", "sha1 " + sha1(file, offset, chunk));
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ChunkStream(file, offset, chunk, this)), chunk);
        return http.send(request.method("PATCH", body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The tus checksum extension, where the server offers it with SHA-1: each chunk carries its digest. */
    private boolean serverChecksSha1() throws InterruptedException {
        if (sha1Checksums == null) {
            HttpResponse<String> options = withRetries(() -> request(server.resolve("/api/v1/uploads"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build());
            sha1Checksums =
                    options.headers().firstValue("Tus-Extension").orElse("").contains("checksum")
                            && options.headers()
                                    .firstValue("Tus-Checksum-Algorithm")
                                    .orElse("")
                                    .contains("sha1");
        }
        return sha1Checksums;
    }

    private HttpResponse<String> withRetries(RequestSource source) throws InterruptedException {
        int failures = 0;
        while (true) {
            HttpResponse<String> response = null;
            try {
                response = http.send(source.request(), HttpResponse.BodyHandlers.ofString());
                if (!retryable(response.statusCode())) {
                    return response;
                }
            } catch (IOException dropped) {
                // waits below, like a 5xx
            }
            failures = waitOrGiveUp(failures, response);
        }
    }

    private int waitOrGiveUp(int failures, @Nullable HttpResponse<String> response) throws InterruptedException {
        if (failures >= retries) {
            throw new Refused(
                    response == null
                            ? "the server could not be reached after " + (retries + 1) + " attempts"
                            : "the server kept answering " + response.statusCode() + " (" + refusal(response) + ")");
        }
        long wait = Math.min(longestWait.toMillis(), firstWait.toMillis() << Math.min(failures, 20));
        Optional<String> retryAfter =
                response == null ? Optional.empty() : response.headers().firstValue("Retry-After");
        if (retryAfter.isPresent() && retryAfter.get().matches("[0-9]{1,4}")) {
            wait = Math.max(wait, Math.min(60_000L, Long.parseLong(retryAfter.get()) * 1000));
        }
        wait += ThreadLocalRandom.current().nextLong(wait / 5 + 1);
        progress.waiting(failures + 1, wait);
        Thread.sleep(wait);
        return failures + 1;
    }

    /** Worth another try: the server is restarting, overloaded, or a checksum saw a damaged chunk. */
    private static boolean retryable(int status) {
        return status == 408 || status == 409 || status == 429 || status == 460 || status >= 500;
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Tus-Resumable", TUS)
                .header("Authorization", authorization);
    }

    private static String refusal(HttpResponse<String> response) {
        Matcher detail = DETAIL.matcher(response.body() == null ? "" : response.body());
        String why = detail.find() ? detail.group(1).replaceAll("\\\\(.)", "$1") : "no details";
        if (response.statusCode() == 401) {
            return "the server refused the token: it is wrong, expired or revoked (401)";
        }
        return why + " (" + response.statusCode() + ")";
    }

    private static long number(HttpResponse<String> response, String header) {
        String value = response.headers().firstValue(header).orElse("");
        if (!value.matches("[0-9]{1,18}")) {
            throw new Refused("the server answered without a valid " + header);
        }
        return Long.parseLong(value);
    }

    private static @Nullable UUID versionId(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Selvedge-Version-Id")
                .map(UUID::fromString)
                .orElse(null);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha1(Path file, long offset, long chunk) {
        try (InputStream in = new ChunkStream(file, offset, chunk, null)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new Refused("cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    private interface RequestSource {
        HttpRequest request();
    }

    /** Why a file was not pushed, in words for the person at the terminal (never the token). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code length} bytes of a file from {@code offset}, read as the connection takes them. */
    private static final class ChunkStream extends InputStream {

        private final FileChannel channel;
        private final @Nullable TusClient counting;
        private long left;

        ChunkStream(Path file, long offset, long length, @Nullable TusClient counting) {
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
            } catch (IOException e) {
                throw new Refused("cannot read the file (" + e.getClass().getSimpleName() + ")");
            }
            this.left = length;
            this.counting = counting;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(buffer, from, (int) Math.min(length, left)));
            if (n < 0) {
                throw new IOException("the file became shorter while it was being pushed");
            }
            left -= n;
            if (counting != null) {
                counting.listener.handed(n);
                counting.progress.sent(n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
