package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.sso.IdentityProviderChanged;
import io.selvedge.sso.IdentityProviders;
import io.selvedge.sso.internal.saml.TestSamlIdp;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestOidc;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A group admin connects the group's identity providers (OIDC, SAML, LDAP): each type's settings checked,
 * secrets stored encrypted and never answered, one connection per domain, the group's verified domains
 * only, and nobody else may.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class IdentityProvidersIT {

    static final String SECRET = "client-secret-" + UUID.randomUUID();

    @Autowired
    ApplicationEvents events;

    @Autowired
    GroupDataPlanes planes;

    @Autowired
    IdentityProviders providers;

    @Autowired
    ApiCalls api;

    Account admin;
    String[] tree;
    String group;
    String domain;

    @BeforeEach
    void aGroupWithAVerifiedDomain() throws Exception {
        admin = api.customers().aCustomer("admin");
        tree = api.tree(admin, "Maison");
        group = tree[0];
        domain = api.aVerifiedDomain(admin, group, "maison");
    }

    @Test
    void anOidcConnectionIsCreatedReadChangedAndDeletedWithoutEverAnsweringItsSecret() throws Exception {
        String body = api.as(admin, post(providers()), oidc(domain, SECRET))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("oidc"))
                .andExpect(jsonPath("$.name").value("Okta"))
                .andExpect(jsonPath("$.domains[0]").value(domain))
                .andExpect(jsonPath("$.roleMappings[0].role").value("COMPANY_COLLABORATOR"))
                .andExpect(jsonPath("$.issuer").value(TestOidc.issuer("crud")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        assertThat((String) JsonPath.read(body, "$.redirectUri")).endsWith("/sso/" + id + "/callback");
        assertThat(body).doesNotContain(SECRET).doesNotContain("clientSecret");
        assertThat(events.stream(IdentityProviderChanged.class))
                .anyMatch(e ->
                        e.connectionId().toString().equals(id) && e.change() == IdentityProviderChanged.Change.CREATED);

        // In the group's region, encrypted: neither the secret nor the issuer in clear.
        String row = planes.of(UUID.fromString(group))
                .jdbc()
                .sql("select settings || '|' || secret from sso_connection where id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
        assertThat(row).doesNotContain(SECRET).doesNotContain("crud").doesNotContain(domain);
        assertThat(providers.secretOf(UUID.fromString(id))).contains(SECRET);

        String list = api.as(admin, get(providers()), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).doesNotContain(SECRET);

        api.as(admin, patch(providers() + "/" + id), "{\"name\": \"Okta (EU)\", \"clientSecret\": \"rotated\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Okta (EU)"))
                .andExpect(jsonPath("$.clientId").value("selvedge"))
                .andExpect(jsonPath("$.version").value(2));
        assertThat(providers.secretOf(UUID.fromString(id))).contains("rotated");
        problem(api.as(admin, patch(providers() + "/" + id), "{\"type\": \"saml\"}"), 422);

        api.as(admin, delete(providers() + "/" + id), null).andExpect(status().isNoContent());
        problem(api.as(admin, get(providers() + "/" + id), null), 404);
        assertThat(providers.forEmail("ana@" + domain)).isEmpty();
        assertThat(events.stream(IdentityProviderChanged.class)).hasSize(3);
    }

    @Test
    void aDomainRoutesToOneConnectionAndMustBeOneTheGroupVerified() throws Exception {
        String first = ApiCalls.created(api.as(admin, post(providers()), oidc(domain, SECRET)));
        assertThat(providers.forEmail("Ana@" + domain.toUpperCase()).map(c -> c.id().toString()))
                .contains(first);
        problem(api.as(admin, post(providers()), oidc(domain, SECRET)), 409);
        problem(api.as(admin, post(providers()), oidc("unverified.example", SECRET)), 422);

        // Another group cannot route this group's domain either.
        Account rival = api.customers().aCustomer("rival");
        String rivalGroup = api.tree(rival, "Rival")[0];
        problem(api.as(rival, post("/api/v1/groups/" + rivalGroup + "/identity-providers"), oidc(domain, SECRET)), 422);
    }

    @Test
    void eachTypeIsChecked() throws Exception {
        String ldapDomain = "ldap-" + domain;
        api.verifiedDomain(admin, group, ldapDomain);
        problem(api.as(admin, post(providers()), ldap("ldap://dc.internal:389", false, ldapDomain)), 422);
        api.as(admin, post(providers()), ldap("ldap://dc.internal:389", true, ldapDomain))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("ldap"))
                .andExpect(jsonPath("$.userSearchFilter").value("(userPrincipalName={0})"))
                .andExpect(jsonPath("$.groupSearchFilter").value("(member={0})"))
                .andExpect(jsonPath("$.bindPassword").doesNotExist());

        problem(api.as(admin, post(providers()), "{\"type\": \"kerberos\", \"name\": \"x\", \"domains\": []}"), 422);
        problem(api.as(admin, post(providers()), oidc(domain, null)), 422);
        problem(
                api.as(
                        admin,
                        post(providers()),
                        oidc(domain, SECRET).replace(TestOidc.issuer("crud"), "http://plain.example")),
                422);
        problem(
                api.as(
                        admin,
                        post(providers()),
                        oidc(domain, SECRET)
                                .replace("\"caCertificatePem\"", "\"caCertificatePem\": \"nonsense\", \"x\"")),
                422);
        String company = tree[1];
        problem(
                api.as(
                        admin,
                        post(providers()),
                        oidc(domain, SECRET).replace(company, UUID.randomUUID().toString())),
                422);
        problem(
                api.as(admin, post(providers()), oidc(domain, SECRET).replace("COMPANY_COLLABORATOR", "BRAND_ADMIN")),
                422);
    }

    @Test
    void aSamlConnectionTakesTheIdpsMetadataAsXmlOrFetchesItOnceFromItsUrl() throws Exception {
        String metadata = TestSamlIdp.create("https://idp.example/saml").metadataXml();
        problem(api.as(admin, post(providers()), saml("\"metadataXml\": \"<html/>\"")), 422);
        problem(api.as(admin, post(providers()), saml("\"metadataXml\": \"<!DOCTYPE x><x/>\"")), 422);

        TestOidc.nextAnswer("/metadata", "application/samlmetadata+xml", metadata);
        String url = TestOidc.issuer("saml-metadata") + "/metadata";
        String body = api.as(
                        admin,
                        post(providers()),
                        saml("\"metadataUrl\": \"" + url + "\", \"caCertificatePem\": "
                                + quoted(TestOidc.certificatePem())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("saml"))
                .andExpect(jsonPath("$.idpMetadataUrl").value(url))
                .andExpect(jsonPath("$.idpMetadataXml").value(metadata))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        assertThat((String) JsonPath.read(body, "$.entityId")).endsWith("/sso/" + id + "/metadata");
        assertThat((String) JsonPath.read(body, "$.metadataUrl")).isEqualTo(JsonPath.read(body, "$.entityId"));
        assertThat((String) JsonPath.read(body, "$.acsUrl")).endsWith("/sso/" + id + "/acs");

        // Without the provider's certificate trusted, the metadata cannot be fetched.
        api.as(admin, delete(providers() + "/" + id), null).andExpect(status().isNoContent());
        problem(api.as(admin, post(providers()), saml("\"metadataUrl\": \"" + url + "\"")), 422);
    }

    @Test
    void samlMetadataThatSignInCouldNotUseIsRefusedWhenTheConnectionIsSaved() throws Exception {
        String metadata = TestSamlIdp.create("https://idp.example/saml").metadataXml();
        String withoutCertificate = metadata.replaceAll("(?s)<md:KeyDescriptor.*</md:KeyDescriptor>", "");
        String withoutSignOnUrl = metadata.replaceAll("(?s)<md:SingleSignOnService[^>]*HTTP-Redirect[^>]*/>", "");
        String withDtd =
                "<!DOCTYPE md:EntityDescriptor [<!ENTITY x \"y\">]>" + metadata.replaceFirst("<\\?xml[^>]*>", "");
        String notSaml = metadata.replace("urn:oasis:names:tc:SAML:2.0:metadata", "urn:example:not-saml");
        String noIdp = metadata.replace("IDPSSODescriptor", "SPSSODescriptor");

        assertThat(detail(saml("\"metadataXml\": " + quoted(withoutCertificate))))
                .contains("cannot be used for sign-in")
                .contains("no signing certificate");
        assertThat(detail(saml("\"metadataXml\": " + quoted(withoutSignOnUrl))))
                .contains("cannot be used for sign-in")
                .contains("single sign-on service");
        assertThat(detail(saml("\"metadataXml\": " + quoted(withDtd)))).contains("DTD");
        assertThat(detail(saml("\"metadataXml\": " + quoted(notSaml)))).contains("SAML 2.0");
        assertThat(detail(saml("\"metadataXml\": " + quoted(noIdp)))).contains("no SAML 2.0 identity provider");

        // Fetched from a URL, the same checks apply.
        TestOidc.nextAnswer("/metadata", "application/samlmetadata+xml", withoutCertificate);
        String url = TestOidc.issuer("saml-unusable") + "/metadata";
        assertThat(detail(saml("\"metadataUrl\": \"" + url + "\", \"caCertificatePem\": "
                        + quoted(TestOidc.certificatePem()))))
                .contains("no signing certificate");

        // A change keeps the stored metadata only if it is usable too.
        String id = ApiCalls.created(api.as(admin, post(providers()), saml("\"metadataXml\": " + quoted(metadata))));
        problem(
                api.as(admin, patch(providers() + "/" + id), "{\"metadataXml\": " + quoted(withoutCertificate) + "}"),
                422);
        api.as(admin, get(providers() + "/" + id), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idpMetadataXml").value(metadata));
        api.as(admin, patch(providers() + "/" + id), "{\"name\": \"Entra (EU)\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Entra (EU)"));
    }

    private String detail(String body) throws Exception {
        String answer = api.as(admin, post(providers()), body)
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(answer, "$.detail");
    }

    @Test
    void onlyTheGroupsAdminsManageItsIdentityProviders() throws Exception {
        Account operator = api.granted(admin, group, Role.GROUP_OPERATOR);
        Account companyAdmin = api.granted(admin, tree[1], Role.COMPANY_ADMIN);
        problem(api.as(operator, post(providers()), oidc(domain, SECRET)), 403);
        problem(api.as(operator, get(providers()), null), 403);
        problem(api.as(companyAdmin, post(providers()), oidc(domain, SECRET)), 403);
        Account stranger = api.customers().aCustomer("stranger");
        problem(api.as(stranger, get(providers()), null), 404);
        problem(api.as(null, get(providers()), null), 401);
    }

    private String providers() {
        return "/api/v1/groups/" + group + "/identity-providers";
    }

    private String oidc(String domain, String secret) {
        return """
                {"type": "oidc", "name": "Okta", "issuer": "%s", "clientId": "selvedge", %s
                 "domains": ["%s"], "trustIdpMfa": false, "caCertificatePem": %s,
                 "roleMappings": [{"idpGroup": "designers", "role": "COMPANY_COLLABORATOR", "nodeId": "%s"}]}
                """.formatted(
                        TestOidc.issuer("crud"),
                        secret == null ? "" : "\"clientSecret\": \"" + secret + "\",",
                        domain,
                        quoted(TestOidc.certificatePem()),
                        tree[1]);
    }

    private String ldap(String url, boolean startTls, String domain) {
        return """
                {"type": "ldap", "name": "AD", "url": "%s", "startTls": %s, "bindDn": "CN=svc,DC=corp",
                 "bindPassword": "bind-secret", "userSearchBase": "DC=corp", "domains": ["%s"], "roleMappings": []}
                """.formatted(url, startTls, domain);
    }

    private String saml(String source) {
        return "{\"type\": \"saml\", \"name\": \"Entra SAML\", " + source + ", \"domains\": [\"" + domain
                + "\"], \"trustIdpMfa\": true, \"roleMappings\": []}";
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }

    static Map<String, Object> claims(String email, List<String> groups) {
        return Map.of("email", email, "name", "Ana Lima", "groups", groups);
    }
}
