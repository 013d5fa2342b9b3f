package io.selvedge.testing;

import io.selvedge.crypto.OneTimeCodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TOTP enrolment over the API, as a client with a password does it: a group admin must use MFA (the group
 * security policy), so tests whose account creates a group enrol first. Enrolment revokes the account's
 * older tokens, and a code works once, so new tokens are made with the recovery codes the enrolment
 * answered, one each.
 */
public final class TestMfa {

    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([A-Z2-7]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern RECOVERY = Pattern.compile("\"([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})\"");

    private final HttpClient client;
    private final Function<String, URI> urls;
    private final String username;
    private final String password;
    private final Deque<String> recoveryCodes = new ArrayDeque<>();

    private TestMfa(HttpClient client, Function<String, URI> urls, String username, String password) {
        this.client = client;
        this.urls = urls;
        this.username = username;
        this.password = password;
    }

    /**
     * Enrols TOTP for the account: starts with a password-only token, confirms with the current code of the
     * server's {@code clock}; the account then makes tokens with {@link #token(String, String)}.
     */
    public static TestMfa enrol(
            HttpClient client, Function<String, URI> urls, Clock clock, String username, String password) {
        TestMfa account = new TestMfa(client, urls, username, password);
        String firstToken = match(
                TOKEN,
                account.send(
                        "/api/v1/auth/tokens",
                        null,
                        "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"before MFA\"}"
                                .formatted(username, password)),
                201);
        String secret = match(SECRET, account.send("/api/v1/me/mfa/totp", firstToken, ""), 200);
        String code = OneTimeCodes.codeAt(secret, OneTimeCodes.stepAt(clock.instant()));
        HttpResponse<String> confirmed =
                account.send("/api/v1/me/mfa/totp/confirm", firstToken, "{\"otp\":\"" + code + "\"}");
        expect(confirmed, 200);
        Matcher recovery = RECOVERY.matcher(confirmed.body());
        while (recovery.find()) {
            account.recoveryCodes.add(recovery.group(1));
        }
        if (account.recoveryCodes.isEmpty()) {
            throw new AssertionError("no recovery codes in the confirmation");
        }
        return account;
    }

    /** A new token made with the password and an unused recovery code; extraJson is added to the request. */
    public String token(String name, String extraJson) {
        String otp = recoveryCodes.pop();
        return match(
                TOKEN,
                send(
                        "/api/v1/auth/tokens",
                        null,
                        "{\"username\":\"%s\",\"password\":\"%s\",\"otp\":\"%s\",\"name\":\"%s\"%s}"
                                .formatted(username, password, otp, name, extraJson)),
                201);
    }

    /** A new token with every scope. */
    public String token() {
        return token("ci", "");
    }

    private HttpResponse<String> send(String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(urls.apply(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return TestHttps.send(client, request.build());
    }

    private static String match(Pattern pattern, HttpResponse<String> response, int status) {
        expect(response, status);
        Matcher matcher = pattern.matcher(response.body());
        if (!matcher.find()) {
            throw new AssertionError("nothing like " + pattern + " in " + response.body());
        }
        return matcher.group(1);
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(
                    response.request().method() + " " + response.request().uri().getPath() + " answered "
                            + response.statusCode() + ", not " + status + ": " + response.body());
        }
    }
}
