package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.crypto.OneTimeCodes;
import io.selvedge.identity.ApiScope;
import io.selvedge.identity.MfaReset;
import io.selvedge.identity.MfaResets;
import io.selvedge.identity.PasskeyRemoved;
import io.selvedge.identity.SessionEnded;
import io.selvedge.identity.SignInFailed;
import io.selvedge.identity.SignInSucceeded;
import io.selvedge.identity.TotpEnrolment;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.SoftwarePasskey;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** An admin's MFA reset: every second factor, session and token gone, enrolment asked again; and the events. */
@SelvedgeIntegrationTest
class MfaResetIT {

    static final String PASSWORD = "chain-stitched hems last";
    static final List<AuditableEvent> EVENTS = new CopyOnWriteArrayList<>();
    static boolean listening;

    @Autowired
    TestServer server;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Accounts accounts;

    @Autowired
    TotpEnrolment totp;

    @Autowired
    MfaResets resets;

    @Autowired
    StoredTokens tokens;

    @Autowired
    PlatformProperties platform;

    @Autowired
    ConfigurableApplicationContext context;

    String username;
    UUID accountId;

    @BeforeEach
    void aStaffAccountAndAListener() {
        if (!listening) {
            context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
                if (event instanceof PayloadApplicationEvent<?> published
                        && published.getPayload() instanceof AuditableEvent audited) {
                    EVENTS.add(audited);
                }
            });
            listening = true;
        }
        username = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        accountId = accounts.createStaff(username, encoder.encode(PASSWORD), StaffRole.SECURITY)
                .id();
    }

    @Test
    void aResetRemovesEveryFactorSessionAndTokenAndTheAccountMustEnrolAgain() {
        String secret = totp.start(accountId).secret();
        long step = OneTimeCodes.stepAt(Instant.now());
        totp.confirm(accountId, OneTimeCodes.codeAt(secret, step), "127.0.0.1");
        HttpClient browser = server.client();
        HttpResponse<String> password =
                WebPages.submitForm(browser, server.url("/signin"), Map.of("username", username, "password", PASSWORD));
        assertThat(password.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin/code"));
        HttpResponse<String> code = WebPages.submitForm(
                browser, server.url("/signin/code"), Map.of("otp", OneTimeCodes.codeAt(secret, step + 1)));
        assertThat(code.statusCode()).isEqualTo(302);
        SoftwarePasskey passkey = new SoftwarePasskey(PasskeyConfiguration.originOf(platform.publicUrl()));
        String csrf = WebPages.csrfTokenOf(TestHttps.get(browser, server.url("/account/mfa")));
        HttpResponse<String> options = postJson(browser, "/webauthn/register/options", "", csrf);
        assertThat(postJson(browser, "/webauthn/register", passkey.register(options.body(), "key"), csrf)
                        .statusCode())
                .isEqualTo(200);
        tokens.insert(
                UUID.randomUUID(),
                accountId,
                "integration",
                ApiTokenSecrets.sha256("not a real token"),
                EnumSet.of(ApiScope.READ),
                Instant.now(),
                Instant.now().plus(Duration.ofDays(1)));
        UUID admin = accounts.createStaff(
                        "admin-" + UUID.randomUUID().toString().substring(0, 8), "x", StaffRole.PLATFORM_ADMIN)
                .id();
        EVENTS.clear();

        resets.reset(accountId, AuditActor.account(admin));

        assertThat(count("select count(*) from account_totp where account_id = ?"))
                .isZero();
        assertThat(count("select count(*) from recovery_code where account_id = ?"))
                .isZero();
        assertThat(count("select count(*) from api_token where account_id = ?")).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from user_credentials c join user_entities u"
                                + " on c.user_entity_user_id = u.id where u.name = ?",
                        Integer.class,
                        username))
                .isZero();
        assertThat(jdbc.queryForObject("select mfa_enrolled from account where id = ?", Boolean.class, accountId))
                .isFalse();
        HttpResponse<String> ended = WebSessionsIT.asBrowser(browser, server.url("/"));
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin"));
        assertThat(EVENTS)
                .contains(new MfaReset(
                        accountId,
                        AuditActor.account(admin),
                        ((MfaReset) EVENTS.stream()
                                        .filter(MfaReset.class::isInstance)
                                        .findFirst()
                                        .orElseThrow())
                                .auditOrigin()));
        assertThat(EVENTS)
                .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(PasskeyRemoved.class, removed -> {
                    assertThat(removed.accountId()).isEqualTo(accountId);
                    assertThat(removed.auditActor()).isEqualTo(AuditActor.account(admin));
                }));
        assertThat(EVENTS)
                .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(SessionEnded.class, session -> {
                    assertThat(session.accountId()).isEqualTo(accountId);
                    assertThat(session.how()).isEqualTo("mfa-reset");
                }));

        HttpResponse<String> again = WebPages.submitForm(
                server.client(), server.url("/signin"), Map.of("username", username, "password", PASSWORD));
        assertThat(again.headers().firstValue("Location"))
                .as("staff must enrol again")
                .hasValueSatisfying(to -> assertThat(to).endsWith("/account/mfa"));
    }

    @Test
    void signInsArePublishedWithoutSecretsAndUnknownUsernamesHaveNoTarget() {
        EVENTS.clear();
        WebPages.submitForm(
                server.client(), server.url("/signin"), Map.of("username", "nobody-" + username, "password", "x"));
        WebPages.submitForm(
                server.client(), server.url("/signin"), Map.of("username", username, "password", "wrong one"));
        WebPages.submitForm(server.client(), server.url("/signin"), Map.of("username", username, "password", PASSWORD));

        assertThat(EVENTS)
                .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(SignInFailed.class, failed -> {
                    assertThat(failed.accountId()).isNull();
                    assertThat(failed.reason()).isEqualTo("unknown-account");
                    assertThat(failed.auditTarget().id()).isNull();
                }));
        assertThat(EVENTS)
                .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(SignInFailed.class, failed -> {
                    assertThat(failed.accountId()).isEqualTo(accountId);
                    assertThat(failed.reason()).isEqualTo("wrong-password");
                }));
        assertThat(EVENTS)
                .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(SignInSucceeded.class, ok -> {
                    assertThat(ok.accountId()).isEqualTo(accountId);
                    assertThat(ok.factor()).isEqualTo("password");
                }));
        assertThat(EVENTS.toString()).doesNotContain(PASSWORD, "wrong one", "nobody-");
    }

    private int count(String sql) {
        Integer count = jdbc.queryForObject(sql, Integer.class, accountId);
        return count == null ? 0 : count;
    }

    private HttpResponse<String> postJson(HttpClient browser, String path, String body, String csrf) {
        return WebPages.postJson(browser, server.url(path), body, csrf);
    }
}
