package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.SignedJWT;
import io.selvedge.access.Grant;
import io.selvedge.access.Grants;
import io.selvedge.access.Role;
import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.PasswordSignInPolicy;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestMfa;
import io.selvedge.testing.TestOidc;
import io.selvedge.testing.WebPages;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * Signing in through a real OIDC provider (mock-oauth2-server over TLS in the test JVM): the address first
 * on the sign-in page, the provider, then a full web session; the managed account made just in time with
 * the roles its IdP groups map to; and every forged or broken answer refused with 401, no session and no
 * account, its reason on the group's trail.
 */
@SelvedgeIntegrationTest
class OidcSignInIT {

    @LocalServerPort
    int port;

    @Value("${selvedge.data-dir}")
    Path dataDir;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    Grants grants;

    @Autowired
    AuditTrail audit;

    @Autowired
    AccountRegistration registration;

    @Autowired
    PasswordSignInPolicy passwordSignIns;

    @Autowired
    ApiCalls api;

    Account admin;
    String[] tree;
    String group;
    String domain;
    String issuerId;
    String connection;

    @BeforeEach
    void aGroupConnectedToItsProvider() throws Exception {
        admin = api.customers().aCustomer("admin");
        tree = api.tree(admin, "Maison");
        group = tree[0];
        domain = api.aVerifiedDomain(admin, group, "maison");
        issuerId = "idp-" + UUID.randomUUID().toString().substring(0, 8);
        connection = connect(null);
    }

    @Test
    void theFirstSignInCreatesTheManagedAccountWithItsRolesAndTheSessionReachesTheApi() throws Exception {
        String email = "ana@" + domain;
        TestOidc.nextSignIn(issuerId, email, claims(email, "Ana Lima", List.of("designers")));
        HttpClient browser = TestHttps.client(dataDir);

        HttpResponse<String> landed = signInThroughTheProvider(browser, email);

        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(landed.headers().firstValue("Location").orElseThrow()).endsWith("/");
        HttpResponse<String> me = me(browser);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(email);
        AccountSummary account = accounts.accountWithEmail(email).orElseThrow();
        assertThat(account.displayName()).isEqualTo("Ana Lima");
        assertThat(grants.grantsOf(account.id()))
                .extracting(Grant::nodeId, Grant::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(UUID.fromString(tree[1]), Role.COMPANY_COLLABORATOR));
        onTheTrail("sso.account.created");
        onTheTrail("sso.sign-in.succeeded");

        // Later sign-ins take the provider's name and groups again: no longer a designer, no role there.
        TestOidc.nextSignIn(issuerId, email, claims(email, "Ana Lima Souza", List.of("buyers")));
        HttpClient laptop = TestHttps.client(dataDir);
        assertThat(signInThroughTheProvider(laptop, email).statusCode()).isEqualTo(302);
        assertThat(me(laptop).statusCode()).isEqualTo(200);
        assertThat(accounts.account(account.id()).orElseThrow().displayName()).isEqualTo("Ana Lima Souza");
        assertThat(grants.grantsOf(account.id())).isEmpty();
    }

