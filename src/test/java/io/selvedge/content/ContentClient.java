package io.selvedge.content;

import io.selvedge.storage.Stores;
import io.selvedge.testing.Customers;
import io.selvedge.testing.TestMfa;
import io.selvedge.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An API client over real HTTPS, as a script would be: a customer account with a password, an API
 * token made with it, then a group's tree down to one style, all through the API.
 */
public final class ContentClient {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static final String PASSWORD = "a long and quite uncommon passphrase 7319";

    private final HttpClient client;
    private final String baseUrl;
    private final String token;
    public final String username;
    public final String style;
    public final String group;

    private ContentClient(
            HttpClient client, String baseUrl, String token, String username, String group, String style) {
        this.client = client;
        this.username = username;
        this.baseUrl = baseUrl;
        this.token = token;
        this.group = group;
        this.style = style;
    }

    /** A new customer on the server, with a group in {@code region} and one style in it. */
    public static ContentClient aCustomerWithAStyle(TestServer server, String region) {
        return aCustomerWithAStyle(server::bean, server.client(), server.port(), region);
    }

    /** The same on the server an integration test shares ({@code beans} its context's, on {@code port}). */
    public static ContentClient aCustomerWithAStyle(
            Function<Class<?>, Object> beans, HttpClient client, int port, String region) {
        String username = "designer-" + UUID.randomUUID().toString().substring(0, 8);
        Customers.signingIn(
                new JdbcTemplate(((Stores) beans.apply(Stores.class)).global().dataSource()),
                UUID.randomUUID(),
                username,
                ((PasswordEncoder) beans.apply(PasswordEncoder.class)).encode(PASSWORD),
                null);
        Clock clock = (Clock) beans.apply(Clock.class);
        String base = "https://localhost:" + port;
        // The creator of the group is its admin, who must use MFA: the account enrols before it acts.
        String token = TestMfa.enrol(client, path -> URI.create(base + path), clock, username, PASSWORD)
                .token();
        ContentClient anonymous = new ContentClient(client, base, token, username, null, null);
        String group = anonymous.create("/api/v1/groups", "{\"name\":\"Maison\",\"region\":\"" + region + "\"}");
        String company = anonymous.create("/api/v1/groups/" + group + "/companies", "{\"name\":\"Co\"}");
        String brand = anonymous.create("/api/v1/companies/" + company + "/brands", "{\"name\":\"Br\"}");
        String season = anonymous.create("/api/v1/brands/" + brand + "/seasons", "{\"name\":\"SS\"}");
        String workroom = anonymous.create("/api/v1/seasons/" + season + "/workrooms", "{\"name\":\"Wr\"}");
        String style = anonymous.create("/api/v1/workrooms/" + workroom + "/styles", "{\"name\":\"Coat\"}");
        return new ContentClient(client, base, token, username, group, style);
    }

    /** The same account and style against a restarted server (on another port). */
    public ContentClient against(TestServer server) {
        return new ContentClient(server.client(), "https://localhost:" + server.port(), token, username, group, style);
    }

    /** The API token, for a client outside this JVM ({@code bench/run-transfer.sh}'s curl). */
    public String token() {
        return token;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(client, request);
    }

    public HttpResponse<InputStream> stream(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** A request of the tus 1.0 protocol (every request of it but OPTIONS names the version). */
    public HttpRequest.Builder tus(String path) {
        return request(path).header("Tus-Resumable", "1.0.0");
    }

    /** Creates an upload of {@code length} bytes for the style, with a filename if one is given. */
    public HttpResponse<String> createUpload(String styleId, long length, @Nullable String filename) {
        String metadata = (filename == null ? "" : "filename " + base64(filename) + ",") + "styleId " + base64(styleId);
        return send(tus("/api/v1/uploads")
                .header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", metadata)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** A chunk sent at the upload's {@code offset}, its bytes from {@code body}. */
    public HttpRequest chunk(String upload, long offset, HttpRequest.BodyPublisher body) {
        return tus(upload)
                .header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", body)
                .build();
    }

    /** Sends {@code length} bytes of {@code whole} from {@code from} as a chunk at the upload's {@code offset}. */
    public HttpResponse<String> patch(String upload, long offset, byte[] whole, int from, int length) {
        return send(chunk(upload, offset, HttpRequest.BodyPublishers.ofByteArray(whole, from, length)));
    }

    /** Asks how far the upload has come. */
    public HttpResponse<String> head(String upload) {
        return send(
                tus(upload).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A value of tus metadata: base64. */
    public static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    String create(String path, String json) {
        return match(
                ID,
                send(request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build()));
    }

    public static String idOf(HttpResponse<String> response) {
        return match(ID, response);
    }

    private static String match(Pattern pattern, HttpResponse<String> response) {
        Matcher matcher = pattern.matcher(response.body());
        if (response.statusCode() / 100 != 2 || !matcher.find()) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return matcher.group(1);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
