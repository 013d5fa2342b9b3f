package io.selvedge.monitoring.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The configuration of routing through its API and pages: staff manage teams' channels and rules (a customer is
 * refused, an http URL answers a problem document), a webhook's secret is shown once, and a group's admin sets
 * where the group's alerts go in the admin console. Runs on H2 only: what it proves (handlers, permissions,
 * pages) is the same on every store; AlertRoutingIT proves the storage on PostgreSQL too.
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class AlertRoutingPagesIT extends AsACustomerAdmin {

    @Autowired
    Stores stores;

    @Autowired
    AuditTrail trail;

    @Test
    void staffRouteSecurityAlertsToAChannelAndACustomerIsRefused() throws Exception {
        Customers.Account staff = customers.aPlatformAdmin(
                "routing-" + UUID.randomUUID().toString().substring(0, 6));
        String made = api.as(
                        staff,
                        post("/api/v1/alert-routing/channels"),
                        "{\"teamId\": \"" + Team.SECURITY + "\", \"kind\": \"WEBHOOK\", \"name\": \"SIEM\","
                                + " \"target\": \"https://siem.example.test/hooks/selvedge\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").isString())
                .andExpect(jsonPath("$.target").value("https://siem.example.test/…"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(made, "$.id");
        api.as(staff, get("/api/v1/alert-routing/channels"), null)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(id)))
                .andExpect(content().string(not(containsString("\"secret\""))));
        ApiCalls.problem(
                api.as(
                        staff,
                        post("/api/v1/alert-routing/channels"),
                        "{\"teamId\": \"" + Team.SECURITY + "\", \"kind\": \"SLACK\", \"name\": \"x\","
                                + " \"target\": \"http://hooks.example.test/x\"}"),
                422);
        api.as(
                        staff,
                        post("/api/v1/alert-routing/rules"),
                        "{\"category\": \"NETWORK\", \"minSeverity\": \"CRITICAL\", \"teamId\": \"" + Team.SECURITY
                                + "\"}")
                .andExpect(status().isCreated());
        ApiCalls.problem(api.as(customers.aCustomer("not-staff"), get("/api/v1/alert-routing/teams"), null), 403);

        mfaEnrolled(staff);
        mvc.perform(get("/platform/alert-routing").with(signedIn(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("SIEM")))
                .andExpect(content().string(containsString("Network engineering")));
        mvc.perform(post("/platform/alert-routing/channels")
                        .with(signedIn(staff))
                        .with(csrf())
                        .param("teamId", Team.OPERATIONS.toString())
                        .param("kind", "WEBHOOK")
                        .param("name", "Ops hook")
                        .param("target", "https://ops.example.test/hook"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-secret\"")));
        mvc.perform(get("/platform/alert-routing").with(signedIn(customers.aCustomer("page-customer"))))
                .andExpect(status().isForbidden());
        api.as(
                        staff,
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/alert-routing/channels/" + id),
                        null)
                .andExpect(status().isNoContent());
    }

    @Test
    void aGroupAdminChoosesWhereTheGroupsAlertsAreSent() throws Exception {
        String group = api.aGroup(admin, "Maison", "eu");
        api.as(
                        admin,
                        put("/api/v1/groups/" + group + "/alert-contacts"),
                        "{\"minSeverity\": \"CRITICAL\", \"channels\": [{\"kind\": \"EMAIL\", \"name\": \"CISO\","
                                + " \"target\": \"ciso@maison.example\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.minSeverity").value("CRITICAL"))
                .andExpect(jsonPath("$.channels[0].target").value("ciso@maison.example"));
        ApiCalls.problem(
                api.as(
                        admin,
                        put("/api/v1/groups/" + group + "/alert-contacts"),
                        "{\"minSeverity\": \"LOUD\", \"channels\": []}"),
                422);

        mfaEnrolled(admin);
        mvc.perform(get("/admin/groups/" + group + "/alert-contacts").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ciso@maison.example")))
                .andExpect(content().string(containsString("Where alerts are sent")));
        mvc.perform(post("/admin/groups/" + group + "/alert-contacts/channels")
                        .with(signedIn(admin))
                        .with(csrf())
                        .param("kind", "WEBHOOK")
                        .param("name", "SOC")
                        .param("target", "https://soc.maison.example.test/hook"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-secret\"")));
        api.as(admin, get("/api/v1/groups/" + group + "/alert-contacts"), null)
                .andExpect(jsonPath("$.channels.length()").value(2))
                .andExpect(jsonPath("$.minSeverity").value("CRITICAL"));
        mvc.perform(get("/admin/groups/" + group + "/alert-contacts").with(signedIn(customers.aCustomer("stranger"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void staffsRoutingChangesAndAGroupsContactChangesAreOnTheirTrailsUnderWhoMadeThem() throws Exception {
        Customers.Account staff = customers.aPlatformAdmin(
                "audited-" + UUID.randomUUID().toString().substring(0, 6));
        String rule = com.jayway.jsonpath.JsonPath.read(
                api.as(
                                staff,
                                post("/api/v1/alert-routing/rules"),
                                "{\"category\": \"OPERATIONS\", \"minSeverity\": \"WARNING\", \"teamId\": \""
                                        + Team.NETWORK + "\"}")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        api.as(
                        staff,
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/alert-routing/rules/" + rule),
                        null)
                .andExpect(status().isNoContent());
        String group = api.aGroup(admin, "Maison", "eu");
        api.as(
                        admin,
                        put("/api/v1/groups/" + group + "/alert-contacts"),
                        "{\"minSeverity\": \"INFO\", \"channels\": []}")
                .andExpect(status().isOk());

        assertThat(entries(null, "alert-rule", rule))
                .extracting(AuditEntry::action, AuditEntry::actorId)
                .containsExactly(
                        tuple("alert-rule.added", staff.id().toString()),
                        tuple("alert-rule.removed", staff.id().toString()));
        assertThat(entries(UUID.fromString(group), "group", group))
                .as("on the group's trail")
                .filteredOn(entry -> entry.action().equals("alert-contacts.changed"))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.actorId()).isEqualTo(admin.id().toString()));
    }

    /** The trail's entries about the target, once there are any (audit writes them after the change). */
    private List<AuditEntry> entries(UUID groupId, String targetKind, String targetId) throws Exception {
        AuditFilter filter = new AuditFilter(null, null, targetKind, targetId, null, null, null);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        List<AuditEntry> found =
                trail.find(groupId, filter, AuditTrail.LONGEST_PAGE, null).entries();
        while (found.stream().noneMatch(entry -> entry.action().startsWith("alert-"))
                || (targetKind.equals("alert-rule") && found.size() < 2)) {
            assertThat(System.nanoTime()).as("the changes are on the trail").isLessThan(deadline);
            Thread.sleep(50);
            found = trail.find(groupId, filter, AuditTrail.LONGEST_PAGE, null).entries();
        }
        return found.stream()
                .sorted(java.util.Comparator.comparingLong(AuditEntry::seq))
                .toList();
    }

    private void mfaEnrolled(Customers.Account account) {
        new JdbcTemplate(stores.global().dataSource())
                .update("update account set mfa_enrolled = true where id = ?", account.id());
    }

    /** Signed in on the web pages with a passkey: staff with their role, a customer as itself. */
    private static RequestPostProcessor signedIn(Customers.Account account) {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
        if (account.staff()) {
            authorities.add(new SimpleGrantedAuthority("STAFF_PLATFORM_ADMIN"));
        }
        return user(account.username()).authorities(authorities);
    }
}
