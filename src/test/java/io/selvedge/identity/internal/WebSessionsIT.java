package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Web sessions: safe cookies, a new id at sign-in, and their owner sees and ends them. */
@SelvedgeIntegrationTest
class WebSessionsIT {

    static final String PASSWORD = "raw denim softens with wear";
    static final Pattern END_BUTTON = Pattern.compile("/account/sessions/([0-9a-f]{32})/end");

    @Autowired
    TestServer server;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    String username;

    @BeforeEach
    void anAccount() {
        username = "web-" + UUID.randomUUID().toString().substring(0, 8);
        // a customer: staff must enrol in MFA before the API lets them list sessions (TotpIT)
        server.signingIn(UUID.randomUUID(), username, PASSWORD, null);
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyLaxAndChangesAtSignIn() {
        HttpClient browser = browser();
        HttpResponse<String> page = TestHttps.get(browser, server.url("/signin"));
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("SELVEDGE_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("; Secure", "; HttpOnly", "; SameSite=Lax");
        String before = sessionIdOf(browser);

        signIn(browser);

        assertThat(sessionIdOf(browser)).isNotBlank().isNotEqualTo(before);
    }

    @Test
    void theOwnerSeesEverySessionAndEndsAnother() {
        HttpClient laptop = browser();
        HttpClient phone = browser();
        signIn(laptop);
        signIn(phone);

        HttpResponse<String> page = TestHttps.get(laptop, server.url("/account/sessions"));
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> handles = handlesOn(page);
        assertThat(handles).hasSize(2);
        assertThat(page.body()).contains("this browser").doesNotContain(sessionIdOf(laptop), sessionIdOf(phone));
        String phoneSession = currentHandleOn(TestHttps.get(phone, server.url("/account/sessions")));

        HttpResponse<String> ended = WebPages.post(
                laptop,
                server.url("/account/sessions/" + phoneSession + "/end"),
                Map.of("_csrf", WebPages.csrfTokenOf(page)));
        assertThat(ended.statusCode()).isEqualTo(302);

        assertSignedOut(phone);
        assertThat(TestHttps.get(laptop, server.url("/")).statusCode()).isEqualTo(200);
        assertThat(handlesOn(TestHttps.get(laptop, server.url("/account/sessions"))))
                .hasSize(1);
    }

    @Test
    void signingOutEverywhereEndsEverySession() {
        HttpClient laptop = browser();
        HttpClient phone = browser();
        signIn(laptop);
        signIn(phone);

        HttpResponse<String> page = TestHttps.get(laptop, server.url("/account/sessions"));
        HttpResponse<String> ended = WebPages.post(
                laptop, server.url("/account/sessions/end-all"), Map.of("_csrf", WebPages.csrfTokenOf(page)));
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin?signedOut"));

        assertSignedOut(laptop);
        assertSignedOut(phone);
    }

    @Test
    void theApiListsAndEndsTheWebSessions() {
        HttpClient laptop = browser();
        signIn(laptop);
        Api api = new Api(server.client(), server::url);
        String token = api.tokenFor(username, PASSWORD, "");

        HttpResponse<String> list = api.call("GET", "/api/v1/me/sessions", Api.bearer(token));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"items\":[{\"id\":\"").doesNotContain(sessionIdOf(laptop));
        String handle = Api.idOf(list);

        assertThat(api.call("DELETE", "/api/v1/me/sessions/" + handle, Api.bearer(token))
                        .statusCode())
                .isEqualTo(204);
        assertSignedOut(laptop);
        assertThat(api.call("DELETE", "/api/v1/me/sessions/" + handle, Api.bearer(token))
                        .statusCode())
                .isEqualTo(404);

        HttpClient phone = browser();
        signIn(phone);
        assertThat(api.call("DELETE", "/api/v1/me/sessions", Api.bearer(token)).statusCode())
                .isEqualTo(204);
        assertSignedOut(phone);
    }

    /**
     * A session's attributes rest encrypted; one stored in clear (before they were encrypted, or written
     * straight into the table) or altered is not trusted: it reads as absent, and its owner is signed out
     * rather than met with an error.
     */
    @Test
    void anAttributeStoredInClearOrAlteredReadsAsAbsent() {
        HttpClient laptop = browser();
        HttpClient phone = browser();
        signIn(laptop);
        signIn(phone);
        String context =
                org.springframework.security.web.context.HttpSessionSecurityContextRepository
                        .SPRING_SECURITY_CONTEXT_KEY;
        byte[] stored = attributeOf(laptop, context);
        assertThat(stored).isNotEmpty();
        assertThat(java.util.Arrays.copyOf(stored, 2))
                .as("no Java serialisation stream in clear")
                .isNotEqualTo(new byte[] {(byte) 0xAC, (byte) 0xED});

        byte[] inClear = new org.springframework.core.serializer.support.SerializingConverter()
                .convert(new org.springframework.security.core.context.SecurityContextImpl(
                        org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                                username, null, List.of())));
        replaceAttribute(laptop, context, inClear);
        byte[] altered = attributeOf(phone, context).clone();
        altered[altered.length - 1] ^= 1;
        replaceAttribute(phone, context, altered);

        assertSignedOut(laptop);
        assertSignedOut(phone);
    }

