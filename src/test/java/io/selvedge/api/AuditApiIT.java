package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.created;
import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A group's audit trail over the API: group admins and operators read, export and verify it (operators
 * without the tree's names, which are content); others are refused, and the export is on the trail.
 */
@SelvedgeIntegrationTest
class AuditApiIT extends AsACustomerAdmin {

    String group;
    String company;

    @BeforeEach
    void aGroupWithACompany() throws Exception {
        group = created(api.as(admin, post("/api/v1/groups"), "{\"name\": \"Maison Audit\", \"region\": \"eu\"}"));
        company = created(api.as(admin, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"=Audit SA\"}"));
    }

    @Test
    void aGroupAdminReadsTheTrailWithFiltersAndPages() throws Exception {
        List<String> actions = awaitActions(admin, "company.created");
        assertThat(actions).containsSubsequence("role.granted", "group.created", "company.created");

        api.as(admin, get(events() + "?action=company.created&limit=1"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].action").value("company.created"))
                .andExpect(jsonPath("$.items[0].actorKind").value("ACCOUNT"))
                .andExpect(jsonPath("$.items[0].actorId").value(admin.id().toString()))
                .andExpect(jsonPath("$.items[0].actorName").value(admin.username()))
                .andExpect(jsonPath("$.items[0].targetId").value(company))
                .andExpect(jsonPath("$.items[0].targetName").value("=Audit SA"))
                .andExpect(jsonPath("$.items[0].outcome").value("SUCCEEDED"));
        api.as(admin, get(events() + "?outcome=denied"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
        problem(api.as(admin, get(events() + "?outcome=maybe"), null), 400);
        problem(api.as(admin, get(events() + "?from=yesterday"), null), 400);
        problem(api.as(admin, get(events() + "?limit=0"), null), 400);
        problem(api.as(admin, get(events() + "?format=xml"), null), 400);
    }

    @Test
    void anOperatorExportsCsvAndJsonLinesAndTheExportIsOnTheTrail() throws Exception {
        Account operator = granted(Role.GROUP_OPERATOR);
        awaitActions(operator, "company.created");

        String csv = api.as(admin, get(events() + "?format=csv"), null)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).startsWith("seq,time,actor_kind").contains("\"'=Audit SA\"");
        // The tree's names are content: an operator reads the trail without them.
        String operatorsCsv = api.as(operator, get(events() + "?format=csv"), null)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(operatorsCsv).contains("company.created").doesNotContain("Audit SA");
        api.as(operator, get(events() + "?action=company.created"), null)
                .andExpect(jsonPath("$.items[0].targetId").value(company))
                .andExpect(jsonPath("$.items[0].targetName").doesNotExist());
        api.as(operator, get(events() + "?action=group.created"), null)
                .andExpect(jsonPath("$.items[0].targetName").value("Maison Audit"));

        String jsonl = api.as(operator, get(events() + "/export?format=jsonl"), null)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(jsonl.split("\n")[1]).contains("\"action\":\"group.created\"");

        // The admin's csv listing is an export too, on the trail first: wait for the operator's, delivered later.
        assertThat(awaitExporters(operator)).contains(operator.id().toString());
        api.as(operator, get(events() + "?action=audit-trail.exported"), null)
                .andExpect(jsonPath("$.items[0].actorId").value(operator.id().toString()));
    }

    @Test
    void theTrailVerifies() throws Exception {
        awaitActions(admin, "company.created");

        api.as(admin, get(events() + "/verify"), null)
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
            assertThat(api.as(collaborator, get(path), null)
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isIn(403, 404);
            problem(api.as(stranger, get(path), null), 404);
            problem(api.as(staff, get(path), null), 404);
        }
    }

    private String events() {
        return "/api/v1/groups/" + group + "/audit-events";
    }

    /** The trail's actions, oldest first, once it holds the action (written after the commit). */
    private List<String> awaitActions(Account caller, String action) throws Exception {
        return awaitContaining(() -> actions(caller), action);
    }

    /** What {@code read} reads, once it holds {@code wanted} (or a minute has passed): the trail is written later. */
    private static List<String> awaitContaining(Callable<List<String>> read, String wanted) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        List<String> found = read.call();
        while (!found.contains(wanted) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
            found = read.call();
        }
        return found;
    }

    /** The actors of the trail's exports, once {@code caller}'s is among them (or a minute has passed). */
    private List<String> awaitExporters(Account caller) throws Exception {
        return awaitContaining(() -> exporters(caller), caller.id().toString());
    }

    private List<String> exporters(Account caller) throws Exception {
        return read(caller, "?action=audit-trail.exported", "$.items[*].actorId");
    }

    /** The trail's actions, oldest first. */
    private List<String> actions(Account caller) throws Exception {
        List<String> actions = new java.util.ArrayList<>(read(caller, "?limit=500", "$.items[*].action"));
        java.util.Collections.reverse(actions);
        return actions;
    }

    /** One field of every entry the query finds, newest first. */
    private List<String> read(Account caller, String query, String path) throws Exception {
        String body = api.as(caller, get(events() + query), null)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, path);
    }

    private Account granted(Role role) throws Exception {
        return granted(role, group);
    }

    private Account granted(Role role, String node) throws Exception {
        return api.granted(admin, node, role);
    }
}
