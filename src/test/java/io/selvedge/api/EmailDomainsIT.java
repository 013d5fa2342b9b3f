package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.DomainClaimed;
import io.selvedge.access.DomainReleased;
import io.selvedge.access.DomainVerified;
import io.selvedge.access.EmailDomains;
import io.selvedge.access.Role;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestDns;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A group claims an e-mail domain and proves it with a TXT record, looked up through the test JVM's DNS
 * server; a platform admin may mark it verified by hand; a verified domain is one group's only.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class EmailDomainsIT {

    @Autowired
    ApplicationEvents events;

    @Autowired
    EmailDomains domains;

    @Autowired
    ApiCalls api;

    Account admin;
    String group;
    String domain;

    @BeforeEach
    void aGroup() throws Exception {
        admin = api.customers().aCustomer("admin");
        group = api.tree(admin, "Maison")[0];
        domain = "maison-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    @Test
    void aGroupAdminClaimsADomainAndVerifiesItOnceTheTxtRecordIsPublished() throws Exception {
        String body = api.as(admin, post(domains()), "{\"domain\": \"" + domain.toUpperCase() + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.domain").value(domain))
                .andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.txtName").value("_selvedge-verification." + domain))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String txtValue = JsonPath.read(body, "$.txtValue");
        assertThat(txtValue).startsWith("selvedge-domain-verification=").hasSizeGreaterThan(40);
        assertThat(events.stream(DomainClaimed.class))
                .anyMatch(e -> e.groupId().toString().equals(group));

        problem(api.as(admin, post(domains() + "/" + domain + "/verify"), null), 422);
        TestDns.publish("_selvedge-verification." + domain, "v=something-else");
        problem(api.as(admin, post(domains() + "/" + domain + "/verify"), null), 422);
        assertThat(events.stream(DomainVerified.class))
                .filteredOn(e -> e.auditOutcome() == AuditOutcome.FAILED)
                .hasSize(2);
        assertThat(domains.managingGroupOf("ana@" + domain)).isEmpty();

        TestDns.publish("_selvedge-verification." + domain, "v=something-else", txtValue);
        api.as(admin, post(domains() + "/" + domain + "/verify"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.domain").value(domain))
                .andExpect(jsonPath("$.verified").value(true));
        assertThat(events.stream(DomainVerified.class))
                .anyMatch(e -> e.auditOutcome() == AuditOutcome.SUCCEEDED && !e.byStaff());
        assertThat(domains.managingGroupOf("Ana@" + domain.toUpperCase()).map(UUID::toString))
                .contains(group);

        api.as(admin, get(domains()), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].domain").value(domain))
                .andExpect(jsonPath("$.items[0].verified").value(true));
        api.as(admin, delete(domains() + "/" + domain), null).andExpect(status().isNoContent());
        assertThat(events.stream(DomainReleased.class)).hasSize(1);
        assertThat(domains.managingGroupOf("ana@" + domain)).isEmpty();
        problem(api.as(admin, delete(domains() + "/" + domain), null), 404);
    }

    @Test
    void aDomainVerifiedByOneGroupCannotBeClaimedOrVerifiedByAnother() throws Exception {
        Account rival = api.customers().aCustomer("rival");
        String rivalGroup = api.tree(rival, "Rival")[0];
        String rivalClaim = api.as(rival, post("/api/v1/groups/" + rivalGroup + "/domains"), json(domain))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        verified(admin, group, domain);

        problem(api.as(rival, post("/api/v1/groups/" + rivalGroup + "/domains/" + domain + "/verify"), null), 409);
        TestDns.publish("_selvedge-verification." + domain, (String) JsonPath.read(rivalClaim, "$.txtValue"));
        problem(api.as(rival, post("/api/v1/groups/" + rivalGroup + "/domains/" + domain + "/verify"), null), 409);
        Account third = api.customers().aCustomer("third");
        String thirdGroup = api.tree(third, "Third")[0];
        problem(api.as(third, post("/api/v1/groups/" + thirdGroup + "/domains"), json(domain)), 409);
        problem(api.as(admin, post(domains()), json(domain)), 409);
    }

    @Test
    void publicSuffixesAndNonDomainsCannotBeClaimed() throws Exception {
        for (String bad : new String[] {"com", "co.uk", "github.io", "localhost", "not a domain", "-x-.example", ""}) {
            problem(api.as(admin, post(domains()), json(bad)), bad.isEmpty() ? 400 : 422);
        }
        api.as(admin, post(domains()), json("atelier.co.uk")).andExpect(status().isCreated());
        problem(api.as(admin, post(domains()), "{}"), 400);
    }

    @Test
    void onlyTheGroupsAdminsManageItsDomains() throws Exception {
        String[] tree = api.tree(admin, "Tree");
        Account operator = api.granted(admin, tree[0], Role.GROUP_OPERATOR);
        Account companyAdmin = api.granted(admin, tree[1], Role.COMPANY_ADMIN);
        String own = "/api/v1/groups/" + tree[0] + "/domains";
        problem(api.as(operator, post(own), json(domain)), 403);
        problem(api.as(companyAdmin, post(own), json(domain)), 403);
        problem(api.as(operator, get(own), null), 403);
        Account stranger = api.customers().aCustomer("stranger");
        problem(api.as(stranger, post(own), json(domain)), 404);
        problem(api.as(null, post(own), json(domain)), 401);
    }

    @Test
    void aPlatformAdminMarksAClaimVerifiedByHandAndNobodyElseMay() throws Exception {
        api.as(admin, post(domains()), json(domain)).andExpect(status().isCreated());
        String byHand = "/api/v1/admin/groups/" + group + "/domains/" + domain + "/verified";
        problem(api.as(admin, put(byHand), null), 403);
        Account staff = api.customers().aPlatformAdmin("platform");
        api.as(staff, put(byHand), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(true));
        assertThat(events.stream(DomainVerified.class))
                .anyMatch(e -> e.byStaff()
                        && e.auditActor().equals(AuditActor.account(staff.id()))
                        && e.groupId().toString().equals(group));
        assertThat(domains.managingGroupOf("ana@" + domain).map(UUID::toString)).contains(group);
        problem(api.as(staff, put("/api/v1/admin/groups/" + group + "/domains/unclaimed.example/verified"), null), 404);
    }

    /** The domain claimed by the group and verified through its TXT record. */
    private void verified(Account admin, String group, String domain) throws Exception {
        api.verifiedDomain(admin, group, domain);
    }

    private String domains() {
        return "/api/v1/groups/" + group + "/domains";
    }

    private static String json(String domain) {
        return "{\"domain\": \"" + domain + "\"}";
    }
}
