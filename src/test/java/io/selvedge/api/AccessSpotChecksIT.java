package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.AccessDenied;
import io.selvedge.access.Action;
import io.selvedge.access.Role;
import io.selvedge.access.RoleGranted;
import io.selvedge.access.RoleRevoked;
import io.selvedge.storage.Stores;
import io.selvedge.testing.Customers;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What a customer would try with roles granted through the API: each role does what the permission table
 * says on the tree, sees nothing it may not (404) and is refused what it sees but may not do (403).
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class AccessSpotChecksIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Stores stores;

    @Autowired
    ApplicationEvents events;

    MockMvc mvc;
    Customers customers;

    Account admin;
    String group;
    String company;
    String brand;
    String season;
    String workroom;

    @BeforeEach
    void aGroupWithATree() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        customers = new Customers(stores);
        admin = customers.aCustomer("admin");
        group = created(as(admin, post("/api/v1/groups"), "{\"name\": \"Maison\", \"region\": \"eu\"}"));
        company = created(as(admin, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"Ourse SA\"}"));
        brand = created(as(admin, post("/api/v1/companies/" + company + "/brands"), "{\"name\": \"Ourse\"}"));
        season = created(as(admin, post("/api/v1/brands/" + brand + "/seasons"), "{\"name\": \"SS27\"}"));
        workroom = created(as(admin, post("/api/v1/seasons/" + season + "/workrooms"), "{\"name\": \"Denim\"}"));
    }

    @Test
    void aBrandCollaboratorCreatesAWorkroomButNotASeasonOrABrand() throws Exception {
        Account collaborator = granted(brand, Role.BRAND_COLLABORATOR);

        created(as(collaborator, post("/api/v1/seasons/" + season + "/workrooms"), "{\"name\": \"Knit\"}"));
        problem(as(collaborator, post("/api/v1/brands/" + brand + "/seasons"), "{\"name\": \"AW27\"}"), 403);
        // The company is above the collaborator's grant: they may do nothing there, so it is not found.
        problem(as(collaborator, post("/api/v1/companies/" + company + "/brands"), "{\"name\": \"B\"}"), 404);
        as(collaborator, get("/api/v1/brands/" + brand), null).andExpect(status().isOk());
        problem(as(collaborator, get("/api/v1/companies/" + company), null), 404);
    }

    @Test
    void aCompanyCollaboratorSeesTheMembersButCannotInvite() throws Exception {
        Account collaborator = granted(company, Role.COMPANY_COLLABORATOR);
        Account newcomer = customers.aCustomer("newcomer");

        as(collaborator, get("/api/v1/nodes/" + company + "/people"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].userId")
                        .value(org.hamcrest.Matchers.hasItems(
                                admin.id().toString(), collaborator.id().toString())));
        Account brandAdmin = granted(brand, Role.BRAND_ADMIN);
        // The company's member list: grants on the company and below, not the group's own.
        as(collaborator, get("/api/v1/groups/" + group + "/members"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].userId")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                collaborator.id().toString(), brandAdmin.id().toString())));
        as(brandAdmin, get("/api/v1/groups/" + group + "/members"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].userId")
                        .value(org.hamcrest.Matchers.contains(brandAdmin.id().toString())));
        problem(
                as(
                        collaborator,
                        put("/api/v1/nodes/" + company + "/members/" + newcomer.id()),
                        "{\"role\": \"COMPANY_COLLABORATOR\"}"),
                403);
        problem(
                as(
                        collaborator,
                        put("/api/v1/nodes/" + brand + "/members/" + newcomer.id()),
                        "{\"role\": \"BRAND_COLLABORATOR\"}"),
                403);
    }

    @Test
    void aViewerViewsButCannotChangeOrShare() throws Exception {
        Account viewer = granted(workroom, Role.VIEWER);
        Account other = customers.aCustomer("other");

        as(viewer, get("/api/v1/workrooms/" + workroom), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Denim"));
        problem(as(viewer, patch("/api/v1/workrooms/" + workroom), "{\"name\": \"Mine\"}"), 403);
        problem(as(viewer, delete("/api/v1/workrooms/" + workroom), null), 403);
        problem(as(viewer, put("/api/v1/nodes/" + workroom + "/members/" + other.id()), "{\"role\": \"VIEWER\"}"), 403);
        problem(as(viewer, get("/api/v1/seasons/" + season), null), 404);
    }

    @Test
    void anEditorSharesOnlyAsEditorOrViewer() throws Exception {
        Account editor = granted(workroom, Role.EDITOR);
        Account guest = customers.aCustomer("guest");

        as(
                        editor,
                        put("/api/v1/nodes/" + workroom + "/members/" + guest.id()),
                        "{\"role\": \"VIEWER\", \"allowDownload\": true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("VIEWER"))
                .andExpect(jsonPath("$.allowDownload").value(true));
        problem(
                as(editor, put("/api/v1/nodes/" + workroom + "/members/" + guest.id()), "{\"role\": \"BRAND_ADMIN\"}"),
                409);
        problem(as(editor, put("/api/v1/nodes/" + brand + "/members/" + guest.id()), "{\"role\": \"EDITOR\"}"), 404);
    }

    @Test
    void aGroupOperatorSeesTheMembersButNoContent() throws Exception {
        Account operator = granted(group, Role.GROUP_OPERATOR);
        granted(brand, Role.BRAND_ADMIN);

        as(operator, get("/api/v1/groups/" + group + "/members"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[*].role").value(org.hamcrest.Matchers.hasItem("BRAND_ADMIN")));
        as(operator, get("/api/v1/groups/" + group), null).andExpect(status().isOk());
        // The tree's names are content: the operator lists no company and reads no node (403: the node's
        // id is in the member list they may see, so its existence is no secret to them).
        as(operator, get("/api/v1/groups/" + group + "/companies"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
        problem(as(operator, get("/api/v1/companies/" + company), null), 403);
        problem(as(operator, get("/api/v1/brands/" + brand), null), 403);
        problem(as(operator, get("/api/v1/workrooms/" + workroom), null), 403);
        problem(as(operator, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"X\"}"), 403);
    }

    @Test
    void anAdminOfAnotherGroupFindsNoIdOfThisOne() throws Exception {
        Account stranger = customers.aCustomer("stranger");
        String theirs = created(as(stranger, post("/api/v1/groups"), "{\"name\": \"Loup\", \"region\": \"eu\"}"));

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
            problem(as(stranger, get(path), null), 404);
        }
        problem(as(stranger, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"X\"}"), 404);
        problem(as(stranger, patch("/api/v1/workrooms/" + workroom), "{\"name\": \"X\"}"), 404);
        problem(as(stranger, delete("/api/v1/brands/" + brand), null), 404);
        problem(
                as(
                        stranger,
                        put("/api/v1/nodes/" + group + "/members/" + stranger.id()),
                        "{\"role\": \"GROUP_ADMIN\"}"),
                404);
        as(stranger, get("/api/v1/groups"), null)
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(theirs)));
        assertThat(events.stream(AccessDenied.class))
                .anyMatch(denied -> stranger.id().equals(denied.actor())
                        && denied.targetId().toString().equals(workroom)
                        && denied.status() == 404);
    }

    @Test
    void theLastGroupAdminCannotBeRemovedOrDemoted() throws Exception {
        String self = "/api/v1/nodes/" + group + "/members/" + admin.id();
        problem(as(admin, delete(self), null), 409);
        problem(as(admin, put(self), "{\"role\": \"GROUP_OPERATOR\"}"), 409);

        Account second = granted(group, Role.GROUP_ADMIN);
        as(admin, put(self), "{\"role\": \"GROUP_OPERATOR\"}").andExpect(status().isOk());
        // Now an operator: the admin's rights are gone at once, the members list stays.
        problem(as(admin, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"X\"}"), 403);
        as(second, delete(self), null).andExpect(status().isNoContent());
        problem(as(second, delete(self), null), 404);
        problem(as(admin, get("/api/v1/groups/" + group), null), 404);
        assertThat(events.stream(RoleRevoked.class))
                .anyMatch(revoked -> revoked.accountId().equals(admin.id()));
    }

    @Test
    void nobodyGrantsARoleStrongerThanTheirOwn() throws Exception {
        Account brandAdmin = granted(brand, Role.BRAND_ADMIN);
        Account newcomer = customers.aCustomer("newcomer");

        as(brandAdmin, put("/api/v1/nodes/" + brand + "/members/" + newcomer.id()), "{\"role\": \"BRAND_ADMIN\"}")
                .andExpect(status().isOk());
        problem(
                as(
                        brandAdmin,
                        put("/api/v1/nodes/" + company + "/members/" + newcomer.id()),
                        "{\"role\": \"COMPANY_ADMIN\"}"),
                404);
        // An id nobody has is answered as an invitation sent (issue 15: no answer tells whether an account
        // exists), and grants nothing.
        UUID nobody = UUID.randomUUID();
        as(brandAdmin, put("/api/v1/nodes/" + brand + "/members/" + nobody), "{\"role\": \"BRAND_COLLABORATOR\"}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("INVITED"));
        assertThat(events.stream(RoleGranted.class))
                .noneMatch(granted -> granted.accountId().equals(nobody));
        problem(
                as(
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
    void theCreatorIsTheGroupsAdminAndTheTableDecides() throws Exception {
        as(admin, get("/api/v1/groups/" + group + "/members"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].userId").value(admin.id().toString()))
                .andExpect(jsonPath("$.items[0].role").value("GROUP_ADMIN"))
                .andExpect(jsonPath("$.items[0].level").value("GROUP"));
        as(admin, get("/api/v1/nodes/" + workroom + "/people"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].viaNodeId").value(group));
        assertThat(events.stream(RoleGranted.class))
                .anyMatch(granted -> granted.groupId().toString().equals(group)
                        && granted.accountId().equals(admin.id())
                        && granted.grantedBy() == null);
        assertThat(Action.values()).isNotEmpty();
    }

    /** A new customer granted a role on a node by the group's admin, through the API. */
    private Account granted(String node, Role role) throws Exception {
        Account account = customers.aCustomer(role.name().toLowerCase(java.util.Locale.ROOT));
        as(admin, put("/api/v1/nodes/" + node + "/members/" + account.id()), "{\"role\": \"" + role + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value(role.name()));
        return account;
    }

    private ResultActions as(Account caller, MockHttpServletRequestBuilder request, String json) throws Exception {
        request.with(caller.caller()).accept(MediaType.APPLICATION_JSON);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    private static void problem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static String created(ResultActions result) throws Exception {
        String body =
                result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }
}
