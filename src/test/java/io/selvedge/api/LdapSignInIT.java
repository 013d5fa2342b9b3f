package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.crypto.OneTimeCodes;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.SignInFailed;
import io.selvedge.identity.TotpEnrolment;
import io.selvedge.notify.MailProperties;
import io.selvedge.notify.internal.OutboxDelivery;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.sso.ManagedAccountCreated;
import io.selvedge.sso.SsoSignInRefused;
import io.selvedge.sso.SsoSignInSucceeded;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestDirectory;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.WebPages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.web.context.WebApplicationContext;

/**
 * Active Directory sign-in through the real server: a group verified its domain and connected its directory
 * (an in-process LDAP server over TLS); its people sign in on the ordinary sign-in page and make API tokens
 * with their directory password, their roles coming from their directory groups. A local password of such an
 * address is never checked; wrong directory passwords are throttled and audited like any other.
 */
@SelvedgeIntegrationTest
class LdapSignInIT {

    static final String JANE_PASSWORD = "jane's directory password";
    static final String OLGA_DIRECTORY_PASSWORD = "olga's directory password";
    static final String OLGA_LOCAL_PASSWORD = "olga's old local password, long enough";
    static final List<AuditableEvent> EVENTS = new CopyOnWriteArrayList<>();
    static boolean listening;

    static TestDirectory directory;

    @LocalServerPort
    int port;

    @Value("${selvedge.data-dir}")
    Path dataDir;

    @Autowired
    WebApplicationContext context;

    @Autowired
    ConfigurableApplicationContext application;

    @Autowired
    AccountRegistration registration;

    @Autowired
    TotpEnrolment totp;

    @Autowired
    MailProperties mail;

    @Autowired
    ApiCalls api;

    String domain;
    String company;
    String brand;
    UUID connectionId;
    UUID olga;
    String olgaName;

