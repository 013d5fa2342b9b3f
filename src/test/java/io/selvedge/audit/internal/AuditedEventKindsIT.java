package io.selvedge.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.EmailDomains;
import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditTrail;
import io.selvedge.crypto.OneTimeCodes;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.TotpEnrolment;
import io.selvedge.notify.MailProperties;
import io.selvedge.notify.internal.OutboxDelivery;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.storage.Stores;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestDns;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 7's event kinds, one by one: each action done through the API (or the web sign-in over HTTPS) leaves
 * its entry on the right trail, with the right actor, target and outcome; failed and denied ones included.
 */
@SelvedgeIntegrationTest
class AuditedEventKindsIT extends AsACustomerAdmin {

    static final String PASSWORD = "twill woven left hand";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Stores stores;

    @Autowired
    AuditTrail trail;

    @Autowired
    AccountRegistration registration;

    @Autowired
    MailProperties mail;

    @Autowired
    TotpEnrolment totp;

    @Autowired
    EmailDomains emailDomains;

    @Autowired
    TestServer server;

    UUID group;
    String season;
    String workroom;

    @BeforeEach
    void aGroupWithATree() throws Exception {
        group = UUID.fromString(
                created(as(admin, post("/api/v1/groups"), "{\"name\": \"Maison Kinds\", \"region\": \"eu\"}")));
        String company = node("groups", group.toString(), "companies", "Kinds SA");
        String brand = node("companies", company, "brands", "Kinds");
        season = node("brands", brand, "seasons", "AW27");
        workroom = node("seasons", season, "workrooms", "Wool");
    }

    @Test
    void signInsSucceededAndFailedAreOnThePlatformTrail() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String username = "kinds-" + UUID.randomUUID().toString().substring(0, 8);
        UUID account = registration.register(username, PASSWORD, null, username + "@example.test");

        signIn("nobody-" + username, "whatever it is");
        signIn(username, "not the password");
        signIn(username, PASSWORD);

