package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.InvitationAccepted;
import io.selvedge.access.InvitationRevoked;
import io.selvedge.access.InvitationSent;
import io.selvedge.access.Role;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Invitations: sent by whoever may grant the role there, mailed with a single-use link valid seven days,
 * accepted by a new account (API or web page) or by an existing one, listed, resent and revoked, audited.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class InvitationsIT {

    static final String PASSWORD = "indigo warp over grey weft";

    @Autowired
    Stores stores;

    @Autowired
    ApplicationEvents events;

    @Autowired
    AccountDirectory directory;

    @Autowired
    ApiCalls api;

    Mailbox mailbox;
    Account admin;
    String[] tree;
    String invitations;
    String email;

    @BeforeEach
    void aGroup() throws Exception {
        mailbox = api.mailbox();
        admin = api.customers().aCustomer("admin");
        tree = api.tree(admin, "Maison");
        invitations = "/api/v1/groups/" + tree[0] + "/invitations";
        email = "new." + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    @Test
    void aNewPersonAcceptsThroughTheApiOnceAndHoldsTheRole() throws Exception {
        String id = ApiCalls.created(api.as(admin, post(invitations), invite(email, "BRAND_COLLABORATOR", tree[2]))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.level").value("BRAND")));
        String token = mailed(email, "invited", 1).secretOf("/invitations/");
        assertThat(token).hasSize(43);

        String username = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        String body = api.as(null, post("/api/v1/invitations/" + token + "/accept"), acceptance(username))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("BRAND_COLLABORATOR"))
                .andExpect(jsonPath("$.newAccount").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID accountId = UUID.fromString(JsonPath.read(body, "$.accountId"));
        AccountSummary account = directory.account(accountId).orElseThrow();
        assertThat(account.username()).isEqualTo(username);
        assertThat(account.email()).isEqualTo(email);
        Account newcomer = new Account(accountId, username, false);
        api.as(newcomer, get("/api/v1/brands/" + tree[2]), null).andExpect(status().isOk());

        // Single use.
        problem(api.as(null, post("/api/v1/invitations/" + token + "/accept"), acceptance(username + "x")), 404);
        api.as(admin, get(invitations), null)
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].status").value("ACCEPTED"))
                .andExpect(
                        jsonPath("$.items[?(@.id == '" + id + "')].acceptedBy").value(accountId.toString()));
        assertThat(events.stream(InvitationSent.class))
                .anyMatch(sent -> sent.invitationId().toString().equals(id)
                        && sent.auditActor().equals(AuditActor.account(admin.id())));
        assertThat(events.stream(InvitationAccepted.class))
                .anyMatch(accepted -> accepted.invitationId().toString().equals(id)
                        && accepted.accountId().equals(accountId)
                        && accepted.newAccount());
    }

    @Test
    void anExistingAccountAcceptsWithItsOwnCredentials() throws Exception {
        Account existing = api.customers().aCustomer("existing");
        api.as(admin, post(invitations), invite(email, "COMPANY_ADMIN", tree[1]))
                .andExpect(status().isCreated());
        String token = mailed(email, "invited", 1).secretOf("/invitations/");

        api.as(existing, post("/api/v1/invitations/" + token + "/accept"), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.accountId").value(existing.id().toString()))
                .andExpect(jsonPath("$.newAccount").value(false));
        api.as(existing, get("/api/v1/companies/" + tree[1]), null).andExpect(status().isOk());
    }

    @Test
    void theWebPageCreatesTheAccountBehindCsrf() throws Exception {
        api.as(admin, post(invitations), invite(email, "VIEWER", tree[4])).andExpect(status().isCreated());
        String token = mailed(email, "invited", 1).secretOf("/invitations/");
        String page = "/invitations/" + token;

        api.mvc()
                .perform(get(page).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("viewer")));
        String username = "web-" + UUID.randomUUID().toString().substring(0, 8);
        // Without the form's CSRF token the post is refused (403, or sent to sign in): no account is made.
        int withoutCsrf = api.mvc()
                .perform(post(page)
                        .param("username", username)
                        .param("password", PASSWORD)
                        .param("repeatedPassword", PASSWORD))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(withoutCsrf).isIn(302, 403);
        api.mvc().perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
        api.mvc()
                .perform(post(page)
                        .with(csrf())
                        .param("username", username)
                        .param("password", "short")
                        .param("repeatedPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("class=\"problem\"")));
        api.mvc()
                .perform(post(page)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "Web Newcomer")
                        .param("password", PASSWORD)
                        .param("repeatedPassword", PASSWORD))
                .andExpect(redirectedUrl("/signin?invitationAccepted"));
        api.mvc().perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        // Signed in, the page accepts for the account with one button.
        api.as(admin, post(invitations), invite("again-" + email, "VIEWER", tree[4]))
                .andExpect(status().isCreated());
        String second = mailed("again-" + email, "invited", 1).secretOf("/invitations/");
        Account existing = api.customers().aCustomer("existing");
        api.mvc()
                .perform(post("/invitations/" + second).with(csrf()).with(user(existing.username())))
                .andExpect(redirectedUrl("/?invitationAccepted"));
        api.as(existing, get("/api/v1/workrooms/" + tree[4]), null).andExpect(status().isOk());
    }

    @Test
    void revokedResentAndExpiredLinksStopWorking() throws Exception {
        String id = ApiCalls.created(api.as(admin, post(invitations), invite(email, "VIEWER", tree[4])));
        String first = mailed(email, "invited", 1).secretOf("/invitations/");
        api.as(admin, post(invitations + "/" + id + "/resend"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sentCount").value(2));
        String second = mailed(email, "invited", 2).secretOf("/invitations/");
        assertThat(second).isNotEqualTo(first);
        problem(api.as(null, post("/api/v1/invitations/" + first + "/accept"), acceptance("first-x")), 404);

        api.as(admin, delete(invitations + "/" + id), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"));
        problem(api.as(null, post("/api/v1/invitations/" + second + "/accept"), acceptance("second-x")), 404);
        assertThat(events.stream(InvitationRevoked.class))
                .anyMatch(r -> r.invitationId().toString().equals(id));

        String other = "old." + email;
        String oldId = ApiCalls.created(api.as(admin, post(invitations), invite(other, "VIEWER", tree[4])));
        String old = mailed(other, "invited", 1).secretOf("/invitations/");
        new JdbcTemplate(stores.region("eu").dataSource())
                .update(
                        "update access_invitation set expires_at = ? where id = ?",
                        Timestamp.from(Instant.now().minus(1, ChronoUnit.SECONDS)),
                        UUID.fromString(oldId));
        problem(api.as(null, post("/api/v1/invitations/" + old + "/accept"), acceptance("old-x")), 404);
        api.as(admin, get(invitations), null)
                .andExpect(
                        jsonPath("$.items[?(@.id == '" + oldId + "')].status").value("EXPIRED"));
        problem(api.as(null, post("/api/v1/invitations/" + "A".repeat(43) + "/accept"), acceptance("x-y")), 404);
    }

    @Test
    void onlyThoseWhoMayGrantTheRoleThereInvite() throws Exception {
        Account companyCollaborator = api.granted(admin, tree[1], Role.COMPANY_COLLABORATOR);
        Account brandAdmin = api.granted(admin, tree[2], Role.BRAND_ADMIN);
        Account operator = api.granted(admin, tree[0], Role.GROUP_OPERATOR);

        problem(api.as(companyCollaborator, post(invitations), invite(email, "COMPANY_COLLABORATOR", tree[1])), 403);
        problem(api.as(companyCollaborator, post(invitations), invite(email, "BRAND_COLLABORATOR", tree[2])), 403);
        problem(api.as(operator, post(invitations), invite(email, "GROUP_OPERATOR", tree[0])), 403);
        api.as(brandAdmin, post(invitations), invite(email, "BRAND_COLLABORATOR", tree[2]))
                .andExpect(status().isCreated());
        problem(api.as(brandAdmin, post(invitations), invite(email, "COMPANY_ADMIN", tree[1])), 404);
        problem(api.as(brandAdmin, post(invitations), invite(email, "COMPANY_ADMIN", tree[2])), 409);
        problem(api.as(admin, post(invitations), invite("not an address", "VIEWER", tree[4])), 422);

        // What each sees of the list: the operator and the company collaborator see the brand's invitation
        // (besides the accepted ones that brought them and the brand admin in: a grant by id invites).
        String toTheAddress = "$.items[?(@.email == '" + email + "')].nodeId";
        api.as(operator, get(invitations), null)
                .andExpect(jsonPath(toTheAddress).value(org.hamcrest.Matchers.contains(tree[2])))
                .andExpect(jsonPath("$.items[*].nodeId")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(tree[0], tree[1], tree[2], tree[2])));
        api.as(companyCollaborator, get(invitations), null)
                .andExpect(jsonPath(toTheAddress).value(org.hamcrest.Matchers.contains(tree[2])))
                .andExpect(jsonPath("$.items[*].nodeId")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(tree[1], tree[2], tree[2])));
        Account stranger = api.customers().aCustomer("stranger");
        api.tree(stranger, "Loup");
        problem(api.as(stranger, post(invitations), invite(email, "VIEWER", tree[4])), 404);
        problem(api.as(stranger, get(invitations), null), 404);
    }

    /** The last mail to the address about the subject, once the outbox delivered it. */
    private Mailbox.Mail mailed(String to, String subject, int count) {
        return mailbox.awaitLast(to, subject, count);
    }

    @Test
    void invitationsArePagedWithAnOpaqueCursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            api.as(admin, post(invitations), invite(i + email, "BRAND_COLLABORATOR", tree[2]))
                    .andExpect(status().isCreated());
        }
        String first = api.as(admin, get(invitations + "?limit=2"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        api.as(admin, get(invitations + "?limit=2&cursor=" + JsonPath.read(first, "$.nextCursor")), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.in(
                                JsonPath.<java.util.List<String>>read(first, "$.items[*].id")))))
                .andExpect(jsonPath("$.nextCursor").value(org.hamcrest.Matchers.nullValue()));
        problem(api.as(admin, get(invitations + "?cursor=%00%ff"), null), 400);
        problem(api.as(admin, get(invitations + "?limit=0"), null), 400);
    }

    private static String invite(String email, String role, String node) {
        return "{\"email\": \"" + email + "\", \"role\": \"" + role + "\", \"nodeId\": \"" + node + "\"}";
    }

    private static String acceptance(String username) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD
                + "\", \"displayName\": \"New Comer\"}";
    }
}
