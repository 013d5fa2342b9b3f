package io.selvedge.api;

import static io.selvedge.api.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.access.MemberMfaReset;
import io.selvedge.access.Role;
import io.selvedge.identity.MfaRequirement;
import io.selvedge.identity.MfaReset;
import io.selvedge.storage.Stores;
import io.selvedge.testing.Customers;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.context.WebApplicationContext;

/**
 * Group admins must use MFA, and so must every member of a group whose policy requires it (identity's
 * {@link MfaRequirement}); a group admin resets a member's MFA, audited on the group's trail.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class MemberMfaResetIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Stores stores;

    @Autowired
    ApplicationEvents events;

    @Autowired
    List<MfaRequirement> requirements;

    ApiCalls api;
    Account admin;
    String[] tree;

    @BeforeEach
    void aGroup() throws Exception {
        api = new ApiCalls(context, new Customers(stores));
        admin = api.customers.aCustomer("admin");
        tree = api.tree(admin, "Maison");
    }

    @Test
    void groupAdminsAndMembersOfAStrictGroupMustUseMfa() throws Exception {
        Account collaborator = api.granted(admin, tree[2], Role.BRAND_COLLABORATOR);
        assertThat(required(admin.id())).isTrue();
        assertThat(required(collaborator.id())).isFalse();

        api.as(
                        admin,
                        put("/api/v1/groups/" + tree[0] + "/security-policy"),
                        "{\"mfaRequired\": true, \"passwordSignIn\": true, \"ipAllowList\": []}")
                .andExpect(status().isOk());
        assertThat(required(collaborator.id())).isTrue();
        assertThat(required(UUID.randomUUID())).isFalse();
    }

    @Test
    void aGroupAdminResetsAMembersMfa() throws Exception {
        Account collaborator = api.granted(admin, tree[2], Role.BRAND_COLLABORATOR);
        Account operator = api.granted(admin, tree[0], Role.GROUP_OPERATOR);
        Account outsider = api.customers.aCustomer("outsider");
        String reset = "/api/v1/groups/" + tree[0] + "/members/";

        api.as(admin, delete(reset + collaborator.id() + "/mfa"), null).andExpect(status().isNoContent());
        assertThat(events.stream(MemberMfaReset.class))
                .anyMatch(done -> done.accountId().equals(collaborator.id())
                        && done.resetBy().equals(admin.id())
                        && done.groupId().toString().equals(tree[0]));
        assertThat(events.stream(MfaReset.class))
                .anyMatch(done -> done.accountId().equals(collaborator.id()));

        problem(api.as(admin, delete(reset + outsider.id() + "/mfa"), null), 404);
        problem(api.as(operator, delete(reset + collaborator.id() + "/mfa"), null), 403);
        problem(api.as(collaborator, delete(reset + admin.id() + "/mfa"), null), 403);
        Account stranger = api.customers.aCustomer("stranger");
        api.tree(stranger, "Loup");
        problem(api.as(stranger, delete(reset + collaborator.id() + "/mfa"), null), 404);
    }

    private boolean required(UUID account) {
        return requirements.stream().anyMatch(requirement -> requirement.requiredFor(account));
    }
}
