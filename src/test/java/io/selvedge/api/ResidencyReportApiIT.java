package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.access.Role;
import io.selvedge.identity.ApiScope;
import io.selvedge.identity.Callers;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.storage.GroupResidency;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code GET /api/v1/groups/{id}/residency-report}: platform admins for any group, the group's admins and
 * operators for theirs; JSON, 404 for no such group.
 */
@SelvedgeIntegrationTest
class ResidencyReportApiIT {

    @Autowired
    ApiCalls api;

    @Autowired
    GroupResidency residency;

    @Autowired
    PlatformProperties platform;

    @Autowired
    TestServer server;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = api.mvc();
    }

    @Test
    void aPlatformAdminGetsTheReportOfAGroup() throws Exception {
        UUID group = UUID.randomUUID();
        residency.register(group, "eu");

        mvc.perform(get(reportOf(group)).with(aPlatformAdmin()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.groupId").value(group.toString()))
                .andExpect(jsonPath("$.region").value("eu"))
                .andExpect(jsonPath("$.clean").value(true))
                .andExpect(jsonPath("$.stores[0].kind").value("database"))
                .andExpect(jsonPath("$.stores[0].region").value("eu"))
                .andExpect(jsonPath("$.stores[1].kind").value("blob-store"))
                .andExpect(jsonPath("$.stores[2].kind").value("key"))
                .andExpect(jsonPath("$.stores[2].region").value("eu"))
                .andExpect(jsonPath("$.unreported").isEmpty())
                .andExpect(jsonPath("$.elsewhere").isEmpty());
    }

    @Test
    void anUnknownGroupIsA404Problem() throws Exception {
        mvc.perform(get(reportOf(UUID.randomUUID())).with(aPlatformAdmin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void anyoneButAPlatformAdminOrTheGroupsOwnAdminsIsRefusedWithoutLearningWhetherTheGroupExists() throws Exception {
        UUID group = UUID.randomUUID();
        residency.register(group, "us");

        // Other staff, and an authority named like a role but holding no grant in the group.
        for (String role : new String[] {"STAFF_SUPPORT", "STAFF_OPERATIONS", "GROUP_ADMIN"}) {
            mvc.perform(get(reportOf(group)).with(aTokenHolderWith(role)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(get(reportOf(UUID.randomUUID())).with(aTokenHolderWith(role)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void theGroupsAdminsAndOperatorsReadItsReportAndNobodyElseInOrOutOfTheGroup() throws Exception {
        Customers.Account admin = api.customers().aCustomer("admin");
        String[] tree = api.tree(admin, "Maison");
        Customers.Account operator = api.granted(admin, tree[0], Role.GROUP_OPERATOR);
        Customers.Account companyAdmin = api.granted(admin, tree[1], Role.COMPANY_ADMIN);
        Customers.Account stranger = api.customers().aCustomer("stranger");
        api.tree(stranger, "Loup");
        String report = "/api/v1/groups/" + tree[0] + "/residency-report";

        for (Customers.Account reader : new Customers.Account[] {admin, operator}) {
            api.as(reader, get(report), null)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.groupId").value(tree[0]))
                    .andExpect(jsonPath("$.region").value("eu"))
                    .andExpect(jsonPath("$.clean").value(true));
        }
        ApiCalls.problem(api.as(companyAdmin, get(report), null), 403);
        ApiCalls.problem(api.as(stranger, get(report), null), 404);
    }

    @Test
    void withoutCredentialsOverHttpsItIs401() {
        HttpResponse<String> response = TestHttps.get(
                server.client(), URI.create("https://localhost:" + server.port() + reportOf(UUID.randomUUID())));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static String reportOf(UUID group) {
        return "/api/v1/groups/" + group + "/residency-report";
    }

    /** A platform admin calling with a read-scoped API token. */
    private static RequestPostProcessor aPlatformAdmin() {
        return aTokenHolderWith(Callers.PLATFORM_ADMIN);
    }

    /** Someone with a read-scoped API token and the given role, so only the role decides. */
    private static RequestPostProcessor aTokenHolderWith(String role) {
        return user("someone")
                .authorities(new SimpleGrantedAuthority(role), new SimpleGrantedAuthority(ApiScope.READ.authority()));
    }
}
