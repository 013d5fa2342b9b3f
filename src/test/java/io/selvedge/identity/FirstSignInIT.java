package io.selvedge.identity;

import static io.selvedge.testing.WebPages.csrfTokenOf;
import static io.selvedge.testing.WebPages.signIn;
import static io.selvedge.testing.WebPages.submitForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.selvedge.platform.StartupRefusedException;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;

/** The first person in: from the bootstrap settings, through the setup link's page, or its API. */
@ExtendWith({OutputCaptureExtension.class, TestDatabase.AvailableCondition.class})
class FirstSignInIT {

    static final String PASSWORD = "correct horse battery staple";

    @Test
    void theBootstrapAdminCanSignInFromTheFirstStart() {
        try (TestServer server = TestServer.with()
                .property("selvedge.bootstrap.admin.username", "ada")
                .property("selvedge.bootstrap.admin.password", PASSWORD)
                .start()) {
            HttpClient browser = server.client();
            HttpResponse<String> enrolment = signIn(browser, server.url("/signin"), "ada", PASSWORD);

            // the admin must enrol MFA before anything else: every page leads to the enrolment page
            assertThat(enrolment.statusCode()).isEqualTo(200);
            assertThat(enrolment.body()).contains("Your account must use MFA");
            HttpResponse<String> home = TestHttps.get(browser, server.url("/"));
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).endsWith("/account/mfa"));
            assertThat(TestHttps.get(browser, server.url("/account/sessions")).statusCode())
                    .isEqualTo(302);

            HttpResponse<String> qr =
                    WebPages.post(browser, server.url("/account/mfa/totp"), Map.of("_csrf", csrfTokenOf(enrolment)));
            assertThat(qr.statusCode()).isEqualTo(200);
            assertThat(qr.body()).contains("src=\"data:image/svg+xml;base64,");
            java.util.regex.Matcher key =
                    java.util.regex.Pattern.compile("<code>([A-Z2-7]+)</code>").matcher(qr.body());
            assertThat(key.find()).isTrue();
            String code = io.selvedge.crypto.OneTimeCodes.codeAt(
                    key.group(1), io.selvedge.crypto.OneTimeCodes.stepAt(java.time.Instant.now()));
            HttpResponse<String> recovery = WebPages.post(
                    browser, server.url("/account/mfa/totp/confirm"), Map.of("_csrf", csrfTokenOf(qr), "otp", code));
            assertThat(recovery.statusCode()).isEqualTo(200);
            assertThat(recovery.body()).contains("They are shown only now");
            assertThat(java.util.regex.Pattern.compile("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}")
                            .matcher(recovery.body())
                            .results())
                    .hasSize(10);

