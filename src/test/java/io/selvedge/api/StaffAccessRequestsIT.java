package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.access.StaffAction;
import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.platform.RequestIds;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.Staff;
import io.selvedge.testing.Trails;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Customer Lockbox: platform staff see nothing of a customer's group (every group resource of the OpenAPI
 * document answers 404, whatever their role) until one of the group's admins approves their access request;
 * then exactly its scope, until it expires or an admin revokes it, and each of their requests is on the
 * group's trail and the platform's with the access request's id.
 */
@SelvedgeIntegrationTest
class StaffAccessRequestsIT {

    /** The collections whose ids are a group's resources: the variable after each names one. */
    private static final Set<String> GROUP_RESOURCES = Set.of(
            "groups",
            "companies",
            "brands",
            "seasons",
            "workrooms",
            "nodes",
            "styles",
            "versions",
            "comments",
            "links",
            "uploads");

    private static final Pattern RESOURCE = Pattern.compile("^/api/v1/([a-z-]+)/\\{[^}]+}");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    ApiCalls api;

    @Autowired
    Stores stores;

    @Autowired
    AuditTrail trail;

    Customers.Account admin;
    ApiCalls.Tree tree;

    @BeforeEach
    void aGroupWithItsAdmin() throws Exception {
        admin = api.anInvitableCustomer("lockbox-admin");
        tree = api.aTree(admin, "eu");
    }

