package io.selvedge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What a browser does with the server-rendered pages: read a form's CSRF token, post the form. */
public final class WebPages {

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private WebPages() {}

    /** The hidden {@code _csrf} input of the page; fails the test if the page has none. */
    public static String csrfTokenOf(HttpResponse<String> page) {
        Matcher input = CSRF_INPUT.matcher(page.body());
        assertThat(input.find())
                .as("the page at %s has a _csrf hidden input", page.uri())
                .isTrue();
        return input.group(1);
    }

    /** Opens the page at {@code uri} and submits its form with the given fields and its CSRF token. */
    public static HttpResponse<String> submitForm(HttpClient browser, URI uri, Map<String, String> fields) {
        HttpResponse<String> page = TestHttps.get(browser, uri);
        assertThat(page.statusCode()).as("GET %s", uri).isEqualTo(200);
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfTokenOf(page));
        return post(browser, uri, withToken);
    }

    public static HttpResponse<String> post(HttpClient browser, URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return TestHttps.send(
                browser,
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    /** Signs in through the sign-in page and returns the page the redirect leads to. */
    /** A JSON POST from the page's script: the session's cookies and its CSRF token in the header. */
    public static HttpResponse<String> postJson(HttpClient browser, URI uri, String json, String csrf) {
        return TestHttps.send(
                browser,
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("X-CSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    public static HttpResponse<String> signIn(HttpClient browser, URI signInPage, String username, String password) {
        HttpResponse<String> answer =
                submitForm(browser, signInPage, Map.of("username", username, "password", password));
        assertThat(answer.statusCode()).as("the sign-in form's answer").isEqualTo(302);
        return followRedirect(browser, answer);
    }

    public static HttpResponse<String> followRedirect(HttpClient browser, HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return TestHttps.get(browser, redirect.uri().resolve(location));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
