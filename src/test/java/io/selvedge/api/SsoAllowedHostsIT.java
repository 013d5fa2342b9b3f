package io.selvedge.api;

import static io.selvedge.api.IdentityProvidersIT.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.sso.internal.saml.TestSamlIdp;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestOidc;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code SELVEDGE_SSO_ALLOWED_HOSTS}: with it set, a connection names only those hosts (exactly, or under a
 * {@code *.} wildcard) as its OIDC issuer, SAML metadata URL or LDAP server; any other is refused with 422
 * before Selvedge calls it.
 */
@SelvedgeIntegrationTest
@TestPropertySource(properties = "selvedge.sso.allowed-hosts=" + SsoAllowedHostsIT.ALLOWED)
class SsoAllowedHostsIT {

    /** The test's OIDC / metadata server listens on localhost; directories are under corp.example. */
    static final String ALLOWED = "LOCALHOST, 127.0.0.1, *.corp.example";

    @Autowired
    ApiCalls api;

    Account admin;
    String group;

    @BeforeEach
    void aGroup() throws Exception {
        admin = api.customers().aCustomer("admin");
        group = api.tree(admin, "Maison")[0];
    }

    @Test
    void anOidcIssuerOutsideTheListIsRefusedAndOneInsideIsAccepted() throws Exception {
        String domain = verifiedDomain();
        String inside = TestOidc.issuer("allowed-hosts");
        assertThat(URI.create(inside).getHost()).isIn("localhost", "127.0.0.1");
        refused(oidc("https://idp.elsewhere.example/oauth2", domain), "idp.elsewhere.example");
        accepted(oidc(inside, domain));
    }

    @Test
    void aSamlMetadataUrlOutsideTheListIsRefusedAndOneInsideIsAccepted() throws Exception {
        String domain = verifiedDomain();
        refused(saml("https://metadata.elsewhere.example/saml", domain), "metadata.elsewhere.example");
        TestOidc.nextAnswer(
                "/metadata",
                "application/samlmetadata+xml",
                TestSamlIdp.create("https://idp.example/saml").metadataXml());
        accepted(saml(TestOidc.issuer("allowed-metadata") + "/metadata", domain));
    }

    @Test
    void anLdapServerOutsideTheListIsRefusedAndOneUnderAWildcardIsAccepted() throws Exception {
        String domain = verifiedDomain();
        refused(ldap("ldaps://dc.elsewhere.example:636", domain), "dc.elsewhere.example");
        // The wildcard names sub-domains only, not any host that merely ends in the same letters.
        refused(ldap("ldaps://evilcorp.example:636", domain), "evilcorp.example");
        refused(ldap("ldaps://corp.example:636", domain), "corp.example");
        accepted(ldap("ldaps://DC1.corp.example:636", domain));
    }

    private void refused(String body, String host) throws Exception {
        String answer = api.as(admin, post(providers()), body)
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(answer, "$.detail"))
                .contains("(" + host + ")")
                .contains("not among the hosts this installation allows");
    }

    private void accepted(String body) throws Exception {
        api.as(admin, post(providers()), body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNotEmpty());
    }

    private String verifiedDomain() throws Exception {
        String domain = api.aVerifiedDomain(admin, group, "maison");
        return domain;
    }

    private String providers() {
        return "/api/v1/groups/" + group + "/identity-providers";
    }

    private static String oidc(String issuer, String domain) {
        return """
                {"type": "oidc", "name": "Okta", "issuer": "%s", "clientId": "selvedge", "clientSecret": "s3cret",
                 "domains": ["%s"], "trustIdpMfa": false, "caCertificatePem": %s, "roleMappings": []}
                """.formatted(issuer, domain, quoted(TestOidc.certificatePem()));
    }

    private static String saml(String metadataUrl, String domain) {
        return """
                {"type": "saml", "name": "Entra SAML", "metadataUrl": "%s", "domains": ["%s"],
                 "trustIdpMfa": true, "caCertificatePem": %s, "roleMappings": []}
                """.formatted(metadataUrl, domain, quoted(TestOidc.certificatePem()));
    }

    private static String ldap(String url, String domain) {
        return """
                {"type": "ldap", "name": "AD", "url": "%s", "bindDn": "CN=svc,DC=corp",
                 "bindPassword": "bind-secret", "userSearchBase": "DC=corp", "domains": ["%s"], "roleMappings": []}
                """.formatted(url, domain);
    }
}
