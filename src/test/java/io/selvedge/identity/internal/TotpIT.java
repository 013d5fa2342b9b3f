package io.selvedge.identity.internal;

import static io.selvedge.identity.internal.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.crypto.OneTimeCodes;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** TOTP: enrolment, the code at sign-in (once each, one step of drift), recovery codes, removal, staff enforcement. */
@ExtendWith(TestDatabase.AvailableCondition.class)
class TotpIT {

    static final String PASSWORD = "a bolt of indigo twill";
    static final Pattern SECRET = Pattern.compile("\"secret\":\"([A-Z2-7]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static final Pattern RECOVERY = Pattern.compile("\"([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})\"");

    static final MovableClock clock = new MovableClock();
    static TestServer server;
    static Api api;

    String username;
    String firstToken;

    @BeforeAll
    static void aServer() {
        server = TestServer.with()
                .clock(clock)
                .property("selvedge.sign-in.free-failures-per-address", 10_000)
                // Every test of the class calls from one address: the per-address rate limits are not under test.
                .property("selvedge.protection.rate-limits.enabled", false)
                .start();
        api = new Api(server.client(), server::url);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void aStaffAccountWithAToken() {
        username = "totp-" + UUID.randomUUID().toString().substring(0, 8);
        server.bean(Accounts.class)
                .createStaff(username, server.bean(PasswordEncoder.class).encode(PASSWORD), StaffRole.SUPPORT);
        firstToken = api.tokenFor(username, PASSWORD, "");
        clock.advance(Duration.ofMinutes(5)); // steps no earlier test used
    }

    @Test
    void staffReachOnlyMeAndEnrolmentUntilTheyEnrol() {
        assertThat(api.call("GET", "/api/v1/me", bearer(firstToken)).statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = api.call("GET", "/api/v1/me/tokens", bearer(firstToken));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This account must use MFA", "/api/v1/me/mfa/totp");
        assertThat(api.call("DELETE", "/api/v1/me/sessions", bearer(firstToken)).statusCode())
                .isEqualTo(403);
        assertThat(api.call("GET", "/api/v1/groups", bearer(firstToken)).statusCode())
                .isEqualTo(403);

        String madeBeforeEnrolment = firstToken;
        enrol();

        assertThat(api.call("GET", "/api/v1/me", bearer(madeBeforeEnrolment)).statusCode())
                .as("a token made with the password alone is revoked when MFA is enrolled")
                .isEqualTo(401);
        assertThat(api.call("GET", "/api/v1/me/tokens", bearer(firstToken)).statusCode())
                .isEqualTo(200);
        assertThat(api.call("GET", "/api/v1/me", bearer(firstToken)).body()).contains("\"mfaEnrolled\":true");
    }

    @Test
    void afterEnrolmentATokenNeedsAFreshCodeAndACodeWorksOnce() {
        HttpResponse<String> started = api.send("POST", "/api/v1/me/mfa/totp", bearer(firstToken), "");
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("otpauth://totp/Selvedge%3A" + username, "issuer=Selvedge");
        String secret = secretOf(started);
        assertThat(confirm(secret, "000000").statusCode()).isEqualTo(400);
        assertThat(api.createToken(username, PASSWORD).statusCode())
                .as("not enrolled until confirmed")
                .isEqualTo(201);
        String confirmCode = codeNow(secret, 0);
        HttpResponse<String> confirmed = confirm(secret, confirmCode);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(recoveryCodesOf(confirmed)).hasSize(10).doesNotHaveDuplicates();

        HttpResponse<String> withoutCode = api.createToken(username, PASSWORD);
        assertThat(withoutCode.statusCode()).isEqualTo(401);
        assertThat(withoutCode.body()).contains("uses MFA");
        assertThat(tokenWith(confirmCode).statusCode())
                .as("the code used to confirm")
                .isEqualTo(401);
        assertThat(tokenWithPassword("wrong password", codeNow(secret, 1)).statusCode())
                .isEqualTo(401);

        clock.advance(Duration.ofSeconds(30));
        String fresh = codeNow(secret, 0);
        assertThat(tokenWith(fresh).statusCode()).isEqualTo(201);
        assertThat(tokenWith(fresh).statusCode()).as("the same code twice").isEqualTo(401);
    }

    @Test
    void oneStepOfDriftIsAcceptedTwoAreNot() {
        String secret = enrol().secret();
        clock.advance(Duration.ofMinutes(5));

        assertThat(tokenWith(codeNow(secret, -2)).statusCode()).isEqualTo(401);
        assertThat(tokenWith(codeNow(secret, 2)).statusCode()).isEqualTo(401);
        assertThat(tokenWith(codeNow(secret, -1)).statusCode()).isEqualTo(201);
        assertThat(tokenWith(codeNow(secret, 0)).statusCode()).isEqualTo(201);
        assertThat(tokenWith(codeNow(secret, 1)).statusCode()).isEqualTo(201);
        assertThat(tokenWith(codeNow(secret, 0)).statusCode())
                .as("a step older than one already used")
                .isEqualTo(401);
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        List<String> recovery = enrol().recoveryCodes();

        assertThat(tokenWith(recovery.get(0)).statusCode()).isEqualTo(201);
        assertThat(tokenWith(recovery.get(0)).statusCode()).isEqualTo(401);
        assertThat(tokenWith(recovery.get(1).toUpperCase().replace("-", " ")).statusCode())
                .isEqualTo(201);
        assertThat(tokenWith("aaaa-bbbb-cccc-dddd").statusCode()).isEqualTo(401);
    }

    @Test
    void removingTotpNeedsAFreshCode() {
        Enrolled enrolled = enrol();
        String used = codeNow(enrolled.secret(), 0);

        assertThat(api.send("DELETE", "/api/v1/me/mfa/totp", bearer(firstToken), otp(used))
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.send(
                                "DELETE",
                                "/api/v1/me/mfa/totp",
                                bearer(firstToken),
                                otp(enrolled.recoveryCodes().get(0)))
                        .statusCode())
                .as("a recovery code is not a fresh code")
                .isEqualTo(403);
        clock.advance(Duration.ofSeconds(30));
        assertThat(api.send("DELETE", "/api/v1/me/mfa/totp", bearer(firstToken), otp(codeNow(enrolled.secret(), 0)))
                        .statusCode())
                .isEqualTo(204);

        assertThat(api.createToken(username, PASSWORD).statusCode()).isEqualTo(201);
        assertThat(api.call("GET", "/api/v1/me/tokens", bearer(firstToken)).statusCode())
                .as("staff without MFA again")
                .isEqualTo(403);
    }

    @Test
    void wrongCodesAreThrottledApartFromPasswords() {
        String secret = enrol().secret();
        for (int i = 0; i < 5; i++) {
            assertThat(tokenWith("00000" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = tokenWith(codeNow(secret, 1));
        assertThat(throttled.statusCode()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(30));
        assertThat(tokenWith(codeNow(secret, 0)).statusCode()).isEqualTo(201);
    }

    @Test
    void theSignInPageAsksForTheCode() {
        String secret = enrol().secret();
        clock.advance(Duration.ofSeconds(30));

        java.net.http.HttpClient browser = server.client();
        HttpResponse<String> password =
                WebPages.submitForm(browser, server.url("/signin"), Map.of("username", username, "password", PASSWORD));
        assertThat(password.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin/code"));
        HttpResponse<String> wrong = WebPages.submitForm(browser, server.url("/signin/code"), Map.of("otp", "000000"));
        assertThat(wrong.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin/code?error"));
        assertThat(WebPages.followRedirect(browser, wrong).body()).contains("That code is wrong, or was used already");
        HttpResponse<String> withCode =
                WebPages.submitForm(browser, server.url("/signin/code"), Map.of("otp", codeNow(secret, 0)));
        assertThat(withCode.statusCode()).isEqualTo(302);
        assertThat(withCode.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("signin"));
        assertThat(sessionCookieOf(withCode))
                .as("a new session id after the second step too")
                .isNotBlank()
                .isNotEqualTo(sessionCookieOf(password));
        assertThat(WebPages.followRedirect(browser, withCode).body()).contains("Signed in as <strong>" + username);
    }

    @Test
    void wrongCodesAtTheSignInStepAreThrottledWithAPageSayingTheWait() {
        String secret = enrol().secret();
        java.net.http.HttpClient browser = server.client();
        WebPages.submitForm(browser, server.url("/signin"), Map.of("username", username, "password", PASSWORD));
        for (int i = 0; i < 5; i++) {
            assertThat(WebPages.submitForm(browser, server.url("/signin/code"), Map.of("otp", "00000" + i))
                            .statusCode())
                    .isEqualTo(302);
        }

        HttpResponse<String> throttled =
                WebPages.submitForm(browser, server.url("/signin/code"), Map.of("otp", codeNow(secret, 1)));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("Too many codes failed. Wait");
        assertThat(WebPages.submitForm(
                                server.client(),
                                server.url("/signin"),
                                Map.of("username", username, "password", PASSWORD))
                        .headers()
                        .firstValue("Location"))
                .as("passwords are counted apart")
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin/code"));
    }

    @Test
    void neitherTheSecretNorARecoveryCodeRestsInClear() {
        HttpResponse<String> pending = api.send("POST", "/api/v1/me/mfa/totp", bearer(firstToken), "");
        String pendingSecret = secretOf(pending);
        JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
        assertThat(GlobalStoreScan.occurrences(jdbc, pendingSecret)).isEmpty();

        Enrolled enrolled = enrol();
        List<String> secrets = new ArrayList<>(enrolled.recoveryCodes());
        enrolled.recoveryCodes().forEach(code -> secrets.add(code.replace("-", "")));
        secrets.add(enrolled.secret());
        assertThat(GlobalStoreScan.occurrences(jdbc, secrets.toArray(String[]::new)))
                .isEmpty();
    }

    record Enrolled(String secret, List<String> recoveryCodes) {}

    /** Enrols, then replaces the token (revoked by the enrolment) with one made with a fresh code. */
    private Enrolled enrol() {
        String secret = secretOf(api.send("POST", "/api/v1/me/mfa/totp", bearer(firstToken), ""));
        HttpResponse<String> confirmed = confirm(secret, codeNow(secret, 0));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> token = tokenWith(codeNow(secret, 0));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        firstToken =
                TOKEN.matcher(token.body()).results().findFirst().orElseThrow().group(1);
        return new Enrolled(secret, recoveryCodesOf(confirmed));
    }

    private HttpResponse<String> confirm(String secret, String code) {
        return api.send("POST", "/api/v1/me/mfa/totp/confirm", bearer(firstToken), otp(code));
    }

    private HttpResponse<String> tokenWith(String code) {
        return tokenWithPassword(PASSWORD, code);
    }

    private HttpResponse<String> tokenWithPassword(String password, String code) {
        return api.createToken("{\"username\":\"%s\",\"password\":\"%s\",\"otp\":\"%s\",\"name\":\"laptop\"}"
                .formatted(username, password, code));
    }

    private static String sessionCookieOf(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SELVEDGE_SESSION="))
                .map(cookie -> cookie.substring("SELVEDGE_SESSION=".length(), cookie.indexOf(';')))
                .findFirst()
                .orElse("");
    }

    private static String otp(String code) {
        return "{\"otp\":\"" + code + "\"}";
    }

    private static String codeNow(String secret, int stepsAway) {
        return OneTimeCodes.codeAt(secret, OneTimeCodes.stepAt(clock.instant()) + stepsAway);
    }

    private static String secretOf(HttpResponse<String> started) {
        Matcher secret = SECRET.matcher(started.body());
        assertThat(secret.find()).as(started.body()).isTrue();
        return secret.group(1);
    }

    private static List<String> recoveryCodesOf(HttpResponse<String> confirmed) {
        List<String> codes = new ArrayList<>();
        Matcher code = RECOVERY.matcher(confirmed.body());
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }
}