    @Test
    void withoutAnApprovedRequestEveryStaffRoleGets404OnEveryGroupResource() throws Exception {
        String document = api.mvc()
                .perform(get("/api/v1/openapi.json"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");
        Map<String, String> ids = Map.of(
                "groups", tree.group(),
                "companies", tree.company(),
                "brands", tree.brand(),
                "seasons", tree.season(),
                "workrooms", tree.workroom(),
                "nodes", tree.workroom());
        List<String> failures = new ArrayList<>();
        List<Staff> staff =
                StaffAction.ROLES.stream().map(api.customers()::aStaffMember).toList();
        int walked = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            Matcher resource = RESOURCE.matcher(path.getKey());
            if (!resource.find() || !GROUP_RESOURCES.contains(resource.group(1))) {
                continue;
            }
            String uri = fill(
                    path.getKey(),
                    ids.getOrDefault(resource.group(1), UUID.randomUUID().toString()));
            for (String method : path.getValue().keySet()) {
                String verb = method.toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)) {
                    continue;
                }
                walked++;
                String operation = verb + " " + path.getKey();
                for (Staff caller : staff) {
                    if (exempt(caller.role(), operation)) {
                        continue;
                    }
                    MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(verb), uri);
                    if (!verb.equals("GET") && !verb.equals("DELETE")) {
                        call.contentType(MediaType.APPLICATION_JSON).content("{}");
                    }
                    int answer =
                            caller.call(api, call).andReturn().getResponse().getStatus();
                    if (answer != 404) {
                        failures.add(caller.role() + " " + operation + ": " + answer);
                    }
                }
            }
        }
        assertThat(walked).as("group operations walked").isGreaterThan(60);
        assertThat(failures).isEmpty();
    }

    @Test
    void theGroupsStaffAccessReportListsEachAccessWhatWasDoneAndFromWhere() throws Exception {
        Staff support = api.customers().aStaffMember("SUPPORT");
        String request = support.requests(api, tree.group(), "CONTENT_READ_ONLY", tree.season());
        api.as(admin, post(requestPath(request) + "/approve"), null).andExpect(status().isOk());
        support.call(api, get("/api/v1/seasons/" + tree.season())).andExpect(status().isOk());
        support.call(api, get("/api/v1/workrooms/" + tree.workroom())).andExpect(status().isOk());
        api.as(admin, post(requestPath(request) + "/revoke"), null).andExpect(status().isOk());
        String report = "/api/v1/groups/" + tree.group() + "/staff-access-report";

        // The entries are written after the requests' transactions, by the audit module's own thread.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> api.as(admin, get(report), null)
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.accesses[0].request.id").value(request))
                        .andExpect(jsonPath("$.accesses[0].request.status").value("REVOKED"))
                        .andExpect(jsonPath("$.accesses[0].activity[?(@.action == 'staff-access.used')].address")
                                .value(org.hamcrest.Matchers.hasItem("127.0.0.1"))));
        String csv = api.as(admin, get(report + "?format=csv"), null)
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).startsWith("access_request_id,kind,").contains(request, "staff-access.used");
        ApiCalls.problem(api.as(admin, get(report + "?format=xml"), null), 400);
        support.call(api, get(report)).andExpect(status().isNotFound());
    }

    @Test
    void anApprovedRequestGrantsExactlyItsScopeUntilItEnds() throws Exception {
        Staff support = api.customers().aStaffMember("SUPPORT");
        String request = support.requests(api, tree.group(), "CONTENT_READ_ONLY", tree.season());
        support.call(api, get("/api/v1/seasons/" + tree.season())).andExpect(status().isNotFound());
        api.as(admin, post(requestPath(request) + "/approve"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));

        support.call(api, get("/api/v1/seasons/" + tree.season())).andExpect(status().isOk());
        support.call(api, get("/api/v1/workrooms/" + tree.workroom())).andExpect(status().isOk());
        support.call(api, get("/api/v1/groups/" + tree.group())).andExpect(status().isOk());
        support.call(api, get("/api/v1/brands/" + tree.brand())).andExpect(status().isNotFound());
        support.call(api, get("/api/v1/companies/" + tree.company())).andExpect(status().isNotFound());
        support.call(api, get("/api/v1/groups/" + tree.group() + "/audit-events"))
                .andExpect(status().isForbidden());
        support.call(api, get("/api/v1/groups/" + tree.group() + "/members"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
        ApiCalls.problem(
                support.call(
                        api,
                        post("/api/v1/seasons/" + tree.season() + "/workrooms")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"Not theirs\"}")),
                403);
        Staff security = api.customers().aStaffMember("SECURITY");
        security.call(api, get("/api/v1/seasons/" + tree.season())).andExpect(status().isNotFound());

        // Past its end (as the store sees it; the clock's part is StoredStaffGrantsIT's): nothing again.
        regional()
                .update(
                        "update access_request set expires_at = ? where id = ?",
                        Timestamp.from(Instant.now().minusSeconds(1)),
                        UUID.fromString(request));
        support.call(api, get("/api/v1/seasons/" + tree.season())).andExpect(status().isNotFound());
        api.as(admin, get(requestPath(request)), null)
                .andExpect(jsonPath("$.status").value("EXPIRED"));
    }

    @Test
    void aRevocationHoldsAtTheNextRequestAndDeniedRequestsGrantNothing() throws Exception {
        Staff security = api.customers().aStaffMember("SECURITY");
        String request = security.requests(api, tree.group(), "ADMIN_CONSOLE_READ_ONLY", null);
        api.as(admin, post(requestPath(request) + "/approve"), null).andExpect(status().isOk());
        security.call(api, get("/api/v1/groups/" + tree.group() + "/audit-events"))
                .andExpect(status().isOk());
        security.call(api, get("/api/v1/groups/" + tree.group() + "/members")).andExpect(status().isOk());
        // Below the group it sees who may see a node (read-only console), never the node's content.
        ApiCalls.problem(security.call(api, get("/api/v1/seasons/" + tree.season())), 403);
        security.call(api, get("/api/v1/workrooms/" + tree.workroom() + "/styles"))
                .andExpect(status().isForbidden());
        ApiCalls.problem(security.call(api, get("/api/v1/groups/" + tree.group() + "/scim-tokens")), 403);

        api.as(admin, post(requestPath(request) + "/revoke"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"));
        security.call(api, get("/api/v1/groups/" + tree.group() + "/audit-events"))
                .andExpect(status().isNotFound());
        ApiCalls.problem(api.as(admin, post(requestPath(request) + "/revoke"), null), 409);

        // Another node's revocation is a row in the store: this node reads it at the next request.
        String again = security.requests(api, tree.group(), "ADMIN_CONSOLE_READ_ONLY", null);
        api.as(admin, post(requestPath(again) + "/approve"), null).andExpect(status().isOk());
        security.call(api, get("/api/v1/groups/" + tree.group() + "/members")).andExpect(status().isOk());
        regional()
                .update(
                        "update access_request set status = 'REVOKED', revoked_at = ? where id = ?",
                        Timestamp.from(Instant.now()),
                        UUID.fromString(again));
        security.call(api, get("/api/v1/groups/" + tree.group() + "/members")).andExpect(status().isNotFound());

        String denied = security.requests(api, tree.group(), "ADMIN_CONSOLE_READ_ONLY", null);
        api.as(admin, post(requestPath(denied) + "/deny"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DENIED"));
        ApiCalls.problem(api.as(admin, post(requestPath(denied) + "/approve"), null), 409);
        security.call(api, get("/api/v1/groups/" + tree.group() + "/members")).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheGroupsAdminsDecideAndTheyAreMailed() throws Exception {
        Staff support = api.customers().aStaffMember("SUPPORT");
        String request = support.requests(api, tree.group(), "ADMIN_CONSOLE_READ_ONLY", null);
        Staff platformAdmin = api.customers().aStaffMember("PLATFORM_ADMIN");
        Customers.Account operator = api.granted(admin, tree.group(), Role.GROUP_OPERATOR);
        Customers.Account companyAdmin = api.granted(admin, tree.company(), Role.COMPANY_ADMIN);
        Customers.Account otherAdmin = api.anInvitableCustomer("lockbox-other");
        api.aTree(otherAdmin, "eu");

        support.call(api, post(requestPath(request) + "/approve")).andExpect(status().isNotFound());
        platformAdmin.call(api, post(requestPath(request) + "/approve")).andExpect(status().isNotFound());
        ApiCalls.problem(api.as(operator, post(requestPath(request) + "/approve"), null), 403);
        ApiCalls.problem(api.as(companyAdmin, post(requestPath(request) + "/approve"), null), 403);
        ApiCalls.problem(api.as(otherAdmin, post(requestPath(request) + "/approve"), null), 404);
        api.as(admin, get(requestPath(request)), null)
                .andExpect(jsonPath("$.status").value("PENDING"));

        // A customer cannot ask, nor a role that does not request access, nor for more than 8 hours.
        ApiCalls.problem(
                api.as(
                        admin,
                        post("/api/v1/groups/" + tree.group() + "/access-requests"),
                        Staff.accessRequest("ADMIN_CONSOLE_READ_ONLY", null, 60)),
                403);
        ApiCalls.problem(
                api.customers()
                        .aStaffMember("OPERATIONS")
                        .call(
                                api,
                                json(
                                        post("/api/v1/groups/" + tree.group() + "/access-requests"),
                                        Staff.accessRequest("ADMIN_CONSOLE_READ_ONLY", null, 60))),
                403);
        ApiCalls.problem(
                support.call(
                        api,
                        json(
                                post("/api/v1/groups/" + tree.group() + "/access-requests"),
                                Staff.accessRequest("ADMIN_CONSOLE_READ_ONLY", null, 481))),
                400);
        ApiCalls.problem(
                support.call(
                        api,
                        json(
                                post("/api/v1/groups/" + UUID.randomUUID() + "/access-requests"),
                                Staff.accessRequest("ADMIN_CONSOLE_READ_ONLY", null, 60))),
                404);

        api.as(admin, post(requestPath(request) + "/approve"), null).andExpect(status().isOk());
        support.call(api, get("/api/v1/me/access-requests"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(request))
                .andExpect(jsonPath("$.items[0].status").value("APPROVED"));
        // Holding the admin console read-only is no right to decide, not even its own request.
        ApiCalls.problem(support.call(api, post(requestPath(request) + "/revoke")), 403);
        assertThat(api.mailbox().awaitMail(admin.username() + "@customers.test", "access to your group", 1))
                .singleElement()
                .satisfies(
                        mail -> assertThat(mail.text()).contains("/admin/groups/" + tree.group() + "/access-requests"));
    }

    @Test
    void everyRequestDuringAGrantIsOnBothTrailsWithTheRequestsId() throws Exception {
        Staff security = api.customers().aStaffMember("SECURITY");
        String request = security.requests(api, tree.group(), "ADMIN_CONSOLE_READ_ONLY", null);
        api.as(admin, post(requestPath(request) + "/approve"), null).andExpect(status().isOk());
        security.call(
                        api,
                        get("/api/v1/groups/" + tree.group() + "/members")
                                .requestAttr(RequestIds.ATTRIBUTE, "lockbox-1"))
                .andExpect(status().isOk());
        security.call(
                        api,
                        get("/api/v1/groups/" + tree.group() + "/security-policy")
                                .requestAttr(RequestIds.ATTRIBUTE, "lockbox-2"))
                .andExpect(status().isOk());

        AuditFilter used = new AuditFilter(null, "staff-access.used", "access-request", request, null, null, null);
        List<AuditEntry> onGroupTrail = awaitEntries(UUID.fromString(tree.group()), used, 2);
        List<AuditEntry> onPlatformTrail = awaitEntries(null, used, 2);
        assertThat(onGroupTrail)
                .allSatisfy(entry ->
                        assertThat(entry.actorId()).isEqualTo(security.id().toString()))
                .extracting(AuditEntry::requestId)
                .containsExactlyInAnyOrder("lockbox-1", "lockbox-2");
        assertThat(onPlatformTrail)
                .allSatisfy(entry ->
                        assertThat(entry.actorId()).isEqualTo(security.id().toString()))
                .extracting(AuditEntry::requestId)
                .containsExactlyInAnyOrder("lockbox-1", "lockbox-2");
        for (String change : List.of("access-request.requested", "access-request.approved")) {
            AuditFilter filter = new AuditFilter(null, change, "access-request", request, null, null, null);
            assertThat(awaitEntries(UUID.fromString(tree.group()), filter, 1)).hasSize(1);
            assertThat(awaitEntries(null, filter, 1)).hasSize(1);
        }
    }

    @Test
    void breakGlassNeedsTwoPlatformAdminsAtMostAnHourAndAFollowUpNote() throws Exception {
        Staff first = api.customers().aStaffMember("PLATFORM_ADMIN");
        Staff second = api.customers().aStaffMember("PLATFORM_ADMIN");
        String base = "/api/v1/admin/groups/" + tree.group() + "/emergency-access";
        String outage = "{\"reason\": \"Customer unreachable during an outage\", \"ticket\": \"INC-7\","
                + " \"durationMinutes\": 60}";
        ApiCalls.problem(
                first.call(api, json(post(base), outage.replace("\"durationMinutes\": 60", "\"durationMinutes\": 61"))),
                400);
        ApiCalls.problem(api.customers().aStaffMember("SUPPORT").call(api, json(post(base), outage)), 403);
        String request = ApiCalls.created(first.call(api, json(post(base), outage)));

        ApiCalls.problem(first.call(api, post(base + "/" + request + "/approve")), 403);
        first.call(api, get("/api/v1/groups/" + tree.group() + "/members")).andExpect(status().isNotFound());
        second.call(api, post(base + "/" + request + "/approve"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.kind").value("BREAK_GLASS"));
        first.call(api, get("/api/v1/groups/" + tree.group() + "/members")).andExpect(status().isOk());
        first.call(api, get("/api/v1/seasons/" + tree.season())).andExpect(status().isOk());
        second.call(api, get("/api/v1/seasons/" + tree.season())).andExpect(status().isNotFound());
        ApiCalls.problem(
                first.call(
                        api,
                        json(post("/api/v1/seasons/" + tree.season() + "/workrooms"), "{\"name\": \"Not theirs\"}")),
                403);
        String expires = JsonPath.read(
                api.as(admin, get(requestPath(request)), null)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.expiresAt");
        assertThat(Instant.parse(expires)).isBefore(Instant.now().plusSeconds(3601));

        // Neither opens another before one of them writes the follow-up note.
        ApiCalls.problem(first.call(api, json(post(base), outage)), 409);
        ApiCalls.problem(second.call(api, json(post(base), outage)), 409);
        second.call(
                        api,
                        json(
                                post(base + "/" + request + "/follow-up"),
                                "{\"note\": \"Restored the upload; no data read beyond the style\"}"))
                .andExpect(status().isOk());
        first.call(api, json(post(base), outage)).andExpect(status().isCreated());

        assertThat(api.mailbox().awaitMail(admin.username() + "@customers.test", "Emergency access", 1))
                .hasSize(1);
        Instant giveUp = Instant.now().plusSeconds(30);
        String alerts = "";
        while (!alerts.contains("break-glass") && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            alerts = api.as(admin, get("/api/v1/groups/" + tree.group() + "/alerts?severity=critical"), null)
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        }
        assertThat(alerts).contains("break-glass");
    }

    /** Operations a staff role may use on a group without a request: the way in, and its own documented rows. */
    private static boolean exempt(String role, String operation) {
        return operation.equals("POST /api/v1/groups/{groupId}/access-requests")
                || role.equals("PLATFORM_ADMIN") && operation.equals("GET /api/v1/groups/{groupId}/residency-report");
    }

    private List<AuditEntry> awaitEntries(UUID group, AuditFilter filter, int count) throws InterruptedException {
        return Trails.awaitEntries(trail, group, filter, count, Duration.ofSeconds(30));
    }

    private String requestPath(String request) {
        return "/api/v1/groups/" + tree.group() + "/access-requests/" + request;
    }

    private JdbcTemplate regional() {
        return new JdbcTemplate(stores.region("eu").dataSource());
    }

    private static String fill(String template, String first) {
        Matcher variables = VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        boolean isFirst = true;
        while (variables.find()) {
            variables.appendReplacement(
                    filled, isFirst ? first : UUID.randomUUID().toString());
            isFirst = false;
        }
        variables.appendTail(filled);
        return filled.toString();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
