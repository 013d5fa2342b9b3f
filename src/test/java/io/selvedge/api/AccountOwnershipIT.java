package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Grants;
import io.selvedge.access.ManagedAccountChanged;
import io.selvedge.access.MemberMfaReset;
import io.selvedge.access.Role;
import io.selvedge.access.SecurityPolicies;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.crypto.OneTimeCodes;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.MfaRequirement;
import io.selvedge.identity.MfaReset;
import io.selvedge.identity.PasswordSignInPolicy;
import io.selvedge.identity.SessionLimits;
import io.selvedge.identity.TotpEnrolment;
import io.selvedge.platform.AuditActor;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 15's attack, step by step, fails: the admin of group A shares with group B's admin by e-mail (the
 * answer names no account and nothing is granted until they accept), cannot reset the MFA of that outside
 * collaborator, and A's strict policy does not cut anyone off from their own group B; A's policy reaches
 * only A's resources of an outsider, and the whole account of those A manages.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class AccountOwnershipIT {

    static final String PASSWORD = "indigo warp over grey weft";

    @Autowired
    ApplicationEvents events;

    @Autowired
    AccountRegistration registration;

    @Autowired
    Grants grants;

    @Autowired
    List<MfaRequirement> requirements;

    @Autowired
    SecurityPolicies policies;

    @Autowired
    SessionLimits sessionLimits;

    @Autowired
    PasswordSignInPolicy passwordSignIn;

    @Autowired
    TotpEnrolment totp;

    @Autowired
    ApiCalls api;

    @Autowired
    AuditTrail audit;

    Mailbox mailbox;
    Account adminA;
    String[] treeA;
    Account adminB;
    String[] treeB;
    String domainB;

    @BeforeEach
    void twoCustomersGroups() throws Exception {
        mailbox = api.mailbox();
        adminA = api.customers().aCustomer("admin-a");
        treeA = api.tree(adminA, "Maison A");
        domainB = "b-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        adminB = registered("boss", domainB);
        treeB = api.tree(adminB, "Maison B");
        api.verifiedDomain(adminB, treeB[0], domainB);
    }

    @Test
    void sharingWithAnotherGroupsAdminByEmailNamesNoAccountAndGrantsNothingUntilAccepted() throws Exception {
        String shares = "/api/v1/workrooms/" + treeA[4] + "/shares";
        String toAdmin = api.as(adminA, post(shares), share(email(adminB, domainB)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String toNobody = api.as(adminA, post(shares), share("nobody@" + domainB))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(toAdmin).doesNotContain(adminB.id().toString()).doesNotContain("\"" + adminB.username() + "\"");
        Map<String, Object> answer = JsonPath.read(toAdmin, "$");
        Map<String, Object> nobody = JsonPath.read(toNobody, "$");
        assertThat(answer.keySet()).isEqualTo(nobody.keySet());
        assertThat(answer.get("status")).isEqualTo(nobody.get("status")).isEqualTo("PENDING");
        assertThat(grants.grantsIn(UUID.fromString(treeA[0])))
                .noneMatch(g -> g.accountId().equals(adminB.id()));
        problem(api.as(adminB, get("/api/v1/workrooms/" + treeA[4]), null), 404);

        // Only their own acceptance brings them in.
        String token = mailbox.awaitLast(email(adminB, domainB), "invited", 1).secretOf("/invitations/");
        api.as(adminB, post("/api/v1/invitations/" + token + "/accept"), null).andExpect(status().isCreated());
        api.as(adminB, get("/api/v1/workrooms/" + treeA[4]), null).andExpect(status().isOk());
    }

    @Test
    void aGroupAdminCannotResetTheMfaOfAnOutsideCollaborator() throws Exception {
        joined(adminB, domainB, treeA[4], Role.EDITOR);
        String reset = "/api/v1/groups/" + treeA[0] + "/members/" + adminB.id() + "/mfa";
        problem(api.as(adminA, delete(reset), null), 403);
        assertThat(events.stream(MemberMfaReset.class)).isEmpty();
        assertThat(events.stream(MfaReset.class)).isEmpty();
        // Their own group manages them: its admins may.
        Account deputy = registered("deputy", domainB);
        api.grant(adminB, treeB[0], deputy, Role.GROUP_ADMIN, false, false);
        api.as(deputy, delete("/api/v1/groups/" + treeB[0] + "/members/" + adminB.id() + "/mfa"), null)
                .andExpect(status().isNoContent());
    }

    @Test
    void platformSupportResetsTheMfaOfAnAccountNoGroupManagesAndOnlyThat() throws Exception {
        Account unmanaged = registered("solo", "example.test");
        Account staff = api.customers().aPlatformAdmin("support");
        problem(api.as(adminA, delete("/api/v1/admin/accounts/" + unmanaged.id() + "/mfa"), null), 403);
        problem(api.as(staff, delete("/api/v1/admin/accounts/" + adminB.id() + "/mfa"), null), 409);
        problem(api.as(staff, delete("/api/v1/admin/accounts/" + UUID.randomUUID() + "/mfa"), null), 404);
        api.as(staff, delete("/api/v1/admin/accounts/" + unmanaged.id() + "/mfa"), null)
                .andExpect(status().isNoContent());
        assertThat(events.stream(MfaReset.class))
                .anyMatch(done -> done.accountId().equals(unmanaged.id())
                        && done.auditActor().equals(AuditActor.account(staff.id())));
    }

    @Test
    void aGroupsMfaRequirementDoesNotCutAnOutsiderOffFromTheirOwnGroup() throws Exception {
        Account designer = registered("designer", domainB);
        api.grant(adminB, treeB[2], designer, Role.BRAND_COLLABORATOR, false, false);
        joined(designer, domainB, treeA[4], Role.EDITOR);
        api.as(adminA, put("/api/v1/groups/" + treeA[0] + "/security-policy"), policy(true, null, null, true, ""))
                .andExpect(status().isOk());

        assertThat(required(designer.id())).isFalse();
        api.as(designer, get("/api/v1/brands/" + treeB[2]), null).andExpect(status().isOk());
        api.as(designer, get("/api/v1/workrooms/" + treeA[4]), null)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("MFA")));

        String secret = totp.start(designer.id()).secret();
        totp.confirm(designer.id(), OneTimeCodes.codeAt(secret, OneTimeCodes.stepAt(Instant.now())), "127.0.0.1");
        api.as(designer, get("/api/v1/workrooms/" + treeA[4]), null).andExpect(status().isOk());

        // B's policy reaches B's own accounts everywhere.
        api.as(adminB, put("/api/v1/groups/" + treeB[0] + "/security-policy"), policy(true, null, null, true, ""))
                .andExpect(status().isOk());
        Account colleague = registered("colleague", domainB);
        assertThat(required(colleague.id())).isTrue();
    }

    @Test
    void anOutsideCollaboratorsOtherGroupsAreUntouchedByAGroupsPolicy() throws Exception {
        Account designer = registered("designer", domainB);
        api.grant(adminB, treeB[2], designer, Role.BRAND_COLLABORATOR, false, false);
        joined(designer, domainB, treeA[4], Role.EDITOR);
        String domainA = api.aVerifiedDomain(adminA, treeA[0], "a");
        SecurityPolicyIT.breakGlassAccount(api, adminA, treeA[0], domainA, registration, totp);
        api.mvc()
                .perform(put("/api/v1/groups/" + treeA[0] + "/security-policy")
                        .with(signedInThroughSso(adminA))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(policy(false, 10L, 60L, false, "\"127.0.0.0/8\"")))
                .andExpect(status().isOk());

        assertThat(policies.forAccount(designer.id()).mfaRequired()).isFalse();
        assertThat(sessionLimits.limitsFor(designer.id())).isEqualTo(SessionLimits.Limits.none());
        assertThat(passwordSignIn.passwordSignInAllowed(designer.id())).isTrue();
        api.from(designer, "198.51.100.4", get("/api/v1/brands/" + treeB[2]), null)
                .andExpect(status().isOk());
        // A's own resources: refused from outside its allow-list, and to a sign-in that did not go through SSO.
        problem(api.from(designer, "198.51.100.4", get("/api/v1/workrooms/" + treeA[4]), null), 403);
        api.as(designer, get("/api/v1/workrooms/" + treeA[4]), null)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("single sign-on")));
        api.mvc()
                .perform(get("/api/v1/workrooms/" + treeA[4]).with(signedInThroughSso(designer)))
                .andExpect(status().isOk());

        // The accounts A manages get A's policy account-wide.
        Account own = registered("own", domainA);
        assertThat(passwordSignIn.passwordSignInAllowed(own.id())).isFalse();
        assertThat(sessionLimits.limitsFor(own.id()))
                .isEqualTo(new SessionLimits.Limits(Duration.ofMinutes(10), Duration.ofMinutes(60)));
    }

    @Test
    void aGroupAdminCannotPullAnotherOrganisationsAccountInByItsIdOnlyInviteIt() throws Exception {
        String member = "/api/v1/nodes/" + treeA[4] + "/members/";
        String toAdmin = api.as(adminA, put(member + adminB.id()), "{\"role\": \"EDITOR\"}")
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String toNobody = api.as(adminA, put(member + UUID.randomUUID()), "{\"role\": \"EDITOR\"}")
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(toAdmin)
                .isEqualTo(toNobody)
                .doesNotContain(adminB.username())
                .doesNotContain(domainB);
        assertThat(grants.grantsIn(UUID.fromString(treeA[0])))
                .noneMatch(g -> g.accountId().equals(adminB.id()));
        problem(api.as(adminB, get("/api/v1/workrooms/" + treeA[4]), null), 404);

        String token = mailbox.awaitLast(email(adminB, domainB), "invited", 1).secretOf("/invitations/");
        api.as(adminB, post("/api/v1/invitations/" + token + "/accept"), null).andExpect(status().isCreated());
        api.as(adminB, get("/api/v1/workrooms/" + treeA[4]), null).andExpect(status().isOk());
        // A member now, by consent: its role there is changed directly.
        api.as(adminA, put(member + adminB.id()), "{\"role\": \"VIEWER\"}").andExpect(status().isOk());
    }

    @Test
    void aGroupAdminCannotDisableDeleteOrEndTheSessionsAndTokensOfAnOutsideCollaborator() throws Exception {
        joined(adminB, domainB, treeA[4], Role.EDITOR);
        String account = "/api/v1/groups/" + treeA[0] + "/accounts/" + adminB.id();
        problem(api.as(adminA, post(account + "/disable"), null), 404);
        problem(api.as(adminA, delete(account), null), 404);
        problem(api.as(adminA, delete(account + "/sessions"), null), 404);
        problem(api.as(adminA, delete(account + "/tokens"), null), 404);
        assertThat(events.stream(ManagedAccountChanged.class)).isEmpty();
        api.as(adminB, get("/api/v1/groups/" + treeB[0]), null).andExpect(status().isOk());
    }

    /** A call as the account after a sign-in through an identity provider (OIDC's authorization code). */
    static RequestPostProcessor signedInThroughSso(Account account) {
        return user(account.username())
                .authorities(
                        new SimpleGrantedAuthority("SCOPE_read"),
                        new SimpleGrantedAuthority("SCOPE_write"),
                        FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
    }

    @Test
    void theSignInsOfAManagedAccountAreOnItsGroupsTrailAndAnOutsidersAreNot() throws Exception {
        Account outsider = registered("outsider", "elsewhere.example");
        api.as(
                        adminB,
                        post("/api/v1/groups/" + treeB[0] + "/invitations"),
                        "{\"email\": \"" + email(outsider, "elsewhere.example")
                                + "\", \"role\": \"EDITOR\", \"nodeId\": \"" + treeB[4] + "\"}")
                .andExpect(status().isCreated());
        String invitation = mailbox.awaitLast(email(outsider, "elsewhere.example"), "invited", 1)
                .secretOf("/invitations/");
        api.as(outsider, post("/api/v1/invitations/" + invitation + "/accept"), null)
                .andExpect(status().isCreated());
        for (Account account : List.of(adminB, outsider)) {
            signIn(account, "not the password", 401);
            signIn(account, PASSWORD, 201);
        }

        UUID group = UUID.fromString(treeB[0]);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(signIns(group, adminB.id()))
                        .containsExactlyInAnyOrder("sign-in.failed FAILED", "sign-in.succeeded SUCCEEDED"));
        assertThat(signIns(group, outsider.id())).isEmpty();
    }

    private void signIn(Account account, String password, int expected) throws Exception {
        api.mvc()
                .perform(post("/api/v1/auth/tokens")
                        // an address of this test's own: the shared context's other tests keep 127.0.0.1's
                        // failed sign-ins under the per-address throttle
                        .with(request -> {
                            request.setRemoteAddr("198.51.100.77");
                            return request;
                        })
                        .secure(true)
                        .contentType("application/json")
                        .content("{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"trail\"}"
                                .formatted(account.username(), password)))
                .andExpect(status().is(expected));
    }

    private List<String> signIns(UUID group, UUID account) {
        return audit
                .find(group, new AuditFilter(null, null, null, null, null, null, null), 100, null)
                .entries()
                .stream()
                .filter(entry -> entry.action().startsWith("sign-in.")
                        && account.toString().equals(entry.actorId()))
                .map(entry -> entry.action() + " " + entry.outcome())
                .toList();
    }

    /** The account joins group A's node by accepting the invitation A's admin sent to its address. */
    private void joined(Account account, String domain, String node, Role role) throws Exception {
        api.as(
                        adminA,
                        post("/api/v1/groups/" + treeA[0] + "/invitations"),
                        "{\"email\": \"" + email(account, domain) + "\", \"role\": \"" + role + "\", \"nodeId\": \""
                                + node + "\"}")
                .andExpect(status().isCreated());
        String token = mailbox.awaitLast(email(account, domain), "invited", 1).secretOf("/invitations/");
        api.as(account, post("/api/v1/invitations/" + token + "/accept"), null).andExpect(status().isCreated());
    }

    private Account registered(String name, String domain) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = registration.register(username, PASSWORD, null, username + "@" + domain);
        return new Account(id, username, false);
    }

    private static String email(Account account, String domain) {
        return account.username() + "@" + domain;
    }

    private boolean required(UUID account) {
        return requirements.stream().anyMatch(requirement -> requirement.requiredFor(account));
    }

    private static String share(String email) {
        return "{\"email\": \"" + email + "\", \"role\": \"EDITOR\"}";
    }

    private static String policy(boolean mfa, Long idle, Long absolute, boolean password, String blocks) {
        return "{\"mfaRequired\": " + mfa + ", \"idleTimeoutMinutes\": " + idle + ", \"absoluteTimeoutMinutes\": "
                + absolute + ", \"passwordSignIn\": " + password + ", \"ipAllowList\": [" + blocks + "]}";
    }
}
