package io.selvedge.protection;

import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestMfa;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The load test of issue 17 ({@code bench/run-abuse.sh}, bench/README.md): the packaged jar, its stores on
 * PostgreSQL and its files on disk, a legitimate user browsing, uploading and downloading over HTTP/2, then
 * the same while attackers flood sign-in, a link's password and a search from one address and from many
 * (X-Forwarded-For through the trusted loopback proxy), then the attackers alone once blocked. Prints the
 * user's latencies and throughput, and the server's CPU time per phase (from /proc/pid/stat).
 */
public final class AbuseBench {

    static final String PASSWORD = "a long and quite uncommon passphrase 7319";
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final Pattern URL = Pattern.compile("\"url\":\"[^\"]*/s/([^\"]+)\"");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final String base;
    final SSLContext tls;
    final HttpClient user;
    final AtomicBoolean running = new AtomicBoolean(true);

    /** Requests a second each attacker thread sends at most ({@code ABUSE_ATTACK_RATE}); 0: as fast as answered. */
    final int attackRate = Integer.parseInt(System.getenv().getOrDefault("ABUSE_ATTACK_RATE", "0"));

    public AbuseBench(int port, Path dataDir) {
        this.base = "https://localhost:" + port;
        this.tls = TestHttps.trusting(TestHttps.developmentCertificate(dataDir));
        this.user = client(HttpClient.Version.HTTP_2);
    }

    HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder()
                .sslContext(tls)
                .version(version)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path dataDir = Path.of(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 45;
        System.setProperty("selvedge.test.database", "postgresql");
        Map<String, Object> stores = TestDatabase.storeProperties(List.of("us", "eu", "apac"));
        int port = freePort();
        List<String> command = new ArrayList<>();
        // ABUSE_SERVER_CPUS=0: the server pinned apart from the bench (run-abuse.sh pins the bench with
        // ABUSE_CLIENT_CPUS), so that the attackers' own client work does not take the server's cores, as
        // it would not on a real attack.
        String serverCpus = System.getenv().getOrDefault("ABUSE_SERVER_CPUS", "");
        if (!serverCpus.isBlank()) {
            command.addAll(List.of("taskset", "-c", serverCpus));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        // ABUSE_SERVER_JVM_OPTIONS: more options for the server's JVM, e.g. a flight recording of where it spends
        // its time: -XX:StartFlightRecording=filename=target/abuse.jfr,settings=profile
        String serverOptions = System.getenv().getOrDefault("ABUSE_SERVER_JVM_OPTIONS", "");
        if (!serverOptions.isBlank()) {
            command.addAll(List.of(serverOptions.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jar.toString()));
        stores.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--selvedge.storage.regions=us,eu,apac");
        // The legitimate user runs closed loops: its upload and download limits are raised above its pace.
        command.add("--selvedge.protection.rate-limits.uploads=6000/1m");
        command.add("--selvedge.protection.rate-limits.downloads=6000/1m");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling("selvedge.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SELVEDGE_ENVIRONMENT", "development");
        env.put("SELVEDGE_DATA_DIR", dataDir.toString());
        env.put("SELVEDGE_PORT", Integer.toString(port));
        env.put("SELVEDGE_MANAGEMENT_PORT", Integer.toString(freePort()));
        env.put("SELVEDGE_TRUSTED_PROXIES", "127.0.0.1/32,::1/128");
        env.put("SELVEDGE_GROUP_CREATION", "self-service");
        Process server = builder.start();
        try {
            waitForCertificate(dataDir, server);
            AbuseBench bench = new AbuseBench(port, dataDir);
            bench.waitUntilUp(server);
            bench.run(server.pid(), stores, seconds);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    void run(long pid, Map<String, Object> stores, int seconds) throws Exception {
        Customer designer = customer(stores, "designer");
        Customer attacker = customer(stores, "mallory");
        byte[] small = random(256 * 1024);
        String download = ContentIds.of(send(designer.upload(base, "big.zprj", random(4 * 1024 * 1024))));
        String link = match(
                URL,
                send(designer.post(
                        base,
                        "/api/v1/styles/" + designer.style + "/links",
                        "{\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(1))
                                + "\",\"password\":\"the real link password 42\",\"allowDownload\":false}")));
        System.out.println("== set up: two customers, a 4 MiB version, a share link with a password; attack rate per"
                + " attacker thread: " + (attackRate > 0 ? attackRate + " requests a second" : "as fast as answered"));

        Legit warmUp = new Legit(designer, small, download);
        warmUp.runFor(Duration.ofSeconds(20));
        System.out.println("== warm-up done");

        double idle = cpuOver(pid, Duration.ofSeconds(10), () -> sleep(Duration.ofSeconds(10)));
        Legit quiet = new Legit(designer, small, download);
        double quietCpu = cpuOver(pid, Duration.ofSeconds(seconds), () -> quiet.runFor(Duration.ofSeconds(seconds)));
        report("without attack", quiet, quietCpu, seconds);

        List<Attacker> attackers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attackers.add(new Attacker(i, false, attacker, link));
            attackers.add(new Attacker(i, true, attacker, link));
        }
        List<Thread> threads = new ArrayList<>();
        for (Attacker each : attackers) {
            Thread thread = new Thread(each, "attacker-" + threads.size());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        Legit attacked = new Legit(designer, small, download);
        double attackedCpu =
                cpuOver(pid, Duration.ofSeconds(seconds), () -> attacked.runFor(Duration.ofSeconds(seconds)));
        report("under attack", attacked, attackedCpu, seconds);
        Attacker.report("attackers during the attack", attackers);

        attackers.forEach(Attacker::reset);
        double aloneCpu = cpuOver(pid, Duration.ofSeconds(20), () -> sleep(Duration.ofSeconds(20)));
        Attacker.report("attackers alone, 20 s after the attack phase", attackers);
        cpuPerRequest("both attackers alone", idle, aloneCpu, attackers);

        // The blocked flood on its own: the 64 addresses stop, so the CPU measured is the refusals' only.
        attackers.stream().filter(a -> a.manyAddresses).forEach(a -> a.stopped = true);
        sleep(Duration.ofSeconds(2));
        attackers.forEach(Attacker::reset);
        double blockedCpu = cpuOver(pid, Duration.ofSeconds(20), () -> sleep(Duration.ofSeconds(20)));
        running.set(false);
        Attacker.report("the blocked attacker alone, 20 s", attackers);
        cpuPerRequest("the blocked attacker alone", idle, blockedCpu, attackers);
    }

    static void cpuPerRequest(String phase, double idle, double cpu, List<Attacker> attackers) {
        long requests = attackers.stream().mapToLong(a -> a.sent.sum()).sum();
        System.out.printf(
                "server CPU, %s: idle %.3f cores; %.3f cores (%.3f above idle), %d requests, %.0f req/s,"
                        + " %.1f µs CPU each above idle; bench client CPU %.2f cores; load average %s%n",
                phase,
                idle,
                cpu,
                cpu - idle,
                requests,
                requests / 20.0,
                requests == 0 ? 0 : (cpu - idle) * 20 * 1e6 / requests,
                clientCores,
                load());
    }

    void report(String phase, Legit legit, double cpu, int seconds) {
        List<Long> all = new ArrayList<>(legit.latencies);
        Collections.sort(all);
        System.out.printf(
                "%s: %d operations in %d s (%.1f ops/s, %.1f MB/s), p50 %.1f ms, p99 %.1f ms, errors %d;"
                        + " per kind p50/p99: browse %s, upload %s, download %s; server CPU %.2f cores,"
                        + " bench client CPU %.2f cores, load average %s%n",
                phase,
                all.size(),
                seconds,
                all.size() / (double) seconds,
                legit.bytes.sum() / 1e6 / seconds,
                percentile(all, 50),
                percentile(all, 99),
                legit.errors.sum(),
                legit.kind("browse"),
                legit.kind("upload"),
                legit.kind("download"),
                cpu,
                clientCores,
                load());
    }

    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    /** The legitimate user: two threads, each browsing a style's versions, uploading 256 KiB, downloading 4 MiB. */
    final class Legit {

        final Customer customer;
        final byte[] small;
        final String version;
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final Map<String, List<Long>> byKind = new ConcurrentHashMap<>();
        final LongAdder bytes = new LongAdder();
        final LongAdder errors = new LongAdder();

        Legit(Customer customer, byte[] small, String version) {
            this.customer = customer;
            this.small = small;
            this.version = version;
        }

        void runFor(Duration length) {
            long end = System.nanoTime() + length.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        timed("browse", customer.get(base, "/api/v1/styles/" + customer.style + "/versions"), 0);
                        timed("upload", customer.upload(base, "v.zprj", small), small.length);
                        timed("download", customer.get(base, "/api/v1/versions/" + version + "/content"), 0);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void timed(String kind, HttpRequest request, long sent) {
            long start = System.nanoTime();
            try {
                HttpResponse<InputStream> response = user.send(request, HttpResponse.BodyHandlers.ofInputStream());
                long received;
                try (InputStream body = response.body()) {
                    received = body.transferTo(java.io.OutputStream.nullOutputStream());
                }
                long took = System.nanoTime() - start;
                if (response.statusCode() / 100 != 2) {
                    errors.increment();
                    return;
                }
                latencies.add(took);
                byKind.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(took);
                bytes.add(received + sent);
            } catch (IOException | InterruptedException e) {
                errors.increment();
            }
        }

        String kind(String kind) {
            List<Long> sorted = new ArrayList<>(byKind.getOrDefault(kind, List.of()));
            Collections.sort(sorted);
            return "%.1f/%.1f ms".formatted(percentile(sorted, 50), percentile(sorted, 99));
        }
    }

    /** An attacker thread: sign-in guesses, link-password guesses and searches, from one address or many. */
    final class Attacker implements Runnable {

        final int number;
        final boolean manyAddresses;
        final Customer account;
        final String link;
        final HttpClient client = client(HttpClient.Version.HTTP_1_1);
        final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        final LongAdder sent = new LongAdder();
        volatile boolean stopped;
        String csrf;

        Attacker(int number, boolean manyAddresses, Customer account, String link) {
            this.number = number;
            this.manyAddresses = manyAddresses;
            this.account = account;
            this.link = link;
        }

        String address() {
            return manyAddresses
                    ? "10.66." + ThreadLocalRandom.current().nextInt(0, 2) + "." + ThreadLocalRandom.current().nextInt(1, 33)
                    : "203.0.113.66";
        }

        @Override
        public void run() {
            long n = 0;
            long next = System.nanoTime();
            while (running.get() && !stopped) {
                if (attackRate > 0) { // paced: 1 / rate seconds apart at least, no catching up after slow answers
                    long now = System.nanoTime();
                    if (next > now) {
                        sleep(Duration.ofNanos(next - now));
                    }
                    next = Math.max(next, now) + 1_000_000_000L / attackRate;
                }
                String address = address();
                HttpRequest request = switch ((int) (n++ % 3)) {
                    case 0 -> HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", address)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"user" + (n % 500)
                                    + "\",\"password\":\"guess " + n + "\",\"name\":\"x\"}"))
                            .build();
                    case 1 -> linkGuess(address, n);
                    default -> HttpRequest.newBuilder(
                                    URI.create(base + "/api/v1/groups/" + account.group + "/search?q=coat"))
                            .header("Authorization", "Bearer " + account.token)
                            .header("X-Forwarded-For", address)
                            .GET()
                            .build();
                };
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    String kind = response.statusCode() == 429 && response.body().contains("blocked after")
                            ? "429 blocked"
                            : Integer.toString(response.statusCode());
                    answers.computeIfAbsent(kind, k -> new LongAdder()).increment();
                } catch (IOException e) {
                    answers.computeIfAbsent("io-error", k -> new LongAdder()).increment();
                } catch (InterruptedException e) {
                    return;
                }
                sent.increment();
            }
        }

        HttpRequest linkGuess(String address, long n) {
            if (csrf == null) {
                try {
                    HttpResponse<String> page = client.send(
                            HttpRequest.newBuilder(URI.create(base + "/s/" + link))
                                    .header("X-Forwarded-For", address)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher token = CSRF.matcher(page.body());
                    csrf = token.find() ? token.group(1) : "";
                } catch (IOException | InterruptedException e) {
                    csrf = "";
                }
            }
            String form = "password=" + URLEncoder.encode("guess " + n, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            return HttpRequest.newBuilder(URI.create(base + "/s/" + link))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
        }

        void reset() {
            answers.clear();
            sent.reset();
        }

        static void report(String phase, List<Attacker> attackers) {
            for (boolean many : new boolean[] {false, true}) {
                Map<String, Long> total = new java.util.TreeMap<>();
                long sent = 0;
                for (Attacker attacker : attackers) {
                    if (attacker.manyAddresses == many) {
                        attacker.answers.forEach((k, v) -> total.merge(k, v.sum(), Long::sum));
                        sent += attacker.sent.sum();
                    }
                }
                System.out.printf(
                        "%s, %s: %d requests, answers %s%n",
                        phase, many ? "64 addresses (X-Forwarded-For)" : "one address", sent, total);
            }
        }
    }

    /** A customer with an MFA-enrolled API token, a group, and a style in it. */
    public record Customer(String token, String group, String style) {

        HttpRequest get(String base, String path) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build();
        }

        HttpRequest post(String base, String path, String json) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
        }

        HttpRequest upload(String base, String filename, byte[] body) {
            return HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/styles/" + style + "/versions?filename=" + filename))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        }
    }

    /** An account written into the global store (as the test fixtures do), then everything else over HTTPS. */
    public Customer customer(Map<String, Object> stores, String name) throws Exception {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection global = DriverManager.getConnection(
                        (String) stores.get("selvedge.storage.global.jdbc-url"),
                        (String) stores.get("selvedge.storage.global.username"),
                        (String) stores.get("selvedge.storage.global.password"));
                PreparedStatement insert = global.prepareStatement(
                        "insert into account (id, username, password_hash, status, created_at)"
                                + " values (?, ?, ?, 'ACTIVE', ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, username);
            insert.setString(3, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(PASSWORD));
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        String token = TestMfa.enrol(user, path -> URI.create(base + path), Clock.systemUTC(), username, PASSWORD)
                .token();
        Customer none = new Customer(token, null, null);
        String group = match(ID, send(none.post(base, "/api/v1/groups", "{\"name\":\"Maison\",\"region\":\"eu\"}")));
        String company = match(ID, send(none.post(base, "/api/v1/groups/" + group + "/companies", "{\"name\":\"Co\"}")));
        String brand = match(ID, send(none.post(base, "/api/v1/companies/" + company + "/brands", "{\"name\":\"Br\"}")));
        String season = match(ID, send(none.post(base, "/api/v1/brands/" + brand + "/seasons", "{\"name\":\"SS\"}")));
        String workroom =
                match(ID, send(none.post(base, "/api/v1/seasons/" + season + "/workrooms", "{\"name\":\"Wr\"}")));
        String style =
                match(ID, send(none.post(base, "/api/v1/workrooms/" + workroom + "/styles", "{\"name\":\"Coat\"}")));
        return new Customer(token, group, style);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return user.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String match(Pattern pattern, HttpResponse<String> response) {
        Matcher matcher = pattern.matcher(response.body());
        if (response.statusCode() / 100 != 2 || !matcher.find()) {
            throw new IllegalStateException(
                    response.request().method() + " " + response.uri().getPath() + " answered " + response.statusCode()
                            + ": " + response.body());
        }
        return matcher.group(1);
    }

    static final class ContentIds {
        static String of(HttpResponse<String> response) {
            return match(ID, response);
        }
    }

    /** The process's CPU time (user + system, all threads) over {@code length} while {@code work} runs, in cores. */
    /** The bench's own CPU (its clients, attackers included) over the last {@link #cpuOver} window, in cores. */
    static volatile double clientCores;

    static double cpuOver(long pid, Duration length, Runnable work) throws IOException {
        long self = ProcessHandle.current().pid();
        long before = cpuTicks(pid);
        long selfBefore = cpuTicks(self);
        long start = System.nanoTime();
        work.run();
        long elapsed = Math.max(System.nanoTime() - start, length.toNanos() / 2);
        long after = cpuTicks(pid);
        clientCores = (cpuTicks(self) - selfBefore) / 100.0 / (elapsed / 1e9);
        return (after - before) / 100.0 / (elapsed / 1e9); // USER_HZ is 100 on Linux
    }

    /** The machine's load averages (1, 5, 15 minutes), as other processes share its cores. */
    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    }

    static void sleep(Duration length) {
        try {
            Thread.sleep(length.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void waitForCertificate(Path dataDir, Process server) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try {
                TestHttps.developmentCertificate(dataDir);
                if (Files.exists(TestHttps.developmentCertificate(dataDir))) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not written yet
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("the server ended; see selvedge.log beside the data directory");
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no certificate after 5 minutes");
    }

    public void waitUntilUp(Process server) throws InterruptedException {
        AtomicLong tries = new AtomicLong();
        while (tries.incrementAndGet() < 600) {
            try {
                if (user.send(
                                        HttpRequest.newBuilder(URI.create(base + "/healthz"))
                                                .GET()
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("the server ended; see selvedge.log beside the data directory");
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not answer within 5 minutes");
    }
}
