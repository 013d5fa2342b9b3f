package io.selvedge.identity.internal;

import io.selvedge.testing.TestHttps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;

/** What an API client does, for the tests of this package. */
@RequiredArgsConstructor
final class Api {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private final HttpClient client;
    private final Function<String, URI> urls;

    HttpResponse<String> createToken(String json) {
        return TestHttps.send(
                client,
                HttpRequest.newBuilder(urls.apply("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    HttpResponse<String> createToken(String username, String password) {
        return createToken(
                "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"laptop\"}".formatted(username, password));
    }

    /** A new token's secret; fails the test if the answer is not 201. */
    String tokenFor(String username, String password, String extraJson) {
        HttpResponse<String> created = createToken(
                "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"ci\"%s}".formatted(username, password, extraJson));
        if (created.statusCode() != 201) {
            throw new AssertionError("token creation answered " + created.statusCode() + ": " + created.body());
        }
        return tokenOf(created);
    }

    HttpResponse<String> call(String method, String path, String authorization) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(urls.apply(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return TestHttps.send(client, request.build());
    }

    HttpResponse<String> send(String method, String path, String authorization, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(urls.apply(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return TestHttps.send(client, request.build());
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String basic(String username, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String tokenOf(HttpResponse<String> created) {
        Matcher token = TOKEN.matcher(created.body());
        if (!token.find()) {
            throw new AssertionError("no token in " + created.body());
        }
        return token.group(1);
    }

    static String idOf(HttpResponse<String> created) {
        Matcher id = ID.matcher(created.body());
        if (!id.find()) {
            throw new AssertionError("no id in " + created.body());
        }
        return id.group(1);
    }
}
