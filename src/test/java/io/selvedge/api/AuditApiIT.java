package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.storage.Stores;
import io.selvedge.testing.Customers;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A group's audit trail over the API: group admins and operators read, export and verify it (operators
 * without the tree's names, which are content); others are refused, and the export is on the trail.
 */
@SelvedgeIntegrationTest
class AuditApiIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Stores stores;

    MockMvc mvc;
    Customers customers;
    Account admin;
    String group;
    String company;

    @BeforeEach
    void aGroupWithACompany() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        customers = new Customers(stores);
        admin = customers.aCustomer("admin");
        group = created(as(admin, post("/api/v1/groups"), "{\"name\": \"Maison Audit\", \"region\": \"eu\"}"));
        company = created(as(admin, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"=Audit SA\"}"));
    }

    @Test
    void aGroupAdminReadsTheTrailWithFiltersAndPages() throws Exception {
        List<String> actions = awaitActions(admin, "company.created");
        assertThat(actions).containsSubsequence("role.granted", "group.created", "company.created");

        as(admin, get(events() + "?action=company.created&limit=1"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].action").value("company.created"))
                .andExpect(jsonPath("$.items[0].actorKind").value("ACCOUNT"))
                .andExpect(jsonPath("$.items[0].actorId").value(admin.id().toString()))
                .andExpect(jsonPath("$.items[0].actorName").value(admin.username()))
                .andExpect(jsonPath("$.items[0].targetId").value(company))
                .andExpect(jsonPath("$.items[0].targetName").value("=Audit SA"))
                .andExpect(jsonPath("$.items[0].outcome").value("SUCCEEDED"));
        as(admin, get(events() + "?outcome=denied"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
        problem(as(admin, get(events() + "?outcome=maybe"), null), 400);
        problem(as(admin, get(events() + "?from=yesterday"), null), 400);
        problem(as(admin, get(events() + "?limit=0"), null), 400);
        problem(as(admin, get(events() + "?format=xml"), null), 400);
    }

    @Test
    void anOperatorExportsCsvAndJsonLinesAndTheExportIsOnTheTrail() throws Exception {
        Account operator = granted(Role.GROUP_OPERATOR);
        awaitActions(operator, "company.created");

        String csv = as(admin, get(events() + "?format=csv"), null)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).startsWith("seq,time,actor_kind").contains("\"'=Audit SA\"");
        // The tree's names are content: an operator reads the trail without them.
        String operatorsCsv = as(operator, get(events() + "?format=csv"), null)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(operatorsCsv).contains("company.created").doesNotContain("Audit SA");
        as(operator, get(events() + "?action=company.created"), null)
                .andExpect(jsonPath("$.items[0].targetId").value(company))
                .andExpect(jsonPath("$.items[0].targetName").doesNotExist());
        as(operator, get(events() + "?action=group.created"), null)
                .andExpect(jsonPath("$.items[0].targetName").value("Maison Audit"));

        String jsonl = as(operator, get(events() + "/export?format=jsonl"), null)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(jsonl.split("\n")[1]).contains("\"action\":\"group.created\"");

        List<String> actions = awaitActions(operator, "audit-trail.exported");
        assertThat(actions).contains("audit-trail.exported");
        as(operator, get(events() + "?action=audit-trail.exported"), null)
                .andExpect(jsonPath("$.items[0].actorId").value(operator.id().toString()));
    }

    @Test
    void theTrailVerifies() throws Exception {
        awaitActions(admin, "company.created");

        as(admin, get(events() + "/verify"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.checked").isNumber())
                .andExpect(jsonPath("$.firstBadEntry").doesNotExist());
    }

    @Test
    void othersAreRefused() throws Exception {
        Account collaborator = granted(Role.COMPANY_COLLABORATOR, company);
        Account stranger = customers.aCustomer("stranger");
        Account staff = customers.aPlatformAdmin("staff");

        for (String path : List.of(events(), events() + "/verify", events() + "/export?format=csv")) {
            assertThat(as(collaborator, get(path), null)
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isIn(403, 404);
            problem(as(stranger, get(path), null), 404);
            problem(as(staff, get(path), null), 404);
        }
    }

    private String events() {
        return "/api/v1/groups/" + group + "/audit-events";
    }

    /** The trail's actions, oldest first, once it holds the action (written after the commit). */
    private List<String> awaitActions(Account caller, String action) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        List<String> actions = actions(caller);
        while (!actions.contains(action) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
            actions = actions(caller);
        }
        return actions;
    }

    private List<String> actions(Account caller) throws Exception {
        String body = as(caller, get(events() + "?limit=500"), null)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> actions = new java.util.ArrayList<>(JsonPath.read(body, "$.items[*].action"));
        java.util.Collections.reverse(actions);
        return actions;
    }

    private Account granted(Role role) throws Exception {
        return granted(role, group);
    }

    private Account granted(Role role, String node) throws Exception {
        Account account = customers.aCustomer(role.name().toLowerCase(java.util.Locale.ROOT));
        as(admin, put("/api/v1/nodes/" + node + "/members/" + account.id()), "{\"role\": \"" + role + "\"}")
                .andExpect(status().isOk());
        return account;
    }

    private ResultActions as(Account caller, MockHttpServletRequestBuilder request, String json) throws Exception {
        request.with(caller.caller());
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
