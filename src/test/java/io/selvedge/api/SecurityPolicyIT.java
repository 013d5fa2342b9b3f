package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.access.Role;
import io.selvedge.access.SecurityPolicies;
import io.selvedge.access.SecurityPolicyChanged;
import io.selvedge.crypto.OneTimeCodes;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.PasswordSignInPolicy;
import io.selvedge.identity.SessionLimits;
import io.selvedge.identity.TotpEnrolment;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A group's security policy through the API: who sees and changes it, what a change may set, that an admin
 * cannot lock themselves out, that members are refused from outside the allow-list, and that only the group
 * that manages an account (verified its domain) sets its account-wide policy.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class SecurityPolicyIT {

    static final String PASSWORD = "indigo warp over grey weft";

    @Autowired
    Stores stores;

    @Autowired
    ApplicationEvents events;

    @Autowired
    SecurityPolicies policies;

    @Autowired
    SessionLimits sessionLimits;

    @Autowired
    PasswordSignInPolicy passwordSignIn;

    @Autowired
    AccountRegistration registration;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TestServer server;

    @Autowired
    TotpEnrolment totp;

    @Autowired
    ApiCalls api;

    Account admin;
    String[] tree;
    String group;
    String policy;

    @BeforeEach
    void aGroup() throws Exception {
        admin = api.customers().aCustomer("admin");
        tree = api.tree(admin, "Maison");
        group = tree[0];
        policy = "/api/v1/groups/" + group + "/security-policy";
    }

    @Test
    void aNewGroupHasTheDefaultsWhichAdminsAndOperatorsSee() throws Exception {
        Account operator = api.granted(admin, group, Role.GROUP_OPERATOR);
        for (Account viewer : new Account[] {admin, operator}) {
            api.as(viewer, get(policy), null)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.mfaRequired").value(false))
                    .andExpect(jsonPath("$.passwordSignIn").value(true))
                    .andExpect(jsonPath("$.idleTimeoutMinutes").isEmpty())
                    .andExpect(jsonPath("$.ipAllowList").isEmpty())
                    .andExpect(jsonPath("$.version").value(0));
        }
        problem(api.as(operator, put(policy), change(true, 10L, 60L, true, "")), 403);
        Account brandAdmin = api.granted(admin, tree[2], Role.BRAND_ADMIN);
        problem(api.as(brandAdmin, get(policy), null), 403);
        Account stranger = api.customers().aCustomer("stranger");
        problem(api.as(stranger, get(policy), null), 404);
        problem(api.as(stranger, put(policy), change(true, 10L, 60L, true, "")), 404);
    }

    @Test
    void theAdminTightensThePolicyVersionedAndAudited() throws Exception {
        // A group admin must use MFA, and the policy asks it of everyone who reaches the group's resources.
        String secret = totp.start(admin.id()).secret();
        totp.confirm(admin.id(), OneTimeCodes.codeAt(secret, OneTimeCodes.stepAt(Instant.now())), "127.0.0.1");
        api.as(admin, put(policy), change(true, 10L, 60L, true, "\"127.0.0.0/8\", \"2001:DB8::/32\", \"192.0.2.7\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.ipAllowList[1]").value("2001:db8::/32"))
                .andExpect(jsonPath("$.ipAllowList[2]").value("192.0.2.7/32"));
        api.as(admin, get(policy), null)
                .andExpect(jsonPath("$.mfaRequired").value(true))
                .andExpect(jsonPath("$.idleTimeoutMinutes").value(10))
                .andExpect(jsonPath("$.absoluteTimeoutMinutes").value(60))
                .andExpect(jsonPath("$.changedBy").value(admin.id().toString()));
        assertThat(events.stream(SecurityPolicyChanged.class))
                .anyMatch(changed -> changed.groupId().toString().equals(group)
                        && changed.version() == 1
                        && !changed.refused()
                        && changed.auditActor().equals(AuditActor.account(admin.id()))
                        && changed.ipAllowListSize() == 3);

        // A change against an old version is refused: someone changed it meanwhile.
        problem(api.as(admin, put(policy), change(false, null, null, true, "", 0L)), 409);
        api.as(admin, put(policy), change(false, null, null, true, "", 1L))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void limitsOnlyTightenAndBlocksMustBeBlocks() throws Exception {
        problem(api.as(admin, put(policy), change(false, 31L, null, true, "")), 422);
        problem(api.as(admin, put(policy), change(false, null, 13 * 60L, true, "")), 422);
        problem(api.as(admin, put(policy), change(false, 0L, null, true, "")), 422);
        problem(api.as(admin, put(policy), change(false, null, null, true, "\"10.0.0.0/33\", \"127.0.0.1\"")), 422);
        problem(
                api.as(admin, put(policy), change(false, null, null, true, "\"intranet.example\", \"127.0.0.1\"")),
                422);
        problem(api.as(admin, put(policy), change(false, null, null, true, "\"300.1.1.1\", \"127.0.0.1\"")), 422);
        api.as(admin, get(policy), null).andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void theAdminCannotLockThemselvesOut() throws Exception {
        problem(api.as(admin, put(policy), change(false, null, null, true, "\"10.0.0.0/8\"")), 422);
        problem(api.from(admin, "2001:db8::5", put(policy), change(false, null, null, true, "\"2001:db9::/32\"")), 422);
        api.from(admin, "2001:db8::5", put(policy), change(false, null, null, true, "\"2001:db8::/32\""))
                .andExpect(status().isOk());
        // Single sign-on only, while it is not set up and the admin has no other group: they could not sign in.
        problem(api.from(admin, "2001:db8::5", put(policy), change(false, null, null, false, "")), 422);
        assertThat(events.stream(SecurityPolicyChanged.class))
                .anyMatch(changed -> changed.groupId().toString().equals(group) && changed.refused());
    }

    @Test
    void membersAreRefusedFromOutsideTheAllowList() throws Exception {
        Account collaborator = api.granted(admin, tree[2], Role.BRAND_COLLABORATOR);
        api.as(admin, put(policy), change(false, null, null, true, "\"127.0.0.0/8\", \"2001:db8::/32\""))
                .andExpect(status().isOk());

        api.as(collaborator, get("/api/v1/brands/" + tree[2]), null).andExpect(status().isOk());
        api.from(collaborator, "2001:db8::1", get("/api/v1/workrooms/" + tree[4]), null)
                .andExpect(status().isOk());
        problem(api.from(collaborator, "198.51.100.4", get("/api/v1/brands/" + tree[2]), null), 403);
        problem(api.from(collaborator, "2001:db9::1", get("/api/v1/workrooms/" + tree[4]), null), 403);
        problem(api.from(admin, "198.51.100.4", get("/api/v1/groups/" + group + "/members"), null), 403);
        // Outsiders still learn nothing: 404, wherever they call from.
        Account stranger = api.customers().aCustomer("stranger");
        problem(api.from(stranger, "198.51.100.4", get("/api/v1/brands/" + tree[2]), null), 404);
    }

    @Test
    void aMemberOutsideTheAllowListReadsNoneOfTheGroupsDataOnAnyPath() throws Exception {
        String kilt = ApiCalls.created(api.as(
                admin,
                post("/api/v1/workrooms/" + tree[4] + "/styles"),
                "{\"name\": \"Hidden Kilt\", \"description\": \"Lined in hush silk\", \"tags\": [\"hush-tag\"]}"));
        Account member = api.anInvitableCustomer("member");
        api.grant(admin, kilt, member, Role.EDITOR, false, false); // a share: a notification naming the style
        api.as(member, put("/api/v1/styles/" + kilt + "/favourite"), null).andExpect(status().is2xxSuccessful());
        String session = webSession(member);
        api.as(admin, put(policy), change(false, null, null, true, "\"127.0.0.1/32\""))
                .andExpect(status().isOk());
        String[] secrets = {"Hidden Kilt", "hush silk", "hush-tag", "Maison"};

        // From inside the list, every path shows the group's data (so the refusals below are not vacuous).
        assertThat(read(member, "127.0.0.1", "/api/v1/me/favourites")).contains("Hidden Kilt", "hush-tag");
        assertThat(awaitNotificationNaming(member, "Hidden Kilt")).contains("Hidden Kilt");
        assertThat(read(member, "127.0.0.1", "/api/v1/groups")).contains("Maison");
        assertThat(page(session, "127.0.0.1", "/")).contains("Hidden Kilt", "Maison");
        assertThat(page(session, "127.0.0.1", "/notifications")).contains("Hidden Kilt");

        // From 127.0.0.2 the member is refused the style and search, and no read path shows any of it.
        problem(api.from(member, "127.0.0.2", get("/api/v1/styles/" + kilt), null), 403);
        problem(api.from(member, "127.0.0.2", get("/api/v1/groups/" + group + "/search?q=Hidden"), null), 403);
        for (String path : new String[] {"/api/v1/me/favourites", "/api/v1/me/notifications", "/api/v1/groups"}) {
            assertThat(read(member, "127.0.0.2", path)).as(path).doesNotContain(secrets);
        }
        for (String path : new String[] {"/", "/notifications"}) {
            assertThat(page(session, "127.0.0.2", path)).as(path).doesNotContain(secrets);
        }
    }

    /** The JSON a GET answers with 200, as the account from the address. */
    private String read(Account account, String address, String path) throws Exception {
        return api.from(account, address, get(path), null)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The web page a GET answers with 200, in the browser session, over a connection from the address. */
    private String page(String session, String address, String path) {
        String answer = TestHttps.sendFrom(
                address,
                server.dataDir(),
                server.port(),
                "GET " + path + " HTTP/1.1\r\nAccept: text/html\r\nCookie: SELVEDGE_SESSION=" + session,
                "");
        assertThat(answer).as("GET %s from %s", path, address).startsWith("HTTP/1.1 200");
        return answer;
    }

    /** The account signs in on the web page (password set here); its session cookie. */
    private String webSession(Account account) {
        new JdbcTemplate(stores.global().dataSource())
                .update(
                        "update account set password_hash = ? where id = ?",
                        passwordEncoder.encode(PASSWORD),
                        account.id());
        HttpClient browser = server.client();
        WebPages.signIn(browser, server.url("/signin"), account.username(), PASSWORD);
        return ((CookieManager) browser.cookieHandler().orElseThrow())
                .getCookieStore().getCookies().stream()
                        .filter(cookie -> cookie.getName().equals("SELVEDGE_SESSION"))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
    }

    /** The member's notifications once the share's notification (written after commit) has arrived. */
    private String awaitNotificationNaming(Account account, String text) throws Exception {
        String found = "";
        for (int attempt = 0; attempt < 200 && !found.contains(text); attempt++) {
            Thread.sleep(50);
            found = read(account, "127.0.0.1", "/api/v1/me/notifications");
        }
        return found;
    }

    @Test
    void onlyTheManagingGroupsPolicyReachesTheWholeAccount() throws Exception {
        String domain = api.aVerifiedDomain(admin, group, "maison");
        String username = "weaver-" + UUID.randomUUID().toString().substring(0, 8);
        UUID weaver = registration.register(username, PASSWORD, null, username + "@" + domain);
        Account member = new Account(weaver, username, false);
        Account otherAdmin = api.customers().aCustomer("other-admin");
        String other = api.tree(otherAdmin, "Loup")[0];
        api.grant(admin, tree[1], member, Role.COMPANY_COLLABORATOR, false, false);
        api.grant(otherAdmin, other, member, Role.GROUP_OPERATOR, false, false);
        assertThat(policies.forAccount(member.id()).mfaRequired()).isFalse();
        assertThat(policies.forAccount(admin.id()).mfaRequired())
                .as("a group admin")
                .isTrue();

        // The other group, where the weaver is an outside collaborator, is strict: it reaches only its own.
        api.as(otherAdmin, put("/api/v1/groups/" + other + "/security-policy"), change(true, 15L, 30L, true, ""))
                .andExpect(status().isOk());
        assertThat(policies.forAccount(member.id()).mfaRequired()).isFalse();
        assertThat(sessionLimits.limitsFor(member.id())).isEqualTo(SessionLimits.Limits.none());

        api.as(admin, put(policy), change(false, 20L, 120L, true, "")).andExpect(status().isOk());
        SecurityPolicies.AccountPolicy managed = policies.forAccount(member.id());
        assertThat(managed.mfaRequired()).isFalse();
        assertThat(managed.idleTimeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(managed.absoluteTimeout()).isEqualTo(Duration.ofMinutes(120));
        assertThat(sessionLimits.limitsFor(member.id()))
                .isEqualTo(new SessionLimits.Limits(Duration.ofMinutes(20), Duration.ofMinutes(120)));
        assertThat(sessionLimits.limitsFor(UUID.randomUUID())).isEqualTo(SessionLimits.Limits.none());
    }

    @Test
    void passwordSignInIsRefusedOnlyToTheAccountsOfASingleSignOnOnlyGroup() throws Exception {
        String domain = api.aVerifiedDomain(admin, group, "maison");
        String username = "weaver-" + UUID.randomUUID().toString().substring(0, 8);
        UUID weaver = registration.register(username, PASSWORD, null, username + "@" + domain);
        Account weaverAccount = new Account(weaver, username, false);
        String outsiderName = "guest-" + UUID.randomUUID().toString().substring(0, 8);
        UUID guest = registration.register(outsiderName, PASSWORD, null, outsiderName + "@example.test");
        api.grant(admin, tree[1], weaverAccount, Role.COMPANY_COLLABORATOR, false, false);
        api.grant(admin, tree[1], new Account(guest, outsiderName, false), Role.COMPANY_COLLABORATOR, false, false);
        String token = "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"ci\"}";
        String weaverToken = com.jayway.jsonpath.JsonPath.read(
                api.as(null, post("/api/v1/auth/tokens"), token)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.token");
        // A reset link mailed while the weaver still had a password of their own.
        Mailbox mailbox = api.mailbox();
        String weaverEmail = username + "@" + domain;
        api.as(null, post("/api/v1/auth/password-reset"), "{\"usernameOrEmail\": \"" + weaverEmail + "\"}")
                .andExpect(status().isAccepted());
        String oldLink = mailbox.awaitLast(weaverEmail, "Reset your Selvedge password", 1)
                .secretOf("/reset-password/");

        // Only an admin signed in through single sign-on may turn passwords off (else they lock themselves out).
        problem(api.as(admin, put(policy), change(false, null, null, false, "")), 422);
        // ... and only with a break-glass account named first: the group's own, with MFA.
        api.mvc()
                .perform(put(policy)
                        .with(AccountOwnershipIT.signedInThroughSso(admin))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(change(false, null, null, false, "")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("break-glass")));
        assertThat(policies.policyOf(UUID.fromString(group)).passwordSignIn()).isTrue();
        UUID keeper = breakGlassAccount(api, admin, group, domain, registration, totp);
        api.mvc()
                .perform(put(policy)
                        .with(AccountOwnershipIT.signedInThroughSso(admin))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(change(false, null, null, false, "")))
                .andExpect(status().isOk());

        // The group's own accounts lose their passwords; an outside collaborator keeps its own.
        assertThat(passwordSignIn.passwordSignInAllowed(weaver)).isFalse();
        problem(api.as(null, post("/api/v1/auth/tokens"), token), 401);
        assertThat(passwordSignIn.passwordSignInAllowed(guest)).isTrue();
        assertThat(passwordSignIn.passwordSignInAllowed(admin.id())).isTrue();
        assertThat(passwordSignIn.passwordSignInAllowed(keeper)).isTrue();

        // Nor do they set a password of their own: no change, no reset, not even with a link mailed before.
        api.mvc()
                .perform(put("/api/v1/me/password")
                        .header("Authorization", "Bearer " + weaverToken)
                        .accept(org.springframework.http.MediaType.APPLICATION_JSON)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"" + PASSWORD
                                + "\", \"newPassword\": \"a password the group does not govern\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("single sign-on")));
        api.as(
                        null,
                        post("/api/v1/auth/password-reset/" + oldLink),
                        "{\"password\": \"a password the group does not govern\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("single sign-on")));
        api.as(null, post("/api/v1/auth/password-reset"), "{\"usernameOrEmail\": \"" + username + "\"}")
                .andExpect(status().isAccepted());
        Mailbox.Mail told = mailbox.awaitLast(weaverEmail, "organisation", 1);
        assertThat(told.text()).contains("single sign-on").doesNotContain("/reset-password/");
        assertThat(mailbox.awaitMail(weaverEmail, "Reset your Selvedge password", 1))
                .as("no second link")
                .hasSize(1);
    }

    /**
     * Names a break-glass account for the group, as single sign-on only needs first: a new account in the
     * group's verified {@code domain}, with TOTP enrolled.
     */
    static UUID breakGlassAccount(
            ApiCalls api,
            Account admin,
            String group,
            String domain,
            AccountRegistration registration,
            TotpEnrolment totp)
            throws Exception {
        String name = "keeper-" + UUID.randomUUID().toString().substring(0, 8);
        UUID keeper = registration.register(name, PASSWORD, null, name + "@" + domain);
        String secret = totp.start(keeper).secret();
        totp.confirm(keeper, OneTimeCodes.codeAt(secret, OneTimeCodes.stepAt(Instant.now())), "127.0.0.1");
        api.as(
                        admin,
                        put("/api/v1/groups/" + group + "/security-policy/break-glass-accounts"),
                        "{\"accountIds\": [\"" + keeper + "\"]}")
                .andExpect(status().isOk());
        return keeper;
    }

    private static String change(boolean mfa, Long idle, Long absolute, boolean password, String blocks) {
        return change(mfa, idle, absolute, password, blocks, null);
    }

    private static String change(boolean mfa, Long idle, Long absolute, boolean password, String blocks, Long version) {
        return "{\"mfaRequired\": " + mfa + ", \"idleTimeoutMinutes\": " + idle + ", \"absoluteTimeoutMinutes\": "
                + absolute + ", \"passwordSignIn\": " + password + ", \"ipAllowList\": [" + blocks + "]"
                + (version == null ? "" : ", \"version\": " + version) + "}";
    }
}
