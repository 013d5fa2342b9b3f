package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.access.Role;
import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.content.ContentProperties;
import io.selvedge.content.Uploads;
import io.selvedge.platform.RequestIds;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.Staff;
import io.selvedge.testing.Trails;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Customer Lockbox's support actions: under an approved SUPPORT_ACTIONS request, and only then, a support staff
 * member resets an outside collaborator's MFA and aborts a stuck upload on the request's node or below, each on
 * the group's trail and the platform's with the access request's id; a managed account is refused; the banner is
 * on the monitoring module's pages too; the staff review lists each account's access requests.
 */
@SelvedgeIntegrationTest
class StaffSupportActionsIT {

    @Autowired
    ApiCalls api;

    @Autowired
    Stores stores;

    @Autowired
    AuditTrail trail;

    @Autowired
    Uploads uploads;

    @Autowired
    ContentProperties content;

    Customers.Account admin;
    ApiCalls.Tree tree;

    @BeforeEach
    void aGroupWithItsAdmin() throws Exception {
        admin = api.anInvitableCustomer("support-admin");
        tree = api.aTree(admin, "eu");
    }

    @Test
    void supportResetsAnOutsideCollaboratorsMfaOnlyUnderAnOpenSupportRequest() throws Exception {
        Customers.Account outsider = api.granted(admin, tree.workroom(), Role.VIEWER);
        Customers.Account above = api.granted(admin, tree.brand(), Role.BRAND_COLLABORATOR);
        String domain = "support-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        api.verifiedDomain(admin, tree.group(), domain);
        Customers.Account managed = api.aCustomerAt("managed", "fixture " + UUID.randomUUID(), domain);
        api.grant(admin, tree.workroom(), managed, Role.EDITOR, false, false);
        Customers.Account otherAdmin = api.anInvitableCustomer("support-other-admin");
        String otherGroup = api.aGroup(otherAdmin, "Other organisation", "eu");
        String otherDomain = "other-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        api.verifiedDomain(otherAdmin, otherGroup, otherDomain);
        Customers.Account theirs = api.aCustomerAt("theirs", "fixture " + UUID.randomUUID(), otherDomain);
        api.grant(admin, tree.workroom(), theirs, Role.VIEWER, false, false);
        Staff support = api.customers().aStaffMember("SUPPORT");
        String reset = resetPath(outsider);
        assertThat(api.mvc()
                        .perform(get("/api/v1/openapi.json"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("/api/v1/groups/{groupId}/support/collaborators/{userId}/mfa")
                .contains("/api/v1/groups/{groupId}/support/stuck-uploads/{uploadId}");

        support.call(api, delete(reset)).andExpect(status().isNotFound());
        ApiCalls.problem(api.as(admin, delete(reset), null), 403); // the group's admin: not theirs to do
        String request = support.requests(api, tree.group(), "SUPPORT_ACTIONS", tree.season());
        support.call(api, delete(reset)).andExpect(status().isNotFound()); // pending: nothing yet
        api.as(admin, post(requestPath(request) + "/approve"), null).andExpect(status().isOk());

        support.call(api, delete(reset).requestAttr(RequestIds.ATTRIBUTE, "support-mfa-1"))
                .andExpect(status().isNoContent());
        ApiCalls.problem(support.call(api, delete(resetPath(managed))), 409);
        ApiCalls.problem(support.call(api, delete(resetPath(theirs))), 409); // its own organisation resets it
        ApiCalls.problem(support.call(api, delete(resetPath(above))), 404); // above the request's node
        ApiCalls.problem(support.call(api, delete(resetPath(admin))), 404); // a role on the group, not below

        AuditFilter done = new AuditFilter(
                null, "staff-support.mfa-reset", "account", outsider.id().toString(), null, null, null);
        for (UUID trailGroup : new UUID[] {UUID.fromString(tree.group()), null}) {
            assertThat(awaitEntries(trailGroup, done, 1)).singleElement().satisfies(entry -> {
                assertThat(entry.actorId()).isEqualTo(support.id().toString());
                assertThat(entry.requestId()).isEqualTo("support-mfa-1");
            });
            AuditFilter used = new AuditFilter(null, "staff-access.used", "access-request", request, null, null, null);
            assertThat(awaitEntries(trailGroup, used, 1))
                    .extracting(AuditEntry::requestId)
                    .contains("support-mfa-1");
        }

        // Another scope does not reach the support actions; revoked or expired requests grant nothing.
        Staff security = api.customers().aStaffMember("SECURITY");
        String content = security.requests(api, tree.group(), "CONTENT_READ_ONLY", tree.season());
        api.as(admin, post(requestPath(content) + "/approve"), null).andExpect(status().isOk());
        ApiCalls.problem(security.call(api, delete(reset)), 403);
        api.as(admin, post(requestPath(request) + "/revoke"), null).andExpect(status().isOk());
        support.call(api, delete(reset)).andExpect(status().isNotFound());
        String again = support.requests(api, tree.group(), "SUPPORT_ACTIONS", tree.season());
        api.as(admin, post(requestPath(again) + "/approve"), null).andExpect(status().isOk());
        support.call(api, delete(reset)).andExpect(status().isNoContent());
        regional()
                .update(
                        "update access_request set expires_at = ? where id = ?",
                        Timestamp.from(Instant.now().minusSeconds(1)),
                        UUID.fromString(again));
        support.call(api, delete(reset)).andExpect(status().isNotFound());
    }

    @Test
    void supportAbortsAStuckUploadOnItsNodeAsTheOwnersAbortWould() throws Exception {
        String style = ApiCalls.created(api.as(
                admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Field jacket\"}"));
        Uploads.Upload upload = uploads.create(UUID.fromString(style), 8, "draft.glb", null, admin.id());
        uploads.append(upload.id(), 0, new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), admin.id());
        Staff support = api.customers().aStaffMember("SUPPORT");
        String stuck = "/api/v1/groups/" + tree.group() + "/support/stuck-uploads";

        support.call(api, get(stuck)).andExpect(status().isNotFound());
        ApiCalls.problem(api.as(admin, get(stuck), null), 403);
        String request = support.requests(api, tree.group(), "SUPPORT_ACTIONS", tree.workroom());
        api.as(admin, post(requestPath(request) + "/approve"), null).andExpect(status().isOk());
        support.call(api, get(stuck))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
        for (String cursor : List.of(BadInputIT.UNREADABLE_CURSOR, "bm90IGEgY3Vyc29y")) {
            ApiCalls.problem(support.call(api, get(stuck + "?cursor=" + cursor)), 400);
        }
        ApiCalls.problem(support.call(api, delete(stuck + "/" + upload.id())), 404); // busy a moment ago

        // Unchanged for longer than the setting (its expiry, which each chunk moves, says when it last changed).
        regional()
                .update(
                        "update content_upload set expires_at = ? where id = ?",
                        Timestamp.from(Instant.now()
                                .plus(content.uploadExpiry())
                                .minus(content.stuckUploadIdle())
                                .minusSeconds(60)),
                        upload.id());
        support.call(api, get(stuck))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(upload.id().toString()))
                .andExpect(jsonPath("$.items[0].offset").value(4))
                .andExpect(jsonPath("$.items[0].createdBy").value(admin.id().toString()));
        assertThat(count("select count(*) from content_reservation where id = ?", upload.id()))
                .isEqualTo(1);
        assertThat(page(support, "/platform/access-requests"))
                .contains("data-upload=\"" + upload.id() + "\"")
                .contains("/platform/support/" + tree.group() + "/stuck-uploads/" + upload.id() + "/abort")
                .contains("/platform/support/" + tree.group() + "/mfa-resets");

        support.call(api, delete(stuck + "/" + upload.id()).requestAttr(RequestIds.ATTRIBUTE, "support-abort-1"))
                .andExpect(status().isNoContent());
        assertThat(count("select count(*) from content_upload where id = ?", upload.id()))
                .isZero();
        assertThat(count("select count(*) from content_upload_part where upload_id = ?", upload.id()))
                .isZero();
        assertThat(count("select count(*) from content_reservation where id = ?", upload.id()))
                .isZero();
        ApiCalls.problem(support.call(api, delete(stuck + "/" + upload.id())), 404);
        AuditFilter done = new AuditFilter(
                null, "staff-support.upload-aborted", "upload", upload.id().toString(), null, null, null);
        for (UUID trailGroup : new UUID[] {UUID.fromString(tree.group()), null}) {
            assertThat(awaitEntries(trailGroup, done, 1))
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.requestId()).isEqualTo("support-abort-1"));
        }