    @Test
    void theSessionTableHoldsNoCookieValueOnlyItsHashAndTheSessionStillWorks() {
        HttpClient browser = browser();
        signIn(browser);
        String cookie = sessionIdOf(browser);
        String secret = secretOf(browser);
        assertThat(secret).hasSize(43); // 256 random bits, Base64url

        List<String> stored = new java.util.ArrayList<>();
        jdbc.query("select * from spring_session", row -> {
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                stored.add(String.valueOf(row.getObject(column)));
            }
        });
        assertThat(stored).isNotEmpty().noneMatch(value -> value.contains(secret) || value.contains(cookie));
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session where session_id = ? and principal_name = ?",
                        Integer.class,
                        HashedSessionIds.hash(secret),
                        username))
                .isOne();

        assertThat(asBrowser(browser, server.url("/")).statusCode()).isEqualTo(200);
        assertThat(sessionIdOf(browser)).as("the cookie still holds the secret").isEqualTo(cookie);
        // A cookie holding the stored hash opens nothing.
        HttpClient thief = browser();
        ((CookieManager) thief.cookieHandler().orElseThrow())
                .getCookieStore()
                .add(
                        server.url("/"),
                        sessionCookie(java.util.Base64.getEncoder()
                                .encodeToString(HashedSessionIds.hash(secret)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertSignedOut(thief);
    }

    private static HttpCookie sessionCookie(String value) {
        HttpCookie cookie = new HttpCookie("SELVEDGE_SESSION", value);
        cookie.setPath("/");
        cookie.setSecure(true);
        cookie.setVersion(0);
        return cookie;
    }

    private byte[] attributeOf(HttpClient browser, String name) {
        return jdbc.queryForObject(
                "select attribute_bytes from spring_session_attributes a join spring_session s"
                        + " on s.primary_id = a.session_primary_id where s.session_id = ? and a.attribute_name = ?",
                byte[].class,
                storedSessionIdOf(browser),
                name);
    }

    private void replaceAttribute(HttpClient browser, String name, byte[] bytes) {
        assertThat(jdbc.update(
                        "update spring_session_attributes set attribute_bytes = ? where attribute_name = ? and"
                                + " session_primary_id = (select primary_id from spring_session where session_id = ?)",
                        bytes,
                        name,
                        storedSessionIdOf(browser)))
                .isOne();
    }

    /** The cookie carries the session's secret Base64-encoded; the table holds its SHA-256. */
    private static String storedSessionIdOf(HttpClient browser) {
        return HashedSessionIds.hash(secretOf(browser));
    }

    private static String secretOf(HttpClient browser) {
        return new String(
                java.util.Base64.getDecoder().decode(sessionIdOf(browser)), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void signIn(HttpClient browser) {
        assertThat(WebPages.signIn(browser, server.url("/signin"), username, PASSWORD)
                        .body())
                .contains("Signed in as");
    }

    private void assertSignedOut(HttpClient browser) {
        HttpResponse<String> home = asBrowser(browser, server.url("/"));
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin"));
    }

    /** A browser asks for HTML, and is sent to the sign-in page (a client asking for anything gets a 401). */
    static HttpResponse<String> asBrowser(HttpClient browser, URI uri) {
        return TestHttps.send(
                browser,
                java.net.http.HttpRequest.newBuilder(uri)
                        .header("Accept", "text/html")
                        .build());
    }

    private static List<String> handlesOn(HttpResponse<String> page) {
        return handlesIn(page.body());
    }

    private static List<String> handlesIn(String html) {
        Matcher button = END_BUTTON.matcher(html);
        List<String> handles = new java.util.ArrayList<>();
        while (button.find()) {
            handles.add(button.group(1));
        }
        return handles;
    }

    private static String currentHandleOn(HttpResponse<String> page) {
        for (String row : page.body().split("<tr>")) {
            if (row.contains("this browser")) {
                return handlesIn(row).get(0);
            }
        }
        throw new AssertionError("no session is marked as this browser's");
    }

    private HttpClient browser() {
        return server.client();
    }

    private static String sessionIdOf(HttpClient browser) {
        CookieManager cookies = (CookieManager) browser.cookieHandler().orElseThrow();
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("SELVEDGE_SESSION"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }
}