        expectOn(null, "sign-in.failed", AuditActor.Kind.ACCOUNT, account, "account", account, AuditOutcome.FAILED);
        expectOn(
                null,
                "sign-in.succeeded",
                AuditActor.Kind.ACCOUNT,
                account,
                "account",
                account,
                AuditOutcome.SUCCEEDED);
        List<AuditEntry> unknown = AuditFixtures.awaitEntry(
                trail,
                null,
                e -> e.action().equals("sign-in.failed")
                        && e.targetId() == null
                        && !e.time().isBefore(start));
        assertThat(unknown)
                .as("a sign-in for an unknown username: the system acts on no account")
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("sign-in.failed");
                    assertThat(e.time()).isAfterOrEqualTo(start);
                    assertThat(e.actorKind()).isEqualTo(AuditActor.Kind.SYSTEM);
                    assertThat(e.actorId()).isNull();
                    assertThat(e.targetKind()).isEqualTo("account");
                    assertThat(e.targetId()).isNull();
                    assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
                });
    }

    @Test
    void rolesSharesAndDeniedAccessAreOnTheGroupTrail() throws Exception {
        // An account the group manages (its domain is the group's): a grant by id reaches it at once (issue 15).
        String username = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        String domain = username + ".example";
        Account viewer =
                new Account(registration.register(username, PASSWORD, null, username + "@" + domain), username, false);
        verifiedDomain(domain);
        as(admin, put("/api/v1/nodes/" + workroom + "/members/" + viewer.id()), "{\"role\": \"VIEWER\"}")
                .andExpect(status().isOk());
        expect("role.granted", admin.id(), "account", viewer.id(), AuditOutcome.SUCCEEDED);

        String style = created(as(admin, post("/api/v1/workrooms/" + workroom + "/styles"), "{\"name\": \"Coat\"}"));
        // 403: the viewer sees the style but may not change it.
        assertThat(statusOf(as(viewer, patch("/api/v1/styles/" + style), "{\"name\": \"No\"}")))
                .isEqualTo(403);
        expect("access.denied", viewer.id(), "style", UUID.fromString(style), AuditOutcome.DENIED);
        // 404: a stranger may not even see the workroom, which exists.
        Account stranger = customers.aCustomer("stranger");
        assertThat(statusOf(as(stranger, get("/api/v1/workrooms/" + workroom), null)))
                .isEqualTo(404);
        expect("access.denied", stranger.id(), "workroom", UUID.fromString(workroom), AuditOutcome.DENIED);

        as(admin, delete("/api/v1/nodes/" + workroom + "/members/" + viewer.id()), null)
                .andExpect(status().is2xxSuccessful());
        expect("role.revoked", admin.id(), "account", viewer.id(), AuditOutcome.SUCCEEDED);

        // Another account the group manages is shared with at once (anybody else is invited, and consents).
        Account guest = api.aCustomerAt("guest", PASSWORD, domain);
        String shares = "/api/v1/workrooms/" + workroom + "/shares";
        as(admin, post(shares), "{\"userId\": \"" + guest.id() + "\", \"role\": \"VIEWER\"}")
                .andExpect(status().isCreated());
        expect("share.created", admin.id(), "account", guest.id(), AuditOutcome.SUCCEEDED);
        as(admin, delete(shares + "/" + guest.id()), null).andExpect(status().isNoContent());
        expect("share.removed", admin.id(), "account", guest.id(), AuditOutcome.SUCCEEDED);
    }

    @Test
    void stylesAndVersionsAreOnTheGroupTrail() throws Exception {
        UUID style = UUID.fromString(
                created(as(admin, post("/api/v1/workrooms/" + workroom + "/styles"), "{\"name\": \"Parka\"}")));
        expect("style.created", admin.id(), "style", style, AuditOutcome.SUCCEEDED);

        String otherWorkroom = node("seasons", season, "workrooms", "Cotton");
        as(admin, patch("/api/v1/styles/" + style), "{\"workroomId\": \"" + otherWorkroom + "\"}")
                .andExpect(status().isOk());
        expect("style.moved", admin.id(), "style", style, AuditOutcome.SUCCEEDED);

        byte[] model = "glTF-binary-model".getBytes(StandardCharsets.UTF_8);
        UUID version =
                UUID.fromString(created(mvc.perform(post("/api/v1/styles/" + style + "/versions?filename=coat.glb")
                        .with(admin.caller())
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(model))));
        expect("version.uploaded", admin.id(), "version", version, AuditOutcome.SUCCEEDED);
        mvc.perform(get("/api/v1/versions/" + version + "/content").with(admin.caller()))
                .andExpect(status().isOk());
        expect("version.downloaded", admin.id(), "version", version, AuditOutcome.SUCCEEDED);
        mvc.perform(get("/api/v1/versions/" + version + "/preview").with(admin.caller()))
                .andExpect(status().isOk());
        expect("version.previewed", admin.id(), "version", version, AuditOutcome.SUCCEEDED);
        mvc.perform(post("/api/v1/versions/" + version + "/renders?frames=8")
                        .with(admin.caller())
                        .contentType("image/png")
                        .content(aTurntable()))
                .andExpect(status().isCreated());
        expect("version.rendered", admin.id(), "version", version, AuditOutcome.SUCCEEDED);

        as(admin, delete("/api/v1/styles/" + style), null).andExpect(status().is2xxSuccessful());
        expect("style.deleted", admin.id(), "style", style, AuditOutcome.SUCCEEDED);
        as(admin, post("/api/v1/styles/" + style + "/restore"), null).andExpect(status().is2xxSuccessful());
        expect("style.restored", admin.id(), "style", style, AuditOutcome.SUCCEEDED);
    }

    @Test
    void anExportOfTheTrailIsOnTheTrail() throws Exception {
        mvc.perform(get("/api/v1/groups/" + group + "/audit-events/export?format=jsonl")
                        .with(admin.caller()))
                .andExpect(status().isOk());
        expect("audit-trail.exported", admin.id(), "group", group, AuditOutcome.SUCCEEDED);
    }

    @Test
    void apiTokensCreatedAndRevokedAreOnThePlatformTrail() throws Exception {
        String username = "tokens-" + UUID.randomUUID().toString().substring(0, 8);
        UUID account = registration.register(username, PASSWORD, null, username + "@example.test");
        HttpClient client = server.client();
        HttpResponse<String> created = TestHttps.send(
                client,
                HttpRequest.newBuilder(server.url("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"ci\"}"
                                        .formatted(username, PASSWORD)))
                        .build());
        assertThat(created.statusCode()).isEqualTo(201);
        UUID token = UUID.fromString(JsonPath.read(created.body(), "$.id"));
        String secret = JsonPath.read(created.body(), "$.token");
        expectOn(null, "token.created", AuditActor.Kind.ACCOUNT, account, "token", token, AuditOutcome.SUCCEEDED);

        HttpResponse<String> revoked = TestHttps.send(
                client,
                HttpRequest.newBuilder(server.url("/api/v1/me/tokens/" + token))
                        .header("Authorization", "Bearer " + secret)
                        .DELETE()
                        .build());
        assertThat(revoked.statusCode()).isEqualTo(204);
        expectOn(null, "token.revoked", AuditActor.Kind.ACCOUNT, account, "token", token, AuditOutcome.SUCCEEDED);
    }

    @Test
    void aTokenUsedFromANewAddressIsOnThePlatformTrailOnceForEachAddress() throws Exception {
        String username = "addresses-" + UUID.randomUUID().toString().substring(0, 8);
        UUID account = registration.register(username, PASSWORD, null, username + "@example.test");
        HttpResponse<String> created = TestHttps.send(
                server.client(),
                HttpRequest.newBuilder(server.url("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"roaming\"}"
                                        .formatted(username, PASSWORD)))
                        .build());
        assertThat(created.statusCode()).isEqualTo(201);
        UUID token = UUID.fromString(JsonPath.read(created.body(), "$.id"));
        String secret = JsonPath.read(created.body(), "$.token");

        // The app trusts no proxy: the address is the connection's, so the client binds to two loopbacks.
        assertThat(statusOfMeFrom("127.0.0.1", secret)).isEqualTo(200);
        expectOn(
                null,
                "token.used-from-new-address",
                AuditActor.Kind.ACCOUNT,
                account,
                "token",
                token,
                AuditOutcome.SUCCEEDED);
        assertThat(statusOfMeFrom("127.0.0.1", secret)).isEqualTo(200);
        assertThat(statusOfMeFrom("127.0.0.2", secret)).isEqualTo(200);
        assertThat(statusOfMeFrom("127.0.0.2", secret)).isEqualTo(200);
        assertThat(statusOfMeFrom("127.0.0.1", secret)).isEqualTo(200);

        // Entries follow the order of their commits: once the second address's entry is there, an entry
        // for a repeated address would be there too.
        List<AuditEntry> entries = AuditFixtures.awaitEntry(
                trail, null, e -> token.toString().equals(e.targetId()) && "127.0.0.2".equals(e.address()));
        assertThat(entries)
                .filteredOn(e -> e.action().equals("token.used-from-new-address")
                        && token.toString().equals(e.targetId()))
                .extracting(AuditEntry::address, AuditEntry::actorId, AuditEntry::outcome)
                .containsExactly(
                        tuple("127.0.0.1", account.toString(), AuditOutcome.SUCCEEDED),
                        tuple("127.0.0.2", account.toString(), AuditOutcome.SUCCEEDED));
        // Only keyed hashes of the addresses rest, one per address; never an address in clear.
        JdbcTemplate global = new JdbcTemplate(stores.global().dataSource());
        List<String> hashes = global.queryForList(
                "select address_hash from api_token_address where token_id = ?", String.class, token);
        assertThat(hashes).hasSize(2).allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
        assertThat(global.queryForObject("select last_used_from from api_token where id = ?", String.class, token))
                .isNotNull()
                .doesNotContain("127.0.0");
    }

    @Test
    void signingOutEndsTheSessionOnThePlatformTrail() throws Exception {
        String username = "signout-" + UUID.randomUUID().toString().substring(0, 8);
        UUID account = registration.register(username, PASSWORD, null, username + "@example.test");
        HttpClient browser = server.client();
        HttpResponse<String> home = WebPages.signIn(browser, server.url("/signin"), username, PASSWORD);
        assertThat(home.statusCode()).isEqualTo(200);
        String handle = sessionHandleOf(browser);

        HttpResponse<String> signedOut =
                WebPages.post(browser, server.url("/signout"), Map.of("_csrf", WebPages.csrfTokenOf(home)));
        assertThat(signedOut.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/signin?signedOut"));

        expectSessionEnded(trail, account, handle);
    }

    @Test
    void aSessionPastItsAbsoluteTimeoutEndsOnThePlatformTrail() throws Exception {
        MovableClock clock = new MovableClock();
        try (TestServer server = TestServer.with().clock(clock).start()) {
            String username = "timeout-" + UUID.randomUUID().toString().substring(0, 8);
            UUID account = server.bean(AccountRegistration.class)
                    .register(username, PASSWORD, null, username + "@example.test");
            HttpClient browser = server.client();
            WebPages.signIn(browser, server.url("/signin"), username, PASSWORD);
            String handle = sessionHandleOf(browser);

            clock.advance(Duration.ofHours(12).plusMinutes(1));
            HttpResponse<String> after = TestHttps.send(
                    browser,
                    HttpRequest.newBuilder(server.url("/"))
                            .header("Accept", "text/html")
                            .build());
            assertThat(after.statusCode()).isEqualTo(302);

            expectSessionEnded(server.bean(AuditTrail.class), account, handle);
        }
    }

    @Test
    void aSessionLeftIdlePastItsTimeoutEndsOnThePlatformTrail() throws Exception {
        try (TestServer server = TestServer.with()
                .property("selvedge.sessions.idle-timeout", "2s")
                .property("selvedge.sessions.idle-sweep-interval", "1s")
                .start()) {
            String username = "idle-" + UUID.randomUUID().toString().substring(0, 8);
            UUID account = server.bean(AccountRegistration.class)
                    .register(username, PASSWORD, null, username + "@example.test");
            HttpClient browser = server.client();
            WebPages.signIn(browser, server.url("/signin"), username, PASSWORD);
            String handle = sessionHandleOf(browser);

            // No request comes back: the session ends of itself, and its end is recorded all the same.
            expectSessionEnded(server.bean(AuditTrail.class), account, handle);
            HttpResponse<String> after = TestHttps.send(
                    browser,
                    HttpRequest.newBuilder(server.url("/"))
                            .header("Accept", "text/html")
                            .build());
            assertThat(after.statusCode()).isEqualTo(302);
        }
    }

    @Test
    void mfaEnrolledAFailedCodeAndAGroupAdminsResetAreOnTheirTrails() throws Exception {
        String username = "mfa-" + UUID.randomUUID().toString().substring(0, 8);
        // The group resets the MFA of the accounts it manages: those in a domain it verified.
        String domain = username + ".example";
        UUID account = registration.register(username, PASSWORD, null, username + "@" + domain);
        verifiedDomain(domain);
        String secret = totp.start(account).secret();
        totp.confirm(account, OneTimeCodes.codeAt(secret, OneTimeCodes.stepAt(Instant.now())), "127.0.0.1");
        expectOn(null, "mfa.enrolled", AuditActor.Kind.ACCOUNT, account, "account", account, AuditOutcome.SUCCEEDED);

        HttpClient browser = server.client();
        WebPages.submitForm(browser, server.url("/signin"), Map.of("username", username, "password", PASSWORD));
        WebPages.submitForm(browser, server.url("/signin/code"), Map.of("otp", "000000"));
        expectOn(null, "sign-in.failed", AuditActor.Kind.ACCOUNT, account, "account", account, AuditOutcome.FAILED);

        as(admin, put("/api/v1/nodes/" + workroom + "/members/" + account), "{\"role\": \"VIEWER\"}")
                .andExpect(status().isOk());
        as(admin, delete("/api/v1/groups/" + group + "/members/" + account + "/mfa"), null)
                .andExpect(status().isNoContent());
        expect("member.mfa-reset", admin.id(), "account", account, AuditOutcome.SUCCEEDED);
        expectOn(null, "mfa.reset", AuditActor.Kind.ACCOUNT, admin.id(), "account", account, AuditOutcome.SUCCEEDED);
    }

    @Test
    void linksApprovalsPolicyAndInvitationsAreOnTheGroupTrail() throws Exception {
        UUID style = UUID.fromString(
                created(as(admin, post("/api/v1/workrooms/" + workroom + "/styles"), "{\"name\": \"Bomber\"}")));
        String glb = created(mvc.perform(post("/api/v1/styles/" + style + "/versions?filename=bomber.glb")
                .with(admin.caller())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content("glTF-binary-model".getBytes(StandardCharsets.UTF_8))));

        String body = as(
                        admin,
                        post("/api/v1/styles/" + style + "/links"),
                        "{\"expiresAt\": \"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\", \"allowDownload\": false}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID link = UUID.fromString(JsonPath.read(body, "$.id"));
        String page = URI.create(JsonPath.<String>read(body, "$.url")).getPath();
        expect("link.created", admin.id(), "link", link, AuditOutcome.SUCCEEDED);
        mvc.perform(get(page)).andExpect(status().isOk());
        expectOn(group, "link.used", AuditActor.Kind.LINK, link, "link", link, AuditOutcome.SUCCEEDED);
        // The link does not allow downloads: a refused use is on the trail too.
        mvc.perform(get(page + "/versions/" + glb + "/content")).andExpect(status().isForbidden());
        expectOn(group, "link.used", AuditActor.Kind.LINK, link, "link", link, AuditOutcome.FAILED);
        as(admin, delete("/api/v1/links/" + link), null).andExpect(status().isNoContent());
        expect("link.revoked", admin.id(), "link", link, AuditOutcome.SUCCEEDED);

        as(admin, post("/api/v1/styles/" + style + "/approval"), "{\"status\": \"APPROVED\"}")
                .andExpect(status().is2xxSuccessful());
        expect("style.approval", admin.id(), "style", style, AuditOutcome.SUCCEEDED);

        as(
                        admin,
                        put("/api/v1/groups/" + group + "/security-policy"),
                        "{\"mfaRequired\": false, \"idleTimeoutMinutes\": 30, \"absoluteTimeoutMinutes\": null,"
                                + " \"passwordSignIn\": true, \"ipAllowList\": []}")
                .andExpect(status().isOk());
        expect("security-policy.changed", admin.id(), "group", group, AuditOutcome.SUCCEEDED);

        Mailbox mailbox = Mailbox.at(mail.dir(), OutboxDelivery.of(context));
        String email = "kinds." + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        UUID invitation = UUID.fromString(created(as(
                admin,
                post("/api/v1/groups/" + group + "/invitations"),
                "{\"email\": \"" + email + "\", \"role\": \"VIEWER\", \"nodeId\": \"" + workroom + "\"}")));
        expect("invitation.sent", admin.id(), "invitation", invitation, AuditOutcome.SUCCEEDED);
        String token = mailbox.awaitLast(email, "invited", 1).secretOf("/invitations/");
        Account invitee = customers.aCustomer("invitee");
        as(invitee, post("/api/v1/invitations/" + token + "/accept"), null).andExpect(status().isCreated());
        expect("invitation.accepted", invitee.id(), "invitation", invitation, AuditOutcome.SUCCEEDED);
    }

    /** The group's trail holds the entry, with that actor (an account), target and outcome. */
    /** The group claims the domain, fails to verify it (no TXT record yet), publishes the record and verifies it. */
    /** Eight blank frames of 64 pixels side by side, as a viewer's browser sends a turntable. */
    private static byte[] aTurntable() throws java.io.IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(8 * 64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        return png.toByteArray();
    }

    private void verifiedDomain(String domain) throws Exception {
        String domains = "/api/v1/groups/" + group + "/domains";
        String body = as(admin, post(domains), "{\"domain\": \"" + domain + "\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID claim = emailDomains.domainsOf(group).stream()
                .filter(d -> d.domain().equals(domain))
                .findFirst()
                .orElseThrow()
                .id();
        expect("domain.claimed", admin.id(), "domain", claim, AuditOutcome.SUCCEEDED);
        as(admin, post(domains + "/" + domain + "/verify"), null).andExpect(status().isUnprocessableContent());
        expect("domain.verified", admin.id(), "domain", claim, AuditOutcome.FAILED);
        TestDns.publish("_selvedge-verification." + domain, (String) JsonPath.read(body, "$.txtValue"));
        as(admin, post(domains + "/" + domain + "/verify"), null).andExpect(status().isOk());
        expect("domain.verified", admin.id(), "domain", claim, AuditOutcome.SUCCEEDED);
    }

    private void expect(String action, UUID actor, String targetKind, UUID target, AuditOutcome outcome)
            throws InterruptedException {
        expectOn(group, action, AuditActor.Kind.ACCOUNT, actor, targetKind, target, outcome);
    }

    private void expectOn(
            @Nullable UUID trailGroup,
            String action,
            AuditActor.Kind actorKind,
            UUID actor,
            String targetKind,
            UUID target,
            AuditOutcome outcome)
            throws InterruptedException {
        List<AuditEntry> entries = AuditFixtures.awaitEntry(
                trail,
                trailGroup,
                e -> e.action().equals(action)
                        && target.toString().equals(e.targetId())
                        && e.actorKind() == actorKind
                        && actor.toString().equals(e.actorId())
                        && e.targetKind().equals(targetKind)
                        && e.outcome() == outcome);
        assertThat(entries).as("%s on %s %s", action, targetKind, target).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(action);
            assertThat(e.targetId()).isEqualTo(target.toString());
            assertThat(e.actorKind()).isEqualTo(actorKind);
            assertThat(e.actorId()).isEqualTo(actor.toString());
            assertThat(e.targetKind()).isEqualTo(targetKind);
            assertThat(e.outcome()).isEqualTo(outcome);
        });
    }

    /** The platform trail holds the session's end, by its owner, named by the handle the session list shows. */
    private static void expectSessionEnded(AuditTrail trail, UUID account, String handle) throws InterruptedException {
        List<AuditEntry> entries = AuditFixtures.awaitEntry(
                trail, null, e -> e.action().equals("session.ended") && handle.equals(e.targetId()));
        assertThat(entries).as("session.ended of %s", handle).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("session.ended");
            assertThat(e.actorKind()).isEqualTo(AuditActor.Kind.ACCOUNT);
            assertThat(e.actorId()).isEqualTo(account.toString());
            assertThat(e.targetKind()).isEqualTo("session");
            assertThat(e.targetId()).isEqualTo(handle);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        });
    }

    /** The handle of the browser's session (half the SHA-256 of its stored id), as the session list shows it. */
    private static String sessionHandleOf(HttpClient browser) throws Exception {
        CookieManager cookies = (CookieManager) browser.cookieHandler().orElseThrow();
        String cookie = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SELVEDGE_SESSION"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
        // The cookie carries the session's secret; the store (and so the handle) knows only its SHA-256.
        String secret = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
        String sessionId = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(("session:" + sessionId).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** GET /api/v1/me with the token, from {@code localAddress} (a loopback address). */
    private int statusOfMeFrom(String localAddress, String token) {
        return TestHttps.getFrom(localAddress, server.dataDir(), server.port(), "/api/v1/me", "Bearer " + token);
    }

    private void signIn(String username, String password) {
        WebPages.submitForm(server.client(), server.url("/signin"), Map.of("username", username, "password", password));
    }

    private String node(String parents, String parent, String children, String name) throws Exception {
        return created(
                as(admin, post("/api/v1/" + parents + "/" + parent + "/" + children), "{\"name\": \"" + name + "\"}"));
    }

    private ResultActions as(Account caller, MockHttpServletRequestBuilder request, @Nullable String json)
            throws Exception {
        request.with(caller.caller()).accept(MediaType.APPLICATION_JSON);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    private static int statusOf(ResultActions result) {
        return result.andReturn().getResponse().getStatus();
    }

    private static String created(ResultActions result) throws Exception {
        String body =
                result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }
}
