package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The web application's scripts call the API with the browser's session: read and write as the person,
 * changes only with the session's CSRF token, never the admin scope, and only once every sign-in step
 * is passed. A request without a cookie or token is still simply unauthenticated.
 */
@SelvedgeIntegrationTest
class BrowserSessionOnApiIT {

    static final String PASSWORD = "a session is not a token";
    static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    @Autowired
    TestServer server;

    @Test
    void aSignedInBrowserReadsAndChangesThroughTheApiWithItsCsrfToken() {
        String username = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        server.signingIn(UUID.randomUUID(), username, PASSWORD, null);
        HttpClient browser = server.client();
        HttpResponse<String> home = WebPages.signIn(browser, server.url("/signin"), username, PASSWORD);
        assertThat(home.statusCode()).isEqualTo(200);

        HttpResponse<String> me = TestHttps.get(browser, server.url("/api/v1/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + username + "\"");

        HttpResponse<String> forged = patchMe(browser, null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> changed = patchMe(browser, csrfTokenOf(home));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("\"displayName\":\"Browser Person\"");

        // the session has the read and write scopes, never admin
        assertThat(TestHttps.get(browser, server.url("/api/v1/admin/groups")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aSessionThatOwesASignInStepIsNotACallerOfTheApi() {
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        server.signingIn(UUID.randomUUID(), username, PASSWORD, "PLATFORM_ADMIN");
        HttpClient browser = server.client();
        HttpResponse<String> enrolment = WebPages.signIn(browser, server.url("/signin"), username, PASSWORD);
        assertThat(enrolment.body()).contains("Your account must use MFA");

        assertThat(TestHttps.get(browser, server.url("/api/v1/me")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void withoutCookieOrTokenTheApiStillAsksForCredentials() {
        HttpClient stranger = server.client();
        assertThat(patchMe(stranger, null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> patchMe(HttpClient browser, String csrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url("/api/v1/me"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Browser Person\"}"));
        if (csrfToken != null) {
            request.header("X-CSRF-TOKEN", csrfToken);
        }
        return TestHttps.send(browser, request.build());
    }

    private static String csrfTokenOf(HttpResponse<String> page) {
        Matcher meta = META_TOKEN.matcher(page.body());
        assertThat(meta.find()).as("the page has the csrf-token meta tag").isTrue();
        return meta.group(1);
    }
}