    @BeforeAll
    static void aDirectory() {
        directory = TestDirectory.start();
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    @BeforeEach
    void aGroupWithItsDirectoryConnected() throws Exception {
        if (!listening) {
            application.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
                if (event instanceof PayloadApplicationEvent<?> published
                        && published.getPayload() instanceof AuditableEvent audited) {
                    EVENTS.add(audited);
                }
            });
            listening = true;
        }
        Account admin = api.customers().aCustomer("admin");
        String[] tree = api.tree(admin, "Atelier");
        company = tree[1];
        brand = tree[2];
        domain = "atelier-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        // Olga had an account of her own before her company connected its directory.
        olgaName = "olga-" + UUID.randomUUID().toString().substring(0, 8);
        olga = registration.register(olgaName, OLGA_LOCAL_PASSWORD, "Olga", "olga@" + domain);
        api.verifiedDomain(admin, tree[0], domain);
        String jane = directory.addPerson("Jane " + domain, "jane@" + domain, "jane", JANE_PASSWORD);
        String olgaDn = directory.addPerson("Olga " + domain, "olga@" + domain, "olga", OLGA_DIRECTORY_PASSWORD);
        directory.addGroup("Designers " + domain, jane, olgaDn);
        String brandAdmins = directory.addGroup("Brand admins " + domain, jane);
        String created = api.as(admin, post("/api/v1/groups/" + tree[0] + "/identity-providers"), """
                        {"type": "ldap", "name": "Corp AD", "url": "%s", "bindDn": "%s", "bindPassword": "%s",
                         "userSearchBase": "%s", "groupSearchBase": "%s", "caCertificatePem": %s,
                         "domains": ["%s"], "trustIdpMfa": false,
                         "roleMappings": [
                           {"idpGroup": "Designers %s", "role": "COMPANY_COLLABORATOR", "nodeId": "%s"},
                           {"idpGroup": "%s", "role": "BRAND_ADMIN", "nodeId": "%s"}]}
                        """.formatted(
                                directory.ldapsUrl(),
                                TestDirectory.SERVICE_DN,
                                TestDirectory.SERVICE_PASSWORD,
                                TestDirectory.PEOPLE,
                                TestDirectory.GROUPS,
                                jsonString(directory.caCertificatePem()),
                                domain,
                                domain,
                                company,
                                brandAdmins,
                                brand))
                .andReturn()
                .getResponse()
                .getContentAsString();
        connectionId = UUID.fromString(JsonPath.read(created, "$.id"));
    }

    @Test
    void aDirectoryPersonSignsInOnTheSignInPageAndIsCreatedWithTheRolesOfTheirGroups() {
        HttpClient browser = TestHttps.client(dataDir);

        HttpResponse<String> signedIn = signIn(browser, "Jane@" + domain, JANE_PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error").doesNotContain("/signin"));
        HttpResponse<String> me = getJson(browser, "/api/v1/me", null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("jane@" + domain);
        UUID jane = UUID.fromString(JsonPath.read(me.body(), "$.id"));
        assertThat(getJson(browser, "/api/v1/companies/" + company, null).statusCode())
                .as("COMPANY_COLLABORATOR from the group's cn")
                .isEqualTo(200);
        assertThat(EVENTS)
                .anyMatch(e -> e instanceof ManagedAccountCreated created
                        && created.accountId().equals(jane))
                .anyMatch(e -> e instanceof SsoSignInSucceeded succeeded
                        && succeeded.accountId().equals(jane));
    }

    @Test
    void aTokenMadeWithTheDirectoryPasswordCallsTheApiWithTheRolesOfTheirGroups() {
        HttpClient client = TestHttps.client(dataDir);

        HttpResponse<String> created = createToken(client, "jane@" + domain, JANE_PASSWORD);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = JsonPath.read(created.body(), "$.token");
        HttpResponse<String> me = getJson(client, "/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("jane@" + domain);
        assertThat(getJson(client, "/api/v1/brands/" + brand, token).statusCode())
                .as("BRAND_ADMIN from the group's DN")
                .isEqualTo(200);
        // The token says it was made through the directory's connection.
        String listed = getJson(client, "/api/v1/me/tokens", token).body();
        assertThat(JsonPath.<Boolean>read(listed, "$.items[0].sso")).isTrue();
        assertThat(JsonPath.<String>read(listed, "$.items[0].connectionId")).isEqualTo(connectionId.toString());
        assertThat(createToken(client, "jane@" + domain, "not her password").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aDirectoryPersonWithMfaGivesTheirCodeAfterTheDirectoryPassword() {
        HttpClient client = TestHttps.client(dataDir);
        String email = "jane@" + domain;
        HttpResponse<String> first = createToken(client, email, JANE_PASSWORD, null);
        UUID jane = UUID.fromString(JsonPath.read(
                getJson(client, "/api/v1/me", JsonPath.read(first.body(), "$.token"))
                        .body(),
                "$.id"));
        String secret = totp.start(jane).secret();
        long step = OneTimeCodes.stepAt(Instant.now());
        List<String> recoveryCodes = totp.confirm(jane, OneTimeCodes.codeAt(secret, step), "127.0.0.1");

        HttpResponse<String> withoutCode = createToken(client, email, JANE_PASSWORD, null);
        assertThat(withoutCode.statusCode()).isEqualTo(401);
        assertThat(withoutCode.body()).contains("one-time code");
        assertThat(createToken(client, email, JANE_PASSWORD, OneTimeCodes.codeAt(secret, step + 1))
                        .statusCode())
                .isEqualTo(201);

        HttpClient browser = TestHttps.client(dataDir);
        HttpResponse<String> password = signIn(browser, email, JANE_PASSWORD);
        assertThat(password.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin/code"));
        assertThat(getJson(browser, "/api/v1/me", null).statusCode())
                .as("the directory's password alone is not a full sign-in")
                .isEqualTo(401);
        HttpResponse<String> code =
                WebPages.submitForm(browser, url("/signin/code"), Map.of("otp", recoveryCodes.get(0)));
        assertThat(code.statusCode()).isEqualTo(302);
        assertThat(code.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("/signin"));
        assertThat(getJson(browser, "/api/v1/me", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anAccountWhoseAddressTheDirectoryAnswersForNeverSignsInWithALocalPassword() {
        HttpClient browser = TestHttps.client(dataDir);

        assertWrongPassword(signIn(browser, "olga@" + domain, OLGA_LOCAL_PASSWORD));
        assertThat(createToken(browser, "olga@" + domain, OLGA_LOCAL_PASSWORD).statusCode())
                .isEqualTo(401);

        HttpResponse<String> created = createToken(browser, "olga@" + domain, OLGA_DIRECTORY_PASSWORD);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> me = getJson(browser, "/api/v1/me", JsonPath.read(created.body(), "$.token"));
        assertThat(JsonPath.<String>read(me.body(), "$.id"))
                .as("her own account, now managed")
                .isEqualTo(olga.toString());
    }

    @Test
    void anAccountWhoseAddressTheDirectoryAnswersForSetsNoLocalPasswordByChangeOrReset() throws Exception {
        HttpClient client = TestHttps.client(dataDir);
        HttpResponse<String> created = createToken(client, "olga@" + domain, OLGA_DIRECTORY_PASSWORD);
        assertThat(created.statusCode()).isEqualTo(201);
        String token = JsonPath.read(created.body(), "$.token");
        for (String current : List.of(OLGA_DIRECTORY_PASSWORD, OLGA_LOCAL_PASSWORD)) {
            HttpResponse<String> change = TestHttps.send(
                    client,
                    HttpRequest.newBuilder(url("/api/v1/me/password"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"currentPassword\": " + jsonString(current)
                                    + ", \"newPassword\": \"a brand new local password of olga\"}"))
                            .build());
            assertThat(change.statusCode()).isEqualTo(403);
            assertThat((String) JsonPath.read(change.body(), "$.detail")).contains("directory");
        }

        // The reset request answers as for any address, and mails no link: only where to sign in.
        Mailbox mailbox = Mailbox.at(mail.dir(), OutboxDelivery.of(context));
        api.as(null, post("/api/v1/auth/password-reset"), "{\"usernameOrEmail\": \"olga@" + domain + "\"}")
                .andExpect(status().isAccepted());
        Mailbox.Mail told = mailbox.awaitLast("olga@" + domain, "organisation", 1);
        assertThat(told.text()).contains("directory").contains("/signin").doesNotContain("/reset-password/");
        assertThat(mailbox.to("olga@" + domain)).noneMatch(mail -> mail.text().contains("/reset-password/"));
    }

    @Test
    void wrongDirectoryPasswordsAreThrottledAndAuditedWithTheirReason() {
        HttpClient browser = TestHttps.client(dataDir);
        int before = EVENTS.size();

        for (int i = 0; i < 5; i++) {
            assertWrongPassword(signIn(browser, "jane@" + domain, "wrong guess " + i));
        }
        HttpResponse<String> throttled = signIn(browser, "jane@" + domain, JANE_PASSWORD);

        assertThat(throttled.statusCode()).isEqualTo(429);
        List<AuditableEvent> events = EVENTS.subList(before, EVENTS.size());
        assertThat(events)
                .filteredOn(e -> e instanceof SignInFailed failed
                        && failed.factor().equals("ldap")
                        && failed.reason().equals("unknown-account"))
                .as("Jane has no account yet: the directory found her, her password was wrong")
                .isEmpty();
        assertThat(events)
                .filteredOn(e -> e instanceof SignInFailed failed
                        && failed.factor().equals("ldap")
                        && failed.reason().equals("wrong-password"))
                .hasSize(5);
        assertThat(events)
                .filteredOn(e -> e instanceof SsoSignInRefused refused
                        && refused.connectionId().equals(connectionId)
                        && refused.reason().equals("ldap-wrong-password"))
                .hasSize(5);
        assertThat(events).noneMatch(e -> e instanceof SsoSignInSucceeded);
    }

    @Test
    void anUnknownPersonOfTheDomainIsRefusedWithTheReasonOnTheGroupsTrail() {
        HttpClient browser = TestHttps.client(dataDir);
        int before = EVENTS.size();

        assertWrongPassword(signIn(browser, "nobody@" + domain, JANE_PASSWORD));

        assertThat(EVENTS.subList(before, EVENTS.size()))
                .anyMatch(e -> e instanceof SsoSignInRefused refused
                        && refused.connectionId().equals(connectionId)
                        && refused.reason().equals("ldap-unknown-account"))
                .noneMatch(e -> e instanceof ManagedAccountCreated);
    }

    private HttpResponse<String> signIn(HttpClient browser, String username, String password) {
        return WebPages.submitForm(browser, url("/signin"), Map.of("username", username, "password", password));
    }

    private HttpResponse<String> createToken(HttpClient client, String username, String password) {
        return createToken(client, username, password, null);
    }

    private HttpResponse<String> createToken(HttpClient client, String username, String password, String otp) {
        String code = otp == null ? "" : ",\"otp\":" + jsonString(otp);
        return TestHttps.send(
                client,
                HttpRequest.newBuilder(url("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":%s,\"password\":%s,\"name\":\"laptop\"%s}"
                                        .formatted(jsonString(username), jsonString(password), code)))
                        .build());
    }

    private HttpResponse<String> getJson(HttpClient client, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return TestHttps.send(client, request.GET().build());
    }

    private static void assertWrongPassword(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin?error"));
    }

    private URI url(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
