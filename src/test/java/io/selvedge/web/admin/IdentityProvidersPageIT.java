package io.selvedge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.access.Role;
import io.selvedge.sso.Connection;
import io.selvedge.sso.IdentityProviders;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestOidc;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The admin console's single sign-on page: a group admin adds an OIDC connection with the form, sees the
 * redirect URI to give the provider, and removes it; a refused setting is shown on the page (422); an
 * operator does not reach the page. Its provisioning page: SCIM tokens made (the secret shown once) and revoked.
 */
@SelvedgeIntegrationTest
class IdentityProvidersPageIT {

    @Autowired
    ApiCalls api;

    @Autowired
    Stores stores;

    @Autowired
    IdentityProviders providers;

    MockMvc mvc;
    Account admin;
    String group;
    String company;
    String domain;

    @BeforeEach
    void aGroupWithAVerifiedDomain() throws Exception {
        mvc = api.mvc();
        admin = api.customers().aCustomer("admin");
        group = api.aGroup(admin, "Maison", "eu");
        company = api.node(admin, "groups", group, "companies", "C");
        domain = api.aVerifiedDomain(admin, group, "maison");
        // A group admin must use MFA on the web pages: this one has.
        new JdbcTemplate(stores.global().dataSource())
                .update("update account set mfa_enrolled = true where id = ?", admin.id());
    }

    @Test
    void anAdminAddsAnOidcConnectionSeesItsRedirectUriAndRemovesIt() throws Exception {
        String empty = page(get(sso()).with(signedIn(admin)), 200);
        assertThat(empty).contains("id=\"add-connection\"", "id=\"none\"");

        String refused = page(
                post(sso())
                        .with(signedIn(admin))
                        .with(csrf())
                        .param("type", "oidc")
                        .param("name", "Okta")
                        .param("domains", "unverified.example"),
                422);
        assertThat(refused).contains("id=\"problem\"", "verified domains");

        mvc.perform(post(sso())
                        .with(signedIn(admin))
                        .with(csrf())
                        .param("type", "oidc")
                        .param("name", "Okta")
                        .param("domains", domain)
                        .param("preset", "okta")
                        .param("issuer", TestOidc.issuer("console"))
                        .param("clientId", "selvedge")
                        .param("clientSecret", "console-secret")
                        .param("caCertificatePem", TestOidc.certificatePem())
                        .param("roleMappings", "designers; COMPANY_COLLABORATOR; " + company))
                .andExpect(status().is3xxRedirection());
        List<Connection> connections = providers.connectionsOf(UUID.fromString(group));
        assertThat(connections).hasSize(1);
        Connection added = connections.get(0);
        assertThat(added.settings().roleMappings()).hasSize(1);
        assertThat(added.settings().roleMappings().get(0).role()).isEqualTo(Role.COMPANY_COLLABORATOR);

        String listed = page(get(sso()).with(signedIn(admin)), 200);
        assertThat(listed).contains("/sso/" + added.id() + "/callback", domain).doesNotContain("console-secret");

        mvc.perform(post(sso() + "/" + added.id() + "/delete")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(providers.connectionsOf(UUID.fromString(group))).isEmpty();
    }

    @Test
    void anAdminMakesAScimTokenSeesItOnceAndRevokesIt() throws Exception {
        String scim = "/admin/groups/" + group + "/scim";
        assertThat(page(get(scim).with(signedIn(admin)), 200)).contains("id=\"none\"", "/scim/v2");
        assertThat(page(post(scim).with(signedIn(admin)).with(csrf()).param("name", " "), 422))
                .contains("id=\"problem\"");

        String made = page(post(scim).with(signedIn(admin)).with(csrf()).param("name", "Okta"), 200);
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("id=\"new-token\"[^>]*value=\"([^\"]+)\"")
                .matcher(made);
        assertThat(secret.find()).isTrue();
        mvc.perform(get("/scim/v2/Users").header("Authorization", "Bearer " + secret.group(1)))
                .andExpect(status().isOk());
        String listed = page(get(scim).with(signedIn(admin)), 200);
        assertThat(listed).contains("Okta").doesNotContain(secret.group(1));

        java.util.regex.Matcher id =
                java.util.regex.Pattern.compile("data-token=\"([^\"]+)\"").matcher(listed);
        assertThat(id.find()).isTrue();
        mvc.perform(post(scim + "/" + id.group(1) + "/revoke")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/scim/v2/Users").header("Authorization", "Bearer " + secret.group(1)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anOperatorDoesNotReachThePage() throws Exception {
        // Granted by id, so invited (it is nobody's member yet) and accepted (issue 15).
        Account operator = api.granted(admin, group, Role.GROUP_OPERATOR);
        RequestPostProcessor asOperator = user(operator.username())
                .authorities(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        mvc.perform(get(sso()).with(asOperator)).andExpect(status().isForbidden());
        mvc.perform(post(sso()).with(asOperator).with(csrf()).param("type", "oidc"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/groups/" + group + "/scim").with(asOperator)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/groups/" + group + "/scim")
                        .with(asOperator)
                        .with(csrf())
                        .param("name", "x"))
                .andExpect(status().isForbidden());
    }

    /** As the admin signed in on the web pages with the password and a one-time code. */
    private static RequestPostProcessor signedIn(Account account) {
        return user(account.username())
                .authorities(
                        FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                        FactorGrantedAuthority.fromAuthority("FACTOR_TOTP"));
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String sso() {
        return "/admin/groups/" + group + "/sso";
    }
}
