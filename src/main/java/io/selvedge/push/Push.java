package io.selvedge.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * {@code java -jar selvedge.jar push --server URL --style ID FILE...}: publishes files as new versions of a
 * style, or with {@code --watch DIR} every file exported into a folder. The API token comes from
 * {@code SELVEDGE_TOKEN} (never the command line, which other users of the machine can read) and is never
 * printed. Exit codes: 0 all pushed, 1 some not, 2 a usage error.
 */
public final class Push {

    /** The command's name, the first word on the command line. */
    public static final String COMMAND = "push";

    static final String TOKEN_VARIABLE = "SELVEDGE_TOKEN";

    static final String USAGE = """
            Usage: java -jar selvedge.jar push --server URL --style ID [options] FILE...
                   java -jar selvedge.jar push --server URL --style ID [options] --watch DIR

            Uploads each FILE as a new version of the style (resumable: a dropped connection or a server
            restart costs a wait, not the bytes already sent). With --watch, pushes every file that appears
            or changes in DIR once it is complete (its size unchanged for the settling time), each once,
            until stopped with Ctrl-C. The API token is read from SELVEDGE_TOKEN.

            Options:
              --server URL          the server, https://HOST[:PORT]
              --style ID            the style's id
              --username NAME       send the token with this username (Basic) instead of as a bearer token
              --ca FILE             also trust the PEM certificate(s) in FILE (a private CA)
              --chunk-size MIB      MiB per request (default 4, at most 64)
              --retries N           tries after a failure before a file is given up (default 12)
              --settle-seconds N    with --watch, how long a file must stay unchanged (default 2)

            Exit codes: 0 all pushed, 1 some not pushed, 2 a usage error.
            """;

    private Push() {}

    /** What the test of a restart hooks into: told after each chunk the server acknowledged. */
    interface Listener {
        Listener NONE = (file, offset, length) -> {};

        void chunkStored(Path file, long offset, long length);

        /** Bytes of a file handed to the connection (a chunk cut short counts what went). */
        default void handed(long bytes) {}
    }

    /** Runs the command; returns the exit code. */
    public static int run(List<String> words, Map<String, String> environment, PrintStream out, boolean console) {
        return run(words, environment, out, console, Listener.NONE, null);
    }

    static int run(
            List<String> words,
            Map<String, String> environment,
            PrintStream out,
            boolean console,
            Listener listener,
            @Nullable Duration longestWait) {
        if (words.contains("--help") || words.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        PushArguments arguments;
        try {
            arguments = PushArguments.parse(words);
        } catch (PushArguments.UsageException e) {
            out.println(e.getMessage());
            out.println();
            out.print(USAGE);
            return 2;
        }
        String token = environment.getOrDefault(TOKEN_VARIABLE, "").strip();
        if (token.isEmpty()) {
            out.println("No API token: set " + TOKEN_VARIABLE + " to a token with the write scope"
                    + " (README, \"API tokens\"). Nothing was pushed.");
            return 1;
        }
        if (!token.matches("[\\x21-\\x7e]+")) {
            out.println(TOKEN_VARIABLE + " does not hold a token (it has spaces or other characters no token has).");
            return 1;
        }
        String authorization = arguments.username() == null
                ? "Bearer " + token
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((arguments.username() + ":" + token).getBytes(StandardCharsets.UTF_8));
        HttpClient http;
        try {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_2)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .sslContext(trusting(arguments.ca()))
                    .build();
        } catch (IOException | GeneralSecurityException e) {
            out.println("Cannot read the certificates of --ca " + arguments.ca() + ": " + e.getMessage());
            return 1;
        }
        Progress progress = new Progress(out, console);
        TusClient client = new TusClient(
                http,
                arguments.server(),
                authorization,
                arguments.chunkBytes(),
                arguments.retries(),
                progress,
                listener);
        if (longestWait != null) {
            client.firstWait = longestWait.dividedBy(4);
            client.longestWait = longestWait;
        }
        try {
            if (arguments.watch() != null) {
                return watch(arguments, client, progress);
            }
            int failed = 0;
            for (Path file : arguments.files()) {
                failed += pushed(file, arguments.style(), client, progress) ? 0 : 1;
            }
            if (arguments.files().size() > 1) {
                out.println((arguments.files().size() - failed) + " of "
                        + arguments.files().size() + " files pushed.");
            }
            return failed == 0 ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("Stopped.");
            return 1;
        }
    }

    private static boolean pushed(Path file, UUID style, TusClient client, Progress progress)
            throws InterruptedException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            progress.failed(file.toString(), "no such readable file");
            return false;
        }
        try {
            client.push(file, style);
            return true;
        } catch (TusClient.Refused refused) {
            progress.failed(file.getFileName().toString(), refused.getMessage());
            return false;
        }
    }

    private static int watch(PushArguments arguments, TusClient client, Progress progress) throws InterruptedException {
        Path folder = java.util.Objects.requireNonNull(arguments.watch());
        if (!Files.isDirectory(folder)) {
            progress.note("--watch " + folder + " is not a folder.");
            return 2;
        }
        progress.note("Watching " + folder + " (files already there are left alone); Ctrl-C stops.");
        try {
            new WatchedFolder(folder, arguments.settleMillis()).watch(file -> {
                try {
                    pushed(file, arguments.style(), client, progress);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } catch (IOException e) {
            progress.note("Cannot read " + folder + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** The system's trusted authorities (the JDK's store), and those of {@code ca} if given. */
    private static SSLContext trusting(@Nullable Path ca) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        if (ca == null) {
            context.init(null, null, null);
            return context;
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        int n = 0;
        for (TrustManager manager : system.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate issuer : x509.getAcceptedIssuers()) {
                    trust.setCertificateEntry("system-" + n++, issuer);
                }
            }
        }
        Collection<? extends Certificate> given;
        try (InputStream in = Files.newInputStream(ca)) {
            given = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (given.isEmpty()) {
            throw new GeneralSecurityException("no PEM certificate in the file");
        }
        for (Certificate certificate : given) {
            trust.setCertificateEntry("given-" + n++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
