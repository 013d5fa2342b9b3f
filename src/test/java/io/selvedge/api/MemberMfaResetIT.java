package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.access.MemberMfaReset;
import io.selvedge.access.Role;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.MfaRequirement;
import io.selvedge.identity.MfaReset;
import io.selvedge.platform.AuditActor;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Group admins must use MFA, and so must every account a group manages whose policy requires it (identity's
 * {@link MfaRequirement}); a group admin resets the MFA of the accounts the group manages, audited on the
 * group's trail.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class MemberMfaResetIT {

    @Autowired
    ApplicationEvents events;

    @Autowired
    List<MfaRequirement> requirements;

    @Autowired
    AccountRegistration registration;

    @Autowired
    ApiCalls api;

    Account admin;
    String[] tree;
    String domain;

    @BeforeEach
    void aGroup() throws Exception {
        admin = api.customers().aCustomer("admin");
        tree = api.tree(admin, "Maison");
        domain = "maison-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    @Test
    void groupAdminsAndTheAccountsOfAStrictGroupMustUseMfaButNotItsOutsideCollaborators() throws Exception {
        api.verifiedDomain(admin, tree[0], domain);
        Account managed = managed("weaver");
        api.grant(admin, tree[2], managed, Role.BRAND_COLLABORATOR, false, false);
        Account outsider = api.granted(admin, tree[2], Role.BRAND_COLLABORATOR);
        assertThat(required(admin.id())).isTrue();
        assertThat(required(managed.id())).isFalse();

        api.as(
                        admin,
                        put("/api/v1/groups/" + tree[0] + "/security-policy"),
                        "{\"mfaRequired\": true, \"passwordSignIn\": true, \"ipAllowList\": []}")
                .andExpect(status().isOk());
        assertThat(required(managed.id())).isTrue();
        // The group's policy reaches its outside collaborators only on its own resources (AccountOwnershipIT).
        assertThat(required(outsider.id())).isFalse();
        assertThat(required(UUID.randomUUID())).isFalse();
    }

    @Test
    void aGroupAdminResetsTheMfaOfTheAccountsTheGroupManagesOnly() throws Exception {
        api.verifiedDomain(admin, tree[0], domain);
        Account collaborator = managed("collaborator");
        api.grant(admin, tree[2], collaborator, Role.BRAND_COLLABORATOR, false, false);
        Account operator = api.granted(admin, tree[0], Role.GROUP_OPERATOR);
        Account outsider = api.customers().aCustomer("outsider");
        String reset = "/api/v1/groups/" + tree[0] + "/members/";

        api.as(admin, delete(reset + collaborator.id() + "/mfa"), null).andExpect(status().isNoContent());
        assertThat(events.stream(MemberMfaReset.class))
                .anyMatch(done -> done.accountId().equals(collaborator.id())
                        && done.auditActor().equals(AuditActor.account(admin.id()))
                        && done.groupId().toString().equals(tree[0]));
        assertThat(events.stream(MfaReset.class))
                .anyMatch(done -> done.accountId().equals(collaborator.id()));
        // Managed, though it holds no role in the group yet: still the group's to reset.
        api.as(admin, delete(reset + managed("newcomer").id() + "/mfa"), null).andExpect(status().isNoContent());

        problem(api.as(admin, delete(reset + outsider.id() + "/mfa"), null), 404);
        // A member the group does not manage keeps its own MFA.
        problem(api.as(admin, delete(reset + operator.id() + "/mfa"), null), 403);
        problem(api.as(operator, delete(reset + collaborator.id() + "/mfa"), null), 403);
        problem(api.as(collaborator, delete(reset + admin.id() + "/mfa"), null), 403);
        Account stranger = api.customers().aCustomer("stranger");
        api.tree(stranger, "Loup");
        problem(api.as(stranger, delete(reset + collaborator.id() + "/mfa"), null), 404);
    }

    /** An account whose address is in the group's domain. */
    private Account managed(String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = registration.register(username, "indigo warp over grey weft", null, username + "@" + domain);
        return new Account(id, username, false);
    }

    private boolean required(UUID account) {
        return requirements.stream().anyMatch(requirement -> requirement.requiredFor(account));
    }
}