    @Test
    void whereMfaIsRequiredTheProvidersMfaCountsOnlyIfTheConnectionTrustsIt() throws Exception {
        String trustedDomain = "t-" + domain;
        api.verifiedDomain(admin, group, trustedDomain);
        String trusting = connect(null, trustedDomain, true);
        api.mvc()
                .perform(put("/api/v1/groups/" + group + "/security-policy")
                        .with(AccountOwnershipIT.signedInThroughSso(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mfaRequired\": true, \"passwordSignIn\": true, \"ipAllowList\": []}"))
                .andExpect(status().isOk());

        // Not trusted: Selvedge's own second factor, as after a password (here: enrol one first).
        String email = "mfa@" + domain;
        TestOidc.nextSignIn(issuerId, email, withMfa(email, "pwd", "mfa"));
        HttpClient untrusted = TestHttps.client(dataDir);
        assertThat(signInThroughTheProvider(untrusted, email)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/account/mfa");
        assertThat(me(untrusted).statusCode()).isEqualTo(401);

        // Trusted, and the provider says it checked a second factor: signed in.
        String trustedEmail = "mfa@" + trustedDomain;
        TestOidc.nextSignIn(issuerId, trustedEmail, withMfa(trustedEmail, "pwd", "mfa"));
        HttpClient trusted = TestHttps.client(dataDir);
        HttpResponse<String> landed = TestHttps.get(trusted, url(atTheProvider(start(trusted, trusting))));
        assertThat(landed.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(me(trusted).statusCode()).isEqualTo(200);

        // Trusted, but the provider says it checked one factor only.
        TestOidc.nextSignIn(issuerId, trustedEmail, withMfa(trustedEmail, "pwd"));
        HttpClient oneFactor = TestHttps.client(dataDir);
        HttpResponse<String> once = TestHttps.get(oneFactor, url(atTheProvider(start(oneFactor, trusting))));
        assertThat(once.headers().firstValue("Location").orElseThrow()).endsWith("/account/mfa");
    }

    static Map<String, Object> withMfa(String email, String... amr) {
        Map<String, Object> claims = new HashMap<>(claims(email, "Ana", List.of()));
        claims.put("amr", java.util.Arrays.asList(amr)); // not List.of(amr): that would be a list of one array
        return claims;
    }

    @Test
    void aForgedStateIsRefusedAndLeavesNothing() throws Exception {
        String email = "bad-state@" + domain;
        HttpClient browser = TestHttps.client(dataDir);
        URI authorize = start(browser);
        String callback = atTheProvider(authorize).replaceAll("state=[^&]+", "state=forged");

        refused(browser, TestHttps.get(browser, url(callback)), email, "bad-state");
    }

    /** An ID token the provider signed but that fails one check: its audience, expiry, nonce or issuer. */
    static Stream<Arguments> tokensThatFailOneCheck() {
        long now = java.time.Instant.now().getEpochSecond();
        return Stream.of(
                Arguments.of("another-client", Map.of(), "wrong-audience"),
                Arguments.of("selvedge", Map.of("iat", now - 3600, "exp", now - 600), "expired"),
                Arguments.of("selvedge", Map.of("nonce", "a-nonce-of-another-sign-in"), "wrong-nonce"),
                Arguments.of("selvedge", Map.of("iss", "https://evil.example"), "wrong-issuer"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("tokensThatFailOneCheck")
    void aSignedTokenThatFailsACheckIsRefusedAndLeavesNothing(
            String audience, Map<String, Object> changed, String reason) throws Exception {
        String email = reason + "@" + domain;
        HttpClient browser = TestHttps.client(dataDir);
        URI authorize = start(browser);
        String callback = atTheProvider(authorize);
        Map<String, Object> claims = new HashMap<>(claims(email, "Eve", List.of()));
        claims.put("nonce", parameter(authorize, "nonce"));
        claims.putAll(changed);
        answerTheCodeWith(
                TestOidc.signed(issuerId, email, List.of(audience), claims).serialize());

        refused(browser, TestHttps.get(browser, url(callback)), email, reason);
    }

    @Test
    void anAddressTheIdTokenLacksIsReadFromTheUserInfoEndpoint() throws Exception {
        // The ID token names the person (sub) but not the address, as some providers' do.
        String email = "userinfo@" + domain;
        Map<String, Object> withoutAddress = new HashMap<>(claims(email, "Ines", List.of("designers")));
        withoutAddress.remove("email");
        withoutAddress.remove("email_verified");
        TestOidc.nextSignIn(issuerId, email, withoutAddress);
        TestOidc.nextAnswer(
                "/userinfo",
                "application/json",
                "{\"sub\": \"" + email + "\", \"email\": \"" + email + "\", \"email_verified\": true}");
        HttpClient browser = TestHttps.client(dataDir);
        assertThat(signInThroughTheProvider(browser, email).statusCode()).isEqualTo(302);
        assertThat(me(browser).body()).contains(email);

        // The endpoint's word that the address is not verified refuses the sign-in.
        String unverified = "unverified@" + domain;
        Map<String, Object> alsoWithout = new HashMap<>(claims(unverified, "Ivo", List.of()));
        alsoWithout.remove("email");
        alsoWithout.remove("email_verified");
        TestOidc.nextSignIn(issuerId, unverified, alsoWithout);
        TestOidc.nextAnswer(
                "/userinfo",
                "application/json",
                "{\"sub\": \"" + unverified + "\", \"email\": \"" + unverified + "\", \"email_verified\": false}");
        HttpClient other = TestHttps.client(dataDir);
        refused(other, TestHttps.get(other, url(atTheProvider(start(other)))), unverified, "email-not-verified");
    }

    @Test
    void aTokenWithABrokenSignatureIsRefused() throws Exception {
        String email = "signature@" + domain;
        HttpClient browser = TestHttps.client(dataDir);
        URI authorize = start(browser);
        String callback = atTheProvider(authorize);
        Map<String, Object> claims = new HashMap<>(claims(email, "Eve", List.of("designers")));
        claims.put("nonce", parameter(authorize, "nonce"));
        SignedJWT genuine = TestOidc.signed(issuerId, email, List.of("selvedge"), claims);
        String[] parts = genuine.serialize().split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(genuine.getPayload()
                        .toString()
                        .replace("Eve", "Mallory")
                        .getBytes(StandardCharsets.UTF_8));
        answerTheCodeWith(parts[0] + "." + forgedClaims + "." + parts[2]);

        refused(browser, TestHttps.get(browser, url(callback)), email, "bad-signature");
    }

    @Test
    void withTheGooglePresetTheHostedDomainMustBeTheConnections() throws Exception {
        String googleDomain = "g-" + domain;
        api.verifiedDomain(admin, group, googleDomain);
        String google = connect("google", googleDomain);
        String email = "ana@" + googleDomain;

        Map<String, Object> personal = new HashMap<>(claims(email, "Ana", List.of()));
        personal.put("email_verified", true);
        TestOidc.nextSignIn(issuerId, email, personal);
        HttpClient browser = TestHttps.client(dataDir);
        refused(
                browser,
                TestHttps.get(browser, url(atTheProvider(start(browser, google)))),
                email,
                "wrong-hosted-domain");

        Map<String, Object> workspace = new HashMap<>(personal);
        workspace.put("hd", googleDomain);
        TestOidc.nextSignIn(issuerId, email, workspace);
        HttpClient again = TestHttps.client(dataDir);
        HttpResponse<String> landed = TestHttps.get(again, url(atTheProvider(start(again, google))));
        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(me(again).statusCode()).isEqualTo(200);
    }

    @Test
    void aSingleSignOnOnlyGroupRefusesPasswordsToItsAccountsButNotToItsBreakGlassAccounts() throws Exception {
        String password = "raw denim softens with wear";
        String weaverName = "weaver-" + UUID.randomUUID().toString().substring(0, 8);
        UUID weaver = registration.register(weaverName, password, null, weaverName + "@" + domain);
        String keeperName = "keeper-" + UUID.randomUUID().toString().substring(0, 8);
        UUID keeper = registration.register(keeperName, password, null, keeperName + "@" + domain);
        String guestName = "guest-" + UUID.randomUUID().toString().substring(0, 8);
        registration.register(guestName, password, null, guestName + "@example.test");
        String breakGlass = "/api/v1/groups/" + group + "/security-policy/break-glass-accounts";

        // A break-glass account must be the group's own and use MFA.
        ApiCalls.problem(api.as(admin, put(breakGlass), "{\"accountIds\": [\"" + keeper + "\"]}"), 422);
        TestMfa keeperMfa =
                TestMfa.enrol(TestHttps.client(dataDir), this::url, Clock.systemUTC(), keeperName, password);
        api.as(admin, put(breakGlass), "{\"accountIds\": [\"" + keeper + "\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountIds[0]").value(keeper.toString()));
        api.mvc()
                .perform(put("/api/v1/groups/" + group + "/security-policy")
                        .with(AccountOwnershipIT.signedInThroughSso(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mfaRequired\": false, \"passwordSignIn\": false, \"ipAllowList\": []}"))
                .andExpect(status().isOk());

        // The group's accounts: no password sign-in, no token made with a password.
        assertThat(passwordSignIns.passwordSignInAllowed(weaver)).isFalse();
        assertThat(WebPages.signIn(TestHttps.client(dataDir), url("/signin"), weaverName, password)
                        .uri()
                        .getRawQuery())
                .isEqualTo("error");
        ApiCalls.problem(
                api.from(null, "198.51.100.232", post("/api/v1/auth/tokens"), tokenRequest(weaverName, password)), 401);
        // Its break-glass account keeps its password, with MFA; an outside collaborator keeps its own.
        assertThat(passwordSignIns.passwordSignInAllowed(keeper)).isTrue();
        assertThat(keeperMfa.token("break glass", "")).isNotBlank();
        api.as(null, post("/api/v1/auth/tokens"), tokenRequest(guestName, password))
                .andExpect(status().isCreated());
        // The last break-glass account stays while the group admits single sign-on only.
        // (The admin too reaches the group through single sign-on only, now.)
        ApiCalls.problem(
                api.mvc()
                        .perform(put(breakGlass)
                                .with(AccountOwnershipIT.signedInThroughSso(admin))
                                .accept(MediaType.APPLICATION_JSON)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"accountIds\": []}")),
                422);
        onTheTrail("security-policy.break-glass-changed");
    }

    @Test
    void anAccountSignedInThroughTheProviderMakesATokenOnTheAccountPageWithoutAPassword() throws Exception {
        String email = "token@" + domain;
        TestOidc.nextSignIn(issuerId, email, claims(email, "Ana", List.of()));
        HttpClient browser = TestHttps.client(dataDir);
        assertThat(signInThroughTheProvider(browser, email).statusCode()).isEqualTo(302);

        HttpResponse<String> account = TestHttps.get(browser, url("/account"));
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).doesNotContain("id=\"token-password\"");
        HttpResponse<String> made = WebPages.post(
                browser,
                url("/account/tokens"),
                Map.of("name", "nightly export", "_csrf", WebPages.csrfTokenOf(account)));
        assertThat(made.statusCode()).isEqualTo(200);
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("id=\"new-token\"[^>]*value=\"([^\"]+)\"")
                .matcher(made.body());
        assertThat(secret.find()).isTrue();
        HttpResponse<String> me = withToken(secret.group(1), "/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(email);
        // It is marked as made through the connection, and goes when the managing admin disables the account.
        HttpResponse<String> listed = withToken(secret.group(1), "/api/v1/me/tokens");
        assertThat(JsonPath.<Boolean>read(listed.body(), "$.items[0].sso")).isTrue();
        assertThat(JsonPath.<String>read(listed.body(), "$.items[0].connectionId"))
                .isEqualTo(connection);
        UUID tokenOwner = accounts.accountWithEmail(email).orElseThrow().id();
        api.as(admin, post("/api/v1/groups/" + group + "/accounts/" + tokenOwner + "/disable"), null)
                .andExpect(status().isNoContent());
        assertThat(withToken(secret.group(1), "/api/v1/me").statusCode()).isEqualTo(401);

        // A password sign-in's session does not make one without the password.
        String password = "raw denim softens with wear";
        String name = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        registration.register(name, password, null, name + "@example.test");
        HttpClient other = TestHttps.client(dataDir);
        WebPages.signIn(other, url("/signin"), name, password);
        HttpResponse<String> page = TestHttps.get(other, url("/account"));
        assertThat(page.body()).contains("id=\"token-password\"");
        HttpResponse<String> refused =
                WebPages.post(other, url("/account/tokens"), Map.of("name", "x", "_csrf", WebPages.csrfTokenOf(page)));
        assertThat(refused.body()).doesNotContain("id=\"new-token\"");
    }

    static String tokenRequest(String username, String password) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + password + "\", \"name\": \"ci\"}";
    }

    /** The sign-in page with the address alone, then the provider, then back: the callback's answer. */
    HttpResponse<String> signInThroughTheProvider(HttpClient browser, String email) {
        HttpResponse<String> page = TestHttps.get(browser, url("/signin"));
        HttpResponse<String> first = WebPages.post(
                browser,
                url("/signin"),
                Map.of("username", email, "password", "", "_csrf", WebPages.csrfTokenOf(page)));
        assertThat(first.statusCode()).isEqualTo(302);
        String onwards = first.headers().firstValue("Location").orElseThrow();
        assertThat(onwards).endsWith("/signin/continue?to=%2Fsso%2F" + connection);
        HttpResponse<String> onwardsPage = TestHttps.get(
                browser,
                url(URI.create(onwards).getRawPath() + "?" + URI.create(onwards).getRawQuery()));
        assertThat(onwardsPage.statusCode()).isEqualTo(200);
        assertThat(onwardsPage.body()).contains("href=\"/sso/" + connection + "\"");
        assertThat(onwardsPage.headers().firstValue("Refresh").orElseThrow()).endsWith("/sso/" + connection);
        return TestHttps.get(browser, url(atTheProvider(start(browser))));
    }

    URI start(HttpClient browser) {
        return start(browser, connection);
    }

    /** {@code GET /sso/{id}}: the provider's authorization URL, with PKCE, state and nonce. */
    URI start(HttpClient browser, String id) {
        HttpResponse<String> start = TestHttps.get(browser, url("/sso/" + id));
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(TestOidc.issuer(issuerId) + "/authorize");
        assertThat(authorize.getRawQuery())
                .contains("code_challenge=", "code_challenge_method=S256", "state=", "nonce=");
        return authorize;
    }

    /** The provider signs the person in and sends them back: the callback's path and query. */
    static String atTheProvider(URI authorize) {
        HttpResponse<String> answer = TestHttps.send(
                TestOidc.browser(), HttpRequest.newBuilder(authorize).GET().build());
        assertThat(answer.statusCode()).isEqualTo(302);
        URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).endsWith("/callback");
        return back.getRawPath() + "?" + back.getRawQuery();
    }

    static void answerTheCodeWith(String idToken) {
        TestOidc.nextAnswer(
                "/token",
                "application/json",
                "{\"access_token\": \"at\", \"token_type\": \"Bearer\", \"expires_in\": 3600,"
                        + " \"scope\": \"openid email profile\", \"id_token\": \"" + idToken + "\"}");
    }

    void refused(HttpClient browser, HttpResponse<String> answer, String email, String reason) {
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("Single sign-on did not work");
        assertThat(me(browser).statusCode()).isEqualTo(401);
        assertThat(accounts.accountWithEmail(email)).isEmpty();
        onTheTrail("sso.sign-in.refused." + reason);
    }

    HttpResponse<String> me(HttpClient browser) {
        return TestHttps.send(
                browser,
                HttpRequest.newBuilder(url("/api/v1/me"))
                        .header("Accept", "application/json")
                        .GET()
                        .build());
    }

    void onTheTrail(String action) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(audit.find(
                                        UUID.fromString(group),
                                        new AuditFilter(null, action, null, null, null, null, null),
                                        10,
                                        null)
                                .entries())
                        .extracting(AuditEntry::action)
                        .contains(action));
    }

    String connect(String preset) throws Exception {
        return connect(preset, domain);
    }

    String connect(String preset, String forDomain) throws Exception {
        return connect(preset, forDomain, false);
    }

    String connect(String preset, String forDomain, boolean trustIdpMfa) throws Exception {
        String body = """
                {"type": "oidc", "name": "Okta", "issuer": "%s", "clientId": "selvedge", "clientSecret": "s3cret",
                 "domains": ["%s"], "trustIdpMfa": %s, "caCertificatePem": %s, %s
                 "roleMappings": [{"idpGroup": "designers", "role": "COMPANY_COLLABORATOR", "nodeId": "%s"}]}
                """.formatted(
                        TestOidc.issuer(issuerId),
                        forDomain,
                        trustIdpMfa,
                        IdentityProvidersIT.quoted(TestOidc.certificatePem()),
                        preset == null ? "" : "\"preset\": \"" + preset + "\",",
                        tree[1]);
        return JsonPath.read(
                api.as(admin, post("/api/v1/groups/" + group + "/identity-providers"), body)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    static Map<String, Object> claims(String email, String name, List<String> groups) {
        return Map.of("email", email, "name", name, "groups", groups);
    }

    static String parameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }

    URI url(String pathAndQuery) {
        return URI.create("https://localhost:" + port + pathAndQuery);
    }

    /** A GET of the API with the token, as an integration would make it. */
    private HttpResponse<String> withToken(String token, String path) {
        return TestHttps.send(
                TestHttps.client(dataDir),
                HttpRequest.newBuilder(url(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .GET()
                        .build());
    }
}
