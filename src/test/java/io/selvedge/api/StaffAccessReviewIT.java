package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.Staff;
import io.selvedge.testing.Trails;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff access review, {@code /api/v1/admin/staff} and the page {@code /platform/staff-review}: a platform
 * admin lists every staff account with its role and last sign-in, confirms one, removes another's staff role,
 * disables a third, and exports the review as CSV and JSON, each on the platform trail with the admin as actor;
 * nobody reviews themselves; other staff and customers are refused.
 */
@SelvedgeIntegrationTest
class StaffAccessReviewIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Stores stores;

    @Autowired
    AuditTrail trail;

    @Autowired
    ApiCalls api;

    Customers customers;
    JdbcTemplate global;

    @BeforeEach
    void setUp() {
        customers = api.customers();
        global = new JdbcTemplate(stores.global().dataSource());
    }

    @Test
    void aPlatformAdminConfirmsRemovesAndDisablesStaffAccessOnThePlatformTrail() throws Exception {
        Customers.Account admin = customers.aPlatformAdmin("reviewer");
        Staff support = staff("support", "SUPPORT");
        Staff operations = staff("operations", "OPERATIONS");
        Staff security = staff("security", "SECURITY");
        Instant signedIn = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        global.update("update account set last_sign_in_at = ? where id = ?", Timestamp.from(signedIn), support.id());

        Map<String, JsonNode> listed = review(admin);
        assertThat(listed).containsKeys(support.username(), operations.username(), security.username());
        assertThat(listed.get(support.username()).get("role").asString()).isEqualTo("SUPPORT");
        assertThat(Instant.parse(
                        listed.get(support.username()).get("lastSignInAt").asString()))
                .isEqualTo(signedIn);
        assertThat(absent(listed.get(operations.username()), "lastSignInAt")).isTrue();
        assertThat(absent(listed.get(support.username()), "confirmedAt")).isTrue();

        api.as(admin, post("/api/v1/admin/staff/" + support.id() + "/confirmations"), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.confirmedBy").value(admin.username()))
                .andExpect(jsonPath("$.role").value("SUPPORT"));
        api.as(admin, delete("/api/v1/admin/staff/" + operations.id() + "/role"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").doesNotExist());
        api.as(admin, post("/api/v1/admin/staff/" + security.id() + "/disable"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));

        listed = review(admin);
        assertThat(listed.get(support.username()).get("confirmedBy").asString()).isEqualTo(admin.username());
        assertThat(listed).doesNotContainKey(operations.username());
        assertThat(listed.get(security.username()).get("active").asBoolean()).isFalse();
        assertThat(global.queryForObject("select staff_role from account where id = ?", String.class, operations.id()))
                .as("the account stays, without its staff role")
                .isNull();
        assertThat(global.queryForObject("select status from account where id = ?", String.class, security.id()))
                .isEqualTo("DISABLED");

        ApiCalls.problem(api.as(admin, post("/api/v1/admin/staff/" + admin.id() + "/confirmations"), null), 409);
        ApiCalls.problem(api.as(admin, delete("/api/v1/admin/staff/" + admin.id() + "/role"), null), 409);
        ApiCalls.problem(api.as(admin, post("/api/v1/admin/staff/" + admin.id() + "/disable"), null), 409);
        ApiCalls.problem(api.as(admin, delete("/api/v1/admin/staff/" + operations.id() + "/role"), null), 404);
        ApiCalls.problem(api.as(admin, post("/api/v1/admin/staff/" + UUID.randomUUID() + "/confirmations"), null), 404);

        assertThat(entries("staff.access-confirmed", support.id()))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.actorId()).isEqualTo(admin.id().toString()));
        assertThat(entries("staff.role-removed", operations.id()))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.actorId()).isEqualTo(admin.id().toString()));
        assertThat(entries("staff.account-disabled", security.id()))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.actorId()).isEqualTo(admin.id().toString()));
    }

    @Test
    void theReviewExportsAsCsvAndJsonOnThePlatformTrail() throws Exception {
        Customers.Account admin = customers.aPlatformAdmin("exporter");
        Staff support = staff("=exported", "SUPPORT");

        String csv = api.as(admin, get("/api/v1/admin/staff/export?format=csv"), null)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv)
                .startsWith("id,username,role,active,mfaEnrolled,passkeys,createdAt,lastSignInAt,confirmedAt,"
                        + "confirmedBy\r\n")
                .as("a cell a spreadsheet would run starts with an apostrophe")
                .contains("\"" + support.id() + "\",\"'" + support.username() + "\",\"SUPPORT\",\"true\"");

        String json = api.as(admin, get("/api/v1/admin/staff/export?format=json"), null)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> usernames = new ArrayList<>();
        JSON.readTree(json)
                .forEach(account -> usernames.add(account.get("username").asString()));
        assertThat(usernames).contains(support.username(), admin.username());

        ApiCalls.problem(api.as(admin, get("/api/v1/admin/staff/export?format=xml"), null), 400);
        assertThat(entries(
                        new AuditFilter(admin.id().toString(), "staff.review-exported", null, null, null, null, null),
                        2))
                .extracting(AuditEntry::targetId)
                .containsExactlyInAnyOrder("csv", "json");
    }

    @Test
    void otherStaffAndCustomersAreRefused() throws Exception {
        Staff support = staff("not-admin", "SUPPORT");
        Staff security = staff("not-admin-either", "SECURITY");
        Customers.Account customer = customers.aCustomer("review-customer");
        for (RequestPostProcessor caller : List.of(support.caller(), security.caller(), customer.caller())) {
            ApiCalls.problem(api.mvc().perform(get("/api/v1/admin/staff").with(caller)), 403);
            ApiCalls.problem(
                    api.mvc()
                            .perform(
                                    get("/api/v1/admin/staff/export?format=csv").with(caller)),
                    403);
            ApiCalls.problem(
                    api.mvc()
                            .perform(post("/api/v1/admin/staff/" + support.id() + "/confirmations")
                                    .with(caller)),
                    403);
            ApiCalls.problem(
                    api.mvc()
                            .perform(delete("/api/v1/admin/staff/" + security.id() + "/role")
                                    .with(caller)),
                    403);
            ApiCalls.problem(
                    api.mvc()
                            .perform(post("/api/v1/admin/staff/" + security.id() + "/disable")
                                    .with(caller)),
                    403);
        }
        assertThat(global.queryForObject(
                        "select count(*) from staff_access_confirmation where account_id = ?",
                        Integer.class,
                        support.id()))
                .isZero();

        api.mvc()
                .perform(get("/platform/staff-review").with(signedIn(support.username(), "STAFF_SUPPORT")))
                .andExpect(status().isForbidden());
        api.mvc()
                .perform(post("/platform/staff-review/" + security.id() + "/disable")
                        .with(signedIn(support.username(), "STAFF_SUPPORT"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        api.mvc()
                .perform(get("/platform/staff-review.csv").with(signedIn(customer.username(), null)))
                .andExpect(status().isForbidden());
        assertThat(global.queryForObject("select status from account where id = ?", String.class, security.id()))
                .isEqualTo("ACTIVE");
    }

    @Test
    void theStaffPageListsConfirmsAndExports() throws Exception {
        Customers.Account admin = customers.aPlatformAdmin("page-reviewer");
        Staff support = staff("page-support", "SUPPORT");
        RequestPostProcessor asAdmin = signedIn(admin.username(), "STAFF_PLATFORM_ADMIN");

        api.mvc()
                .perform(get("/platform/staff-review").with(asAdmin))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(support.username())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Staff access review")));
        api.mvc()
                .perform(post("/platform/staff-review/" + support.id() + "/confirm")
                        .with(asAdmin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/platform/staff-review"));
        assertThat(global.queryForObject(
                        "select confirmed_by from staff_access_confirmation where account_id = ?",
                        UUID.class,
                        support.id()))
                .isEqualTo(admin.id());
        api.mvc()
                .perform(get("/platform/staff-review")
                        .with(asAdmin)
                        .header("Accept-Language", "pt-PT")
                        .locale(Locale.forLanguageTag("pt-PT")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Revisão dos acessos da equipa")));
        api.mvc()
                .perform(get("/platform/staff-review.json").with(asAdmin))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(support.username())));
    }

    @Test
    void staffListsRefuseACursorTheyDidNotHandOut() throws Exception {
        Customers.Account admin = customers.aPlatformAdmin("cursor-tester");
        for (String list : java.util.List.of("/api/v1/admin/staff", "/api/v1/me/access-requests")) {
            for (String cursor : java.util.List.of(BadInputIT.UNREADABLE_CURSOR, "bm90IGEgY3Vyc29y")) {
                ApiCalls.problem(api.as(admin, get(list + "?cursor=" + cursor), null), 400);
            }
        }
    }

    /** Every staff account of the review, by username, walking the pages. */
    private Map<String, JsonNode> review(Customers.Account admin) throws Exception {
        Map<String, JsonNode> all = new java.util.HashMap<>();
        String cursor = null;
        do {
            String body = api.as(
                            admin,
                            get("/api/v1/admin/staff?limit=200" + (cursor == null ? "" : "&cursor=" + cursor)),
                            null)
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "no-store"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            JsonNode page = JSON.readTree(body);
            page.get("items").forEach(item -> all.put(item.get("username").asString(), item));
            cursor = absent(page, "nextCursor") ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return all;
    }

    /** A null field is left out of the answer. */
    private static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    private Staff staff(String name, String role) {
        Staff staff = customers.aStaffMember(name, role);
        // Staff must use MFA on the web pages: enrolled, and signed in with a passkey in these tests.
        global.update("update account set mfa_enrolled = true where id = ?", staff.id());
        return staff;
    }

    /** As the account signed in on the web pages: staff with a passkey and their role, a customer with a password. */
    private RequestPostProcessor signedIn(String username, String staffAuthority) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (staffAuthority != null) {
            global.update("update account set mfa_enrolled = true where username = ?", username);
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
            authorities.add(new SimpleGrantedAuthority(staffAuthority));
        } else {
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        }
        return user(username).authorities(authorities);
    }

    /** The platform trail's entries of {@code action} on the account, once delivered (the outbox is asynchronous). */
    private List<AuditEntry> entries(String action, UUID accountId) throws InterruptedException {
        return entries(new AuditFilter(null, action, "account", accountId.toString(), null, null, null), 1);
    }

    private List<AuditEntry> entries(AuditFilter filter, int atLeast) throws InterruptedException {
        return Trails.awaitEntries(trail, null, filter, atLeast, Duration.ofSeconds(30));
    }
}
