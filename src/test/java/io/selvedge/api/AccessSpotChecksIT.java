package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.created;
import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.access.AccessDenied;
import io.selvedge.access.Action;
import io.selvedge.access.Role;
import io.selvedge.access.RoleGranted;
import io.selvedge.access.RoleRevoked;
import io.selvedge.testing.AsACustomerAdmin;
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
 * What a customer would try with roles granted through the API: each role does what the permission table
 * says on the tree, sees nothing it may not (404) and is refused what it sees but may not do (403).
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class AccessSpotChecksIT extends AsACustomerAdmin {

    @Autowired
    ApplicationEvents events;

    String group;
    String company;
    String brand;
    String season;
    String workroom;

    @BeforeEach
    void aGroupWithATree() throws Exception {
        group = created(api.as(admin, post("/api/v1/groups"), "{\"name\": \"Maison\", \"region\": \"eu\"}"));
        company = created(api.as(admin, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"Ourse SA\"}"));
        brand = created(api.as(admin, post("/api/v1/companies/" + company + "/brands"), "{\"name\": \"Ourse\"}"));
        season = created(api.as(admin, post("/api/v1/brands/" + brand + "/seasons"), "{\"name\": \"SS27\"}"));
        workroom = created(api.as(admin, post("/api/v1/seasons/" + season + "/workrooms"), "{\"name\": \"Denim\"}"));
    }

    @Test
    void aBrandCollaboratorCreatesAWorkroomButNotASeasonOrABrand() throws Exception {
        Account collaborator = api.granted(admin, brand, Role.BRAND_COLLABORATOR);

        created(api.as(collaborator, post("/api/v1/seasons/" + season + "/workrooms"), "{\"name\": \"Knit\"}"));
        problem(api.as(collaborator, post("/api/v1/brands/" + brand + "/seasons"), "{\"name\": \"AW27\"}"), 403);
        // The company is above the collaborator's grant: they may do nothing there, so it is not found.
        problem(api.as(collaborator, post("/api/v1/companies/" + company + "/brands"), "{\"name\": \"B\"}"), 404);
        api.as(collaborator, get("/api/v1/brands/" + brand), null).andExpect(status().isOk());
        problem(api.as(collaborator, get("/api/v1/companies/" + company), null), 404);
    }

    @Test
    void aCompanyCollaboratorSeesTheMembersButCannotInvite() throws Exception {
        Account collaborator = api.granted(admin, company, Role.COMPANY_COLLABORATOR);
        Account newcomer = customers.aCustomer("newcomer");

        api.as(collaborator, get("/api/v1/nodes/" + company + "/people"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].userId")
                        .value(org.hamcrest.Matchers.hasItems(
                                admin.id().toString(), collaborator.id().toString())));
        Account brandAdmin = api.granted(admin, brand, Role.BRAND_ADMIN);
        // The company's member list: grants on the company and below, not the group's own.
        api.as(collaborator, get("/api/v1/groups/" + group + "/members"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].userId")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                collaborator.id().toString(), brandAdmin.id().toString())));
        api.as(brandAdmin, get("/api/v1/groups/" + group + "/members"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].userId")
                        .value(org.hamcrest.Matchers.contains(brandAdmin.id().toString())));
        problem(
                api.as(
                        collaborator,
                        put("/api/v1/nodes/" + company + "/members/" + newcomer.id()),
                        "{\"role\": \"COMPANY_COLLABORATOR\"}"),
                403);
        problem(
                api.as(
                        collaborator,
                        put("/api/v1/nodes/" + brand + "/members/" + newcomer.id()),
                        "{\"role\": \"BRAND_COLLABORATOR\"}"),
                403);
    }

    @Test
    void aViewerViewsButCannotChangeOrShare() throws Exception {
        Account viewer = api.granted(admin, workroom, Role.VIEWER);
        Account other = customers.aCustomer("other");

        api.as(viewer, get("/api/v1/workrooms/" + workroom), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Denim"));
        problem(api.as(viewer, patch("/api/v1/workrooms/" + workroom), "{\"name\": \"Mine\"}"), 403);
        problem(api.as(viewer, delete("/api/v1/workrooms/" + workroom), null), 403);
        problem(
                api.as(viewer, put("/api/v1/nodes/" + workroom + "/members/" + other.id()), "{\"role\": \"VIEWER\"}"),
                403);
        problem(api.as(viewer, get("/api/v1/seasons/" + season), null), 404);
    }

    @Test
    void anEditorSharesOnlyAsEditorOrViewer() throws Exception {
        Account editor = api.granted(admin, workroom, Role.EDITOR);
        Account guest = api.anInvitableCustomer("guest");

        // The guest is in no group yet: the editor's grant invites it, and it accepts (issue 15).
        api.grant(editor, workroom, guest, Role.VIEWER, true, false);
        api.as(
                        editor,
                        put("/api/v1/nodes/" + workroom + "/members/" + guest.id()),
                        "{\"role\": \"VIEWER\", \"allowDownload\": true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("VIEWER"))
                .andExpect(jsonPath("$.allowDownload").value(true));
        problem(
                api.as(
                        editor,
                        put("/api/v1/nodes/" + workroom + "/members/" + guest.id()),
                        "{\"role\": \"BRAND_ADMIN\"}"),
                409);
        problem(
                api.as(editor, put("/api/v1/nodes/" + brand + "/members/" + guest.id()), "{\"role\": \"EDITOR\"}"),
                404);
    }

    @Test
    void aGroupOperatorSeesTheMembersButNoContent() throws Exception {
        Account operator = api.granted(admin, group, Role.GROUP_OPERATOR);
        api.granted(admin, brand, Role.BRAND_ADMIN);

        api.as(operator, get("/api/v1/groups/" + group + "/members"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[*].role").value(org.hamcrest.Matchers.hasItem("BRAND_ADMIN")));
        api.as(operator, get("/api/v1/groups/" + group), null).andExpect(status().isOk());
        // The tree's names are content: the operator lists no company and reads no node (403: the node's
        // id is in the member list they may see, so its existence is no secret to them).
        api.as(operator, get("/api/v1/groups/" + group + "/companies"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
        problem(api.as(operator, get("/api/v1/companies/" + company), null), 403);
        problem(api.as(operator, get("/api/v1/brands/" + brand), null), 403);
        problem(api.as(operator, get("/api/v1/workrooms/" + workroom), null), 403);
        problem(api.as(operator, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"X\"}"), 403);
    }

    @Test
    void anAdminOfAnotherGroupFindsNoIdOfThisOne() throws Exception {
        Account stranger = customers.aCustomer("stranger");
        String theirs = created(api.as(stranger, post("/api/v1/groups"), "{\"name\": \"Loup\", \"region\": \"eu\"}"));

        for (String path : List.of(
                "/api/v1/groups/" + group,
                "/api/v1/groups/" + group + "/companies",
                "/api/v1/groups/" + group + "/members",
                "/api/v1/companies/" + company,
                "/api/v1/companies/" + company + "/brands",
                "/api/v1/brands/" + brand,
                "/api/v1/seasons/" + season,
                "/api/v1/workrooms/" + workroom,
                "/api/v1/nodes/" + company + "/people")) {
            problem(api.as(stranger, get(path), null), 404);
        }
        problem(api.as(stranger, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"X\"}"), 404);
        problem(api.as(stranger, patch("/api/v1/workrooms/" + workroom), "{\"name\": \"X\"}"), 404);
        problem(api.as(stranger, delete("/api/v1/brands/" + brand), null), 404);
        problem(
                api.as(
                        stranger,
                        put("/api/v1/nodes/" + group + "/members/" + stranger.id()),
                        "{\"role\": \"GROUP_ADMIN\"}"),
                404);
        api.as(stranger, get("/api/v1/groups"), null)
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(theirs)));
        assertThat(events.stream(AccessDenied.class))
                .anyMatch(denied -> stranger.id().equals(denied.actor())
                        && denied.targetId().toString().equals(workroom)
                        && denied.status() == 404);
    }

    @Test
    void theLastGroupAdminCannotBeRemovedOrDemoted() throws Exception {
        String self = "/api/v1/nodes/" + group + "/members/" + admin.id();
        problem(api.as(admin, delete(self), null), 409);
        problem(api.as(admin, put(self), "{\"role\": \"GROUP_OPERATOR\"}"), 409);

        Account second = api.granted(admin, group, Role.GROUP_ADMIN);
        api.as(admin, put(self), "{\"role\": \"GROUP_OPERATOR\"}").andExpect(status().isOk());
        // Now an operator: the admin's rights are gone at once, the members list stays.
        problem(api.as(admin, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"X\"}"), 403);
        api.as(second, delete(self), null).andExpect(status().isNoContent());
        problem(api.as(second, delete(self), null), 404);
        problem(api.as(admin, get("/api/v1/groups/" + group), null), 404);
        assertThat(events.stream(RoleRevoked.class))
                .anyMatch(revoked -> revoked.accountId().equals(admin.id()));
    }

    @Test
    void nobodyGrantsARoleStrongerThanTheirOwn() throws Exception {
        Account brandAdmin = api.granted(admin, brand, Role.BRAND_ADMIN);
        Account newcomer = api.anInvitableCustomer("newcomer");

        api.grant(brandAdmin, brand, newcomer, Role.BRAND_ADMIN, false, false);
        problem(
                api.as(
                        brandAdmin,
                        put("/api/v1/nodes/" + company + "/members/" + newcomer.id()),
                        "{\"role\": \"COMPANY_ADMIN\"}"),
                404);
        // An id nobody has is answered as an invitation sent (issue 15: no answer tells whether an account
        // exists), and grants nothing.
        UUID nobody = UUID.randomUUID();
        api.as(brandAdmin, put("/api/v1/nodes/" + brand + "/members/" + nobody), "{\"role\": \"BRAND_COLLABORATOR\"}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("INVITED"));
        assertThat(events.stream(RoleGranted.class))
                .noneMatch(granted -> granted.accountId().equals(nobody));
        problem(
                api.as(
                        brandAdmin,
                        put("/api/v1/nodes/" + brand + "/members/" + newcomer.id()),
                        "{\"role\": \"COMPANY_ADMIN\"}"),
                409);
        assertThat(events.stream(RoleGranted.class))
                .anyMatch(granted -> granted.accountId().equals(newcomer.id())
                        && brandAdmin.id().equals(granted.grantedBy())
                        && granted.role() == Role.BRAND_ADMIN);
    }

    @Test
    void anAdminCannotPullAnAccountNobodyManagesInByItsIdOnlyInviteIt() throws Exception {
        // Issue 15: an account in no group's domain is an outside collaborator of every group; it joins only
        // by accepting an invitation, and the answer is the same for it, for one without an address and for
        // an id nobody has.
        Account outsider = api.anInvitableCustomer("outsider");
        Account addressless = customers.aCustomer("addressless");
        String member = "/api/v1/nodes/" + workroom + "/members/";
        String role = "{\"role\": \"EDITOR\"}";
        String toOutsider = api.as(admin, put(member + outsider.id()), role)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("INVITED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String toAddressless = api.as(admin, put(member + addressless.id()), role)
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String toNobody = api.as(admin, put(member + UUID.randomUUID()), role)
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(toOutsider).isEqualTo(toAddressless).isEqualTo(toNobody).doesNotContain(outsider.username());
        assertThat(events.stream(RoleGranted.class))
                .noneMatch(granted -> granted.accountId().equals(outsider.id())
                        || granted.accountId().equals(addressless.id()));
        problem(api.as(outsider, get("/api/v1/workrooms/" + workroom), null), 404);
        problem(api.as(addressless, get("/api/v1/workrooms/" + workroom), null), 404);

        // Accepting the invitation its address got grants the role.
        String token = api.mailbox()
                .awaitLast(outsider.username() + "@customers.test", "invited", 1)
                .secretOf("/invitations/");
        api.as(outsider, post("/api/v1/invitations/" + token + "/accept"), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("EDITOR"));
        api.as(outsider, get("/api/v1/workrooms/" + workroom), null).andExpect(status().isOk());
        // A member now, by consent: its role there is changed directly.
        api.as(admin, put(member + outsider.id()), "{\"role\": \"VIEWER\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("VIEWER"));
    }

    @Test
    void theCreatorIsTheGroupsAdminAndTheTableDecides() throws Exception {
        api.as(admin, get("/api/v1/groups/" + group + "/members"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].userId").value(admin.id().toString()))
                .andExpect(jsonPath("$.items[0].role").value("GROUP_ADMIN"))
                .andExpect(jsonPath("$.items[0].level").value("GROUP"));
        api.as(admin, get("/api/v1/nodes/" + workroom + "/people"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].viaNodeId").value(group));
        assertThat(events.stream(RoleGranted.class))
                .anyMatch(granted -> granted.groupId().toString().equals(group)
                        && granted.accountId().equals(admin.id())
                        && granted.grantedBy() == null);
        assertThat(Action.values()).isNotEmpty();
    }
}