        api.as(admin, post(requestPath(request) + "/revoke"), null).andExpect(status().isOk());
        support.call(api, get(stuck)).andExpect(status().isNotFound());
    }

    @Test
    void theBannerIsOnTheMonitoringPagesAndTheReviewListsTheRequests() throws Exception {
        Staff security = api.customers().aStaffMember("SECURITY");
        assertThat(page(security, "/platform/incidents")).doesNotContain("staff-access-banner");
        String request = security.requests(api, tree.group(), "ADMIN_CONSOLE_READ_ONLY", null);
        api.as(admin, post(requestPath(request) + "/approve"), null).andExpect(status().isOk());
        assertThat(page(security, "/platform/incidents"))
                .contains("id=\"staff-access-banner\"")
                .contains(request);

        Staff platformAdmin = api.customers().aStaffMember("PLATFORM_ADMIN");
        platformAdmin
                .call(api, get("/api/v1/admin/staff?limit=200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + security.id() + "')].accessRequests")
                        .value(1))
                .andExpect(jsonPath("$.items[?(@.id == '" + security.id() + "')].latestAccessRequest.id")
                        .value(request))
                .andExpect(jsonPath("$.items[?(@.id == '" + security.id() + "')].latestAccessRequest.status")
                        .value("APPROVED"));
        assertThat(page(platformAdmin, "/platform/staff-review")).contains(tree.group());
        ApiCalls.problem(security.call(api, get("/api/v1/admin/staff")), 403);
    }

    private String page(Staff staff, String path) throws Exception {
        new JdbcTemplate(stores.global().dataSource())
                .update("update account set mfa_enrolled = true where id = ?", staff.id());
        return api.mvc()
                .perform(get(path)
                        .with(user(staff.username())
                                .authorities(
                                        FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY),
                                        new SimpleGrantedAuthority("STAFF_" + staff.role())))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String resetPath(Customers.Account account) {
        return "/api/v1/groups/" + tree.group() + "/support/collaborators/" + account.id() + "/mfa";
    }

    private String requestPath(String request) {
        return "/api/v1/groups/" + tree.group() + "/access-requests/" + request;
    }

    private JdbcTemplate regional() {
        return new JdbcTemplate(stores.region("eu").dataSource());
    }

    private int count(String sql, UUID id) {
        return regional().queryForObject(sql, Integer.class, id);
    }

    private List<AuditEntry> awaitEntries(UUID group, AuditFilter filter, int count) throws InterruptedException {
        return Trails.awaitEntries(trail, group, filter, count, Duration.ofSeconds(30));
    }
}
