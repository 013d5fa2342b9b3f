package io.selvedge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.access.Invitations;
import io.selvedge.access.Role;
import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.collab.Approvals;
import io.selvedge.collab.Comments;
import io.selvedge.collab.Pin;
import io.selvedge.collab.ShareLinks;
import io.selvedge.content.Style;
import io.selvedge.content.StyleChange;
import io.selvedge.content.StyleStatus;
import io.selvedge.content.Styles;
import io.selvedge.content.Uploads;
import io.selvedge.content.Version;
import io.selvedge.content.Versions;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.crypto.GroupKeys;
import io.selvedge.crypto.OneTimeCodes;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.EmailChanges;
import io.selvedge.identity.PasswordResets;
import io.selvedge.identity.TotpEnrolment;
import io.selvedge.notify.MailProperties;
import io.selvedge.notify.Outbox;
import io.selvedge.notify.OutgoingMail;
import io.selvedge.notify.internal.OutboxDelivery;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import io.selvedge.testing.AtRest;
import io.selvedge.testing.Customers;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.SoftwarePasskey;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The standing promise of the security page: nothing a customer puts in rests in clear. A marker goes
 * into everything that exists (file contents, e-mail addresses, mail subjects and bodies, invitation addresses, group and node names and their creators, TOTP secrets and recovery codes, accounts' e-mail addresses and display names, reset and confirmation links, passkey labels, audit trail entries (names, user agents) and the outbox, style names, descriptions and tags, version files and names, thumbnails and resumable-upload parts, comments and their pins, approval notes, share-link passwords and tokens, the addresses API tokens are used from, a web sign-in's address and user agent (the session's attributes), a failed sign-in's address (no unkeyed hash of it); later issues
 * add names, descriptions, comments, tags and IdP settings here as they land), then every file under
 * the data directory and every value of every table of every store is searched for it.
 */
@SelvedgeIntegrationTest
class NothingInClearIT {

    final String marker = "SELVEDGE-MARKER-" + UUID.randomUUID();

    /** The workroom of the marked tree, where the marked style and its collaboration go. */
    UUID markedWorkroom;

    @Autowired
    PlatformProperties platform;

    @Autowired
    Stores stores;

    @Autowired
    GroupResidency residency;

    @Autowired
    GroupKeys keys;

    @Autowired
    GroupFiles files;

    @Autowired
    Outbox outbox;

    @Autowired
    Groups groups;

    @Autowired
    Tree tree;

    @Autowired
    TestServer server;

    @Test
    void noMarkerRestsInClearInAnyFileOrTable() throws Exception {
        UUID group = anEuGroupWithKeys();
        aFileHolding(group, ("a garment whose pattern is " + marker + "\n").repeat(1000));
        UUID markedGroup = aTreeNamed(marker);
        awaitTheAuditTrailOf(markedGroup);
        aPasskeyLabelled("Passkey " + marker);
        aStyleWithVersionsIn(markedWorkroom);
        String linkToken = aCollaborationHolding(marker, markedWorkroom);
        outbox.enqueue(new OutgoingMail(
                marker.toLowerCase() + "@example.test", "About " + marker, "Body " + marker, "<p>" + marker + "</p>"));

        AtRest.flushEmbeddedStores(stores);

        assertThat(AtRest.filesContainingAny(
                        platform.dataDir(),
                        List.of(marker, marker.toLowerCase()),
                        NothingInClearIT::developmentMailCopy))
                .isEmpty();
        assertThat(AtRest.valuesContainingAny(stores, List.of(marker, marker.toLowerCase(), linkToken)))
                .isEmpty();
    }

    @Autowired
    Comments comments;

    @Autowired
    Approvals approvals;

    @Autowired
    ShareLinks links;

    /**
     * A style, a pinned comment, an approval note and a password-protected share link, each holding the
     * marker; returns the link's token, which must rest nowhere either (only its hash does).
     */
    private String aCollaborationHolding(String text, UUID workroom) {
        UUID actor = UUID.randomUUID();
        UUID style = styles.create(workroom, "Style " + text, "About " + text, List.of("collab"), actor)
                .id();
        UUID comment = comments.post(style, "Comment " + text, null, new Pin(1.25, 2.5, 3.75), actor)
                .id();
        comments.change(comment, "Edited " + text, true, actor);
        approvals.record(style, StyleStatus.APPROVED, "Note " + text, actor);
        return links.create(style, "style", Instant.now().plusSeconds(3600), "Password " + text, true, actor)
                .token();
    }

    @Autowired
    TotpEnrolment totp;

    @Autowired
    JdbcTemplate globalStore;

    /** The TOTP secret and the recovery codes of an account are secrets too: none rests in clear. */
    @Test
    void noTotpSecretOrRecoveryCodeRestsInClear() throws Exception {
        UUID account = UUID.randomUUID();
        globalStore.update(
                "insert into account (id, username, status, created_at) values (?, ?, 'ACTIVE', ?)",
                account,
                "clear-" + account.toString().substring(0, 8),
                Timestamp.from(Instant.now()));
        String secret = totp.start(account).secret();
        List<String> secrets = new ArrayList<>(
                totp.confirm(account, OneTimeCodes.codeAt(secret, OneTimeCodes.stepAt(Instant.now())), "127.0.0.1"));
        secrets.addAll(secrets.stream().map(code -> code.replace("-", "")).toList());
        secrets.add(secret);

        AtRest.flushEmbeddedStores(stores);

        assertThat(AtRest.filesContainingAny(platform.dataDir(), secrets, NothingInClearIT::developmentMailCopy))
                .as("files")
                .isEmpty();
        assertThat(AtRest.valuesContainingAny(stores, secrets)).as("tables").isEmpty();
    }

    @Autowired
    Invitations invitations;

    /** An invitation's address rests encrypted in the group's region, and its mail in the outbox. */
    @Test
    void noInvitationAddressRestsInClear() throws Exception {
        Customers.Account admin = new Customers(stores).aCustomer("inviter");
        UUID group = groups.create("Invitations", "eu", admin.id()).id();
        String address = marker.toLowerCase() + "@example.test";
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(admin.username(), null, List.of()));
        try {
            invitations.invite(group, address, Role.GROUP_OPERATOR, group);
        } finally {
            SecurityContextHolder.clearContext();
        }

        AtRest.flushEmbeddedStores(stores);

        assertThat(AtRest.filesContaining(
                        platform.dataDir(), marker.toLowerCase(), NothingInClearIT::developmentMailCopy))
                .isEmpty();
        assertThat(AtRest.valuesContaining(stores, marker.toLowerCase())).isEmpty();
    }

    @Autowired
    AccountRegistration registration;

    @Autowired
    EmailChanges emailChanges;

    @Autowired
    PasswordResets passwordResets;

    @Autowired
    MailProperties mail;

    @Autowired
    ApplicationContext context;

    /**
     * An account's e-mail address (current and pending), its display name, and the secrets of the links
     * mailed to it (password reset, address confirmation) rest in clear nowhere but in the mail itself.
     */
    @Test
    void noEmailAddressDisplayNameOrAccountLinkRestsInClear() throws Exception {
        String password = "a marker that sews itself in";
        String email = marker.toLowerCase() + "@example.test";
        String newEmail = "new-" + marker.toLowerCase() + "@example.test";
        UUID account = registration.register(
                "clear-mail-" + marker.substring(marker.length() - 8).toLowerCase(), password, "Name " + marker, email);
        emailChanges.request(account, newEmail, password, null, "127.0.0.1");
        passwordResets.request(email.toUpperCase(), "127.0.0.1");
        Mailbox mailbox = Mailbox.at(mail.dir(), OutboxDelivery.of(context));
        List<String> secrets = new ArrayList<>(List.of(marker, marker.toLowerCase()));
        secrets.add(mailbox.awaitLast(email, "Reset your Selvedge password", 1).secretOf("/reset-password/"));
        secrets.add(mailbox.awaitLast(newEmail, "Confirm your new e-mail address", 1)
                .secretOf("/confirm-email/"));

        AtRest.flushEmbeddedStores(stores);

        assertThat(AtRest.filesContainingAny(platform.dataDir(), secrets, NothingInClearIT::developmentMailCopy))
                .as("files")
                .isEmpty();
        assertThat(AtRest.valuesContainingAny(stores, secrets)).as("tables").isEmpty();
    }

    /**
     * The addresses an API token is used from are personal data: its last one rests encrypted, the ones it
     * was seen from as keyed hashes, the audit entry of a new one encrypted; never the address in clear.
     */
    @Test
    void noAddressAnApiTokenWasUsedFromRestsInClear() throws Exception {
        String address = "127.0.0.3"; // a loopback address no other test uses
        String username =
                "clear-address-" + marker.substring(marker.length() - 8).toLowerCase();
        String password = "an address that stays unsaid";
        registration.register(username, password, null, username + "@example.test");
        HttpResponse<String> created = TestHttps.send(
                server.client(),
                HttpRequest.newBuilder(server.url("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"ci\"}"
                                        .formatted(username, password)))
                        .build());
        assertThat(created.statusCode()).isEqualTo(201);
        String token = com.jayway.jsonpath.JsonPath.read(created.body(), "$.token");
        assertThat(TestHttps.getFrom(address, platform.dataDir(), server.port(), "/api/v1/me", "Bearer " + token))
                .isEqualTo(200);
        Instant giveUp = Instant.now().plusSeconds(60);
        while (auditTrail.find(null, AuditFilter.all(), 50, null).entries().stream()
                        .noneMatch(entry -> address.equals(entry.address()))
                && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }
        assertThat(auditTrail.find(null, AuditFilter.all(), 50, null).entries())
                .as("the use from a new address, on the platform trail (the address decrypted for its reader)")
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("token.used-from-new-address");
                    assertThat(entry.address()).isEqualTo(address);
                });

        AtRest.flushEmbeddedStores(stores);

        assertThat(AtRest.filesContaining(platform.dataDir(), address, NothingInClearIT::developmentMailCopy))
                .as("files")
                .isEmpty();
        assertThat(AtRest.valuesContaining(stores, address)).as("tables").isEmpty();
    }

    /**
     * A web sign-in rests no client address and no user agent in clear (the session's attributes hold the
     * security context with the sign-in's details: they rest encrypted), and a failed sign-in's address rests
     * as a keyed hash only: no SHA-256 of it, as the throttle once kept, is found anywhere. The session
     * cookie's secret rests nowhere either (the session is stored under its hash).
     */
    @Test
    void noSignInAddressOrUserAgentRestsInClearNorUnderAnUnkeyedHash() throws Exception {
        String signedInFrom = "127.0.0.4"; // loopback addresses no other test uses
        String failedFrom = "127.0.0.5";
        String userAgent = "Browser " + marker;
        String username =
                "clear-signin-" + marker.substring(marker.length() - 8).toLowerCase();
        String password = "a sign-in that leaves no trace";
        registration.register(username, password, null, username + "@example.test");

        assertThat(signInFrom(failedFrom, userAgent, username, "not " + password))
                .as("the failed sign-in's answer")
                .contains("Location: ")
                .contains("error");
        String signedIn = signInFrom(signedInFrom, userAgent, username, password);
        assertThat(signedIn)
                .as("the sign-in's answer")
                .startsWith("HTTP/1.1 302")
                .doesNotContain("error");
        assertThat(globalStore.queryForObject(
                        "select count(*) from spring_session where principal_name = ?", Integer.class, username))
                .as("the signed-in session rests, its attributes scanned below")
                .isOne();
        assertThat(globalStore.queryForObject("select count(*) from sign_in_failure", Integer.class))
                .as("the failures rest, keyed")
                .isPositive();

        java.util.regex.Matcher sessionCookie = java.util.regex.Pattern.compile("SELVEDGE_SESSION=([^;\\r\\n]+)")
                .matcher(signedIn);
        assertThat(sessionCookie.find())
                .as("the sign-in sets a new session cookie")
                .isTrue();
        String sessionSecret =
                new String(java.util.Base64.getDecoder().decode(sessionCookie.group(1)), StandardCharsets.UTF_8);

        AtRest.flushEmbeddedStores(stores);

        List<String> secrets = List.of(
                signedInFrom,
                failedFrom,
                userAgent,
                sessionCookie.group(1),
                sessionSecret,
                sha256Hex(failedFrom),
                sha256Hex("address:" + failedFrom),
                sha256Hex(signedInFrom),
                sha256Hex("address:" + signedInFrom));
        assertThat(AtRest.filesContainingAny(platform.dataDir(), secrets, NothingInClearIT::developmentMailCopy))
                .as("files holding any of %s", secrets)
                .isEmpty();
        assertThat(AtRest.valuesContainingAny(stores, secrets))
                .as("tables holding any of %s", secrets)
                .isEmpty();
    }

    /** Posts the sign-in form from {@code address} (the page and its CSRF token fetched first); the raw answer. */
    private String signInFrom(String address, String userAgent, String username, String password) {
        HttpResponse<String> page = TestHttps.get(server.client(), server.url("/signin"));
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("SELVEDGE_SESSION="))
                .map(header -> header.substring(0, header.indexOf(';')))
                .findFirst()
                .orElseThrow();
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(WebPages.csrfTokenOf(page));
        return TestHttps.sendFrom(
                address,
                platform.dataDir(),
                server.port(),
                "POST /signin HTTP/1.1\r\nCookie: " + cookie + "\r\nUser-Agent: " + userAgent
                        + "\r\nContent-Type: application/x-www-form-urlencoded",
                form);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256Hex(String value) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theScanFindsWhatIsInClear() throws Exception {
        JdbcTemplate eu = new JdbcTemplate(stores.region("eu").dataSource());
        eu.execute("create table scan_canary (note varchar(200))");
        try {
            eu.update("insert into scan_canary (note) values (?)", "in clear: " + marker);
            AtRest.flushEmbeddedStores(stores);

            assertThat(AtRest.valuesContaining(stores, marker)).containsExactly("region-eu:scan_canary.note");
            if (TestDatabase.isPostgresql()) {
                return; // PostgreSQL's files are the server's; its tables were scanned above
            }
            assertThat(AtRest.filesContaining(platform.dataDir(), marker, path -> false))
                    .singleElement()
                    .satisfies(file ->
                            assertThat(file.toString()).contains("regions/eu").endsWith(".mv.db"));
        } finally {
            eu.execute("drop table scan_canary");
        }
    }

    private UUID anEuGroupWithKeys() {
        UUID group = UUID.randomUUID();
        residency.register(group, "eu");
        keys.create(group);
        return group;
    }

    /**
     * Every level of a group's tree, each name holding the marker, made in a request whose user agent holds
     * it too: the audit trail records the names and the user agent. (The creator is an actor, no free text.)
     */
    private UUID aTreeNamed(String name) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("User-Agent", "Browser " + marker);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            UUID group = groups.create("Group " + name, "eu", UUID.randomUUID()).id();
            UUID parent = group;
            for (NodeKind kind : NodeKind.values()) {
                parent = tree.create(kind, parent, kind + " " + name, AuditActor.system())
                        .id();
            }
            tree.rename(NodeKind.WORKROOM, parent, "Renamed " + name, AuditActor.system());
            markedWorkroom = parent;
            return group;
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Autowired
    Styles styles;

    @Autowired
    Versions versions;

    @Autowired
    Uploads uploads;

    /**
     * A style whose name, description and tags hold the marker; a version whose file name and content
     * hold it, with a thumbnail that does; an unfinished resumable upload whose name and stored part do.
     */
    private void aStyleWithVersionsIn(UUID workroom) throws Exception {
        UUID actor = UUID.randomUUID();
        Style style =
                styles.create(workroom, "Style " + marker, "About " + marker, List.of("tag " + marker, marker), actor);
        styles.change(style.id(), new StyleChange(null, "Changed " + marker, List.of(marker + " again"), null), actor);
        byte[] content =
                ("a garment whose pattern is " + marker + "\n").repeat(50_000).getBytes(StandardCharsets.UTF_8);
        Version version = versions.upload(
                style.id(), marker + ".zprj", null, content.length, new ByteArrayInputStream(content), actor);
        byte[] png = ("\u0089PNG\r\n\u001a\n" + marker).getBytes(StandardCharsets.ISO_8859_1);
        versions.setThumbnail(version.id(), new ByteArrayInputStream(png), png.length, actor);
        Uploads.Upload upload = uploads.create(style.id(), content.length * 2L, "tus " + marker + ".glb", null, actor);
        uploads.append(upload.id(), 0, new ByteArrayInputStream(content), actor);
        styles.favour(style.id(), actor);
    }

    @Autowired
    AuditTrail auditTrail;

    /** The trail is written after the commit: wait until it has the rename (the sixth entry), in clear for its reader. */
    private void awaitTheAuditTrailOf(UUID group) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(60);
        List<AuditEntry> entries =
                auditTrail.find(group, AuditFilter.all(), 10, null).entries();
        while (entries.stream().noneMatch(NothingInClearIT::isTheRename)
                && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
            entries = auditTrail.find(group, AuditFilter.all(), 10, null).entries();
        }
        // The group's creator becoming its admin is on the trail too: match the rename, not a count.
        AuditEntry rename = entries.stream()
                .filter(NothingInClearIT::isTheRename)
                .findFirst()
                .orElseThrow(() -> new AssertionError("The rename never reached the audit trail"));
        assertThat(rename.targetName()).isEqualTo("Renamed " + marker);
        assertThat(rename.userAgent()).isEqualTo("Browser " + marker);
    }

    private static boolean isTheRename(AuditEntry entry) {
        return "workroom.renamed".equals(entry.action());
    }

    /** A passkey registered through Spring's WebAuthn endpoints (a software authenticator), its label the marker. */
    private void aPasskeyLabelled(String label) {
        String username = "nic-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a marker in the passkey label";
        server.signingIn(UUID.randomUUID(), username, password, null);
        HttpClient browser = server.client();
        WebPages.signIn(browser, server.url("/signin"), username, password);
        String csrf = WebPages.csrfTokenOf(TestHttps.get(browser, server.url("/account/mfa")));
        SoftwarePasskey passkey = new SoftwarePasskey(
                platform.publicUrl().getScheme() + "://" + platform.publicUrl().getHost()
                        + (platform.publicUrl().getPort() < 0
                                ? ""
                                : ":" + platform.publicUrl().getPort()));
        String options =
                postJson(browser, "/webauthn/register/options", "", csrf).body();
        assertThat(postJson(browser, "/webauthn/register", passkey.register(options, label), csrf)
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> postJson(HttpClient browser, String path, String body, String csrf) {
        return WebPages.postJson(browser, server.url(path), body, csrf);
    }

    private void aFileHolding(UUID group, String content) throws Exception {
        files.write(group, "marker-file", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean developmentMailCopy(Path file) {
        return file.getFileName().toString().endsWith(".eml");
    }
}