            HttpResponse<String> enrolled = TestHttps.get(browser, server.url("/"));
            assertThat(enrolled.statusCode()).isEqualTo(200);
            assertThat(enrolled.body()).contains("Signed in as <strong>ada</strong>");
            assertThat(setupLinkFileOf(server)).doesNotExist();
        }
    }

    @Test
    void theSetupLinkPageCreatesTheFirstAdmin(CapturedOutput output) throws IOException {
        try (TestServer server = TestServer.start()) {
            URI link = setupLinkOf(server);
            assertThat(output)
                    .contains(Files.readString(setupLinkFileOf(server)).trim());
            assertOnlyTheOwnerCanRead(setupLinkFileOf(server));
            HttpClient browser = server.client();

            assertThat(TestHttps.get(browser, link).body()).contains("Create the first admin");

            HttpResponse<String> tooShort = submitForm(browser, link, setupForm("grace", "too short"));
            assertThat(tooShort.statusCode()).isEqualTo(200);
            assertThat(tooShort.body()).contains("Use at least 15 characters");

            HttpResponse<String> created = submitForm(browser, link, setupForm("grace", PASSWORD));
            assertThat(created.statusCode()).isEqualTo(302);
            assertThat(created.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/signin?setupDone"));

            HttpResponse<String> again = TestHttps.get(browser, link);
            assertThat(again.statusCode()).isEqualTo(404);
            assertThat(again.body()).contains("This link is no longer valid");

            HttpResponse<String> home = signIn(server.client(), server.url("/signin"), "grace", PASSWORD);
            assertThat(home.body()).contains("Your account must use MFA");
        }
    }

    @Test
    void theSetupPageTakesAnOptionalEmailAddressToSignInWith() {
        try (TestServer server = TestServer.start()) {
            URI link = setupLinkOf(server);
            HttpClient browser = server.client();
            assertThat(TestHttps.get(browser, link).body()).contains("<label for=\"email\">", "autocomplete=\"email\"");

            HttpResponse<String> badAddress = submitForm(
                    browser,
                    link,
                    Map.of("username", "grace", "password", PASSWORD, "repeatedPassword", PASSWORD, "email", "grace"));
            assertThat(badAddress.statusCode()).isEqualTo(200);
            assertThat(badAddress.body()).contains("not an e-mail address");

            HttpResponse<String> created = submitForm(
                    browser,
                    link,
                    Map.of(
                            "username",
                            "grace",
                            "password",
                            PASSWORD,
                            "repeatedPassword",
                            PASSWORD,
                            "email",
                            " Grace@Example.test"));
            assertThat(created.statusCode()).isEqualTo(302);

            // Signed in by the address: as platform staff, grace must enrol MFA first, then is home.
            HttpClient signedIn = server.client();
            HttpResponse<String> enrolment = signIn(signedIn, server.url("/signin"), "grace@example.test", PASSWORD);
            assertThat(enrolment.statusCode()).isEqualTo(200);
            assertThat(enrolment.body()).contains("Your account must use MFA");
            HttpResponse<String> qr =
                    WebPages.post(signedIn, server.url("/account/mfa/totp"), Map.of("_csrf", csrfTokenOf(enrolment)));
            java.util.regex.Matcher key =
                    java.util.regex.Pattern.compile("<code>([A-Z2-7]+)</code>").matcher(qr.body());
            assertThat(key.find()).isTrue();
            String code = io.selvedge.crypto.OneTimeCodes.codeAt(
                    key.group(1), io.selvedge.crypto.OneTimeCodes.stepAt(java.time.Instant.now()));
            assertThat(WebPages.post(
                                    signedIn,
                                    server.url("/account/mfa/totp/confirm"),
                                    Map.of("_csrf", csrfTokenOf(qr), "otp", code))
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> home = TestHttps.get(signedIn, server.url("/"));
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Signed in as <strong>grace</strong>");

            // A wrong password for the same address is still refused.
            assertThat(signIn(server.client(), server.url("/signin"), "grace@example.test", "not the password")
                            .body())
                    .doesNotContain("Your account must use MFA", "Signed in as");
        }
    }

    @Test
    void theSetupApiCreatesTheFirstAdminOnce() {
        try (TestServer server = TestServer.start()) {
            String token = setupTokenOf(server);
            HttpClient client = server.client();

            HttpResponse<String> wrongToken = createAdmin(client, server, "not-the-link", "grace", PASSWORD);
            assertProblem(wrongToken, 404);

            HttpResponse<String> weak = createAdmin(client, server, token, "grace", "grace's own long password");
            assertProblem(weak, 400);
            assertThat(weak.body()).contains("The password must not contain the username.");

            HttpResponse<String> created = createAdmin(client, server, token, "Grace", PASSWORD);
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).isEqualTo("{\"username\":\"grace\"}");

            assertProblem(createAdmin(client, server, token, "mallory", PASSWORD), 404);
            assertThat(signIn(server.client(), server.url("/signin"), "grace", PASSWORD)
                            .body())
                    .contains("Your account must use MFA");
        }
    }

    @Test
    void aBootstrapPasswordThatBreaksThePolicyStopsTheStartAndSaysWhy(CapturedOutput output) {
        String tooShort = "short secret 7";

        Throwable failure = catchThrowable(() -> TestServer.with()
                .property("selvedge.bootstrap.admin.username", "ada")
                .property("selvedge.bootstrap.admin.password", tooShort)
                .start());

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("SELVEDGE_BOOTSTRAP_ADMIN_PASSWORD does not meet the password policy")
                .hasMessageContaining("Use at least 15 characters");
        assertThat(output).contains("Selvedge refused to start").doesNotContain(tooShort);
    }

    static Map<String, String> setupForm(String username, String password) {
        return Map.of("username", username, "password", password, "repeatedPassword", password);
    }

    static HttpResponse<String> createAdmin(
            HttpClient client, TestServer server, String token, String username, String password) {
        String json =
                "{\"setupToken\":\"%s\",\"username\":\"%s\",\"password\":\"%s\"}".formatted(token, username, password);
        return TestHttps.send(
                client,
                HttpRequest.newBuilder(server.url("/api/v1/setup/admin"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status);
    }

    static Path setupLinkFileOf(TestServer server) {
        return server.dataDir().resolve("setup-link.txt");
    }

    /** The link as written to the file, on this server's real port. */
    static URI setupLinkOf(TestServer server) {
        return server.url("/setup/" + setupTokenOf(server));
    }

    static String setupTokenOf(TestServer server) {
        try {
            String link = Files.readString(setupLinkFileOf(server)).trim();
            return link.substring(link.lastIndexOf("/setup/") + "/setup/".length());
        } catch (IOException e) {
            throw new AssertionError("The server wrote no setup link", e);
        }
    }

    private static void assertOnlyTheOwnerCanRead(Path file) throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews())
                .as("POSIX permissions on this file system")
                .contains("posix");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
