package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Grants;
import io.selvedge.access.Invitations;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** {@code POST /api/v1/admin/groups}: platform admins start a customer's group and get its first admin's link once. */
@SelvedgeIntegrationTest
class CustomerGroupsApiIT {

    @Autowired
    Stores stores;

    @Autowired
    Grants grants;

    @Autowired
    Invitations invitations;

    @Autowired
    ApiCalls api;

    Customers customers;

    @BeforeEach
    void setUp() {
        customers = new Customers(stores);
    }

    @Test
    void aPlatformAdminCreatesTheGroupWithNoRoleInItAndGetsTheInvitationLinkOnce() throws Exception {
        Customers.Account staff = customers.aPlatformAdmin("first-run-api");
        String body = api.as(
                        staff,
                        post("/api/v1/admin/groups"),
                        "{\"name\": \"Maison API\", \"region\": \"eu\", \"adminEmail\": \"first@example.com\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.name").value("Maison API"))
                .andExpect(jsonPath("$.region").value("eu"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID group = UUID.fromString(JsonPath.read(body, "$.id"));
        String link = JsonPath.read(body, "$.invitationLink");

        assertThat(grants.grantsIn(group)).isEmpty();
        assertThat(grants.groupsOf(staff.id())).doesNotContain(group);
        assertThat(invitations.pending(link.substring(link.lastIndexOf('/') + 1)))
                .hasValueSatisfying(
                        invitation -> assertThat(invitation.groupId()).isEqualTo(group));
    }

    @Test
    void customersAndOtherStaffAreRefusedAndBadInputIsAProblem() throws Exception {
        String json = "{\"name\": \"Maison No\", \"region\": \"eu\", \"adminEmail\": \"no@example.com\"}";
        Customers.Account customer = customers.aCustomer("first-run-customer");
        ApiCalls.problem(api.as(customer, post("/api/v1/admin/groups"), json), 403);
        // Even holding the admin scope, a customer is not staff.
        ApiCalls.problem(
                api.as(
                        null,
                        post("/api/v1/admin/groups")
                                .with(user(customer.username())
                                        .authorities(
                                                new SimpleGrantedAuthority("SCOPE_read"),
                                                new SimpleGrantedAuthority("SCOPE_write"),
                                                new SimpleGrantedAuthority("SCOPE_admin"))),
                        json),
                403);

        Customers.Account staff = customers.aPlatformAdmin("first-run-api-bad");
        ApiCalls.problem(
                api.as(
                        staff,
                        post("/api/v1/admin/groups"),
                        "{\"name\": \"M\", \"region\": \"eu\", \"adminEmail\": \"nope\"}"),
                422);
        ApiCalls.problem(
                api.as(
                        staff,
                        post("/api/v1/admin/groups"),
                        "{\"name\": \"M\", \"region\": \"mars\", \"adminEmail\": \"a@example.com\"}"),
                400);
        ApiCalls.problem(api.as(staff, post("/api/v1/admin/groups"), "{\"region\": \"eu\"}"), 400);
    }
}
