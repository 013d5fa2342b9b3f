package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Grant;
import io.selvedge.access.Grants;
import io.selvedge.access.Role;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.ApiScope;
import io.selvedge.identity.ApiTokens;
import io.selvedge.identity.SignInFailedException;
import io.selvedge.scim.ScimChanged;
import io.selvedge.scim.ScimTokenCreated;
import io.selvedge.scim.ScimTokenRevoked;
import io.selvedge.sso.SsoSignInRefusedException;
import io.selvedge.sso.SsoSignIns;
import io.selvedge.sso.VerifiedIdentity;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.WebPages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * SCIM 2.0 driven as Okta and Microsoft Entra ID drive it, with the JSON they send: users created,
 * found, updated, deactivated (their sessions and tokens end at once, sign-ins refused) and reactivated
 * (their grants kept), SCIM groups mapped to roles through the SSO connection's role mappings, filters and
 * paging; a wrong or revoked token answers 401, and one group's token reaches nothing of another group.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class ScimProvisioningIT {

    /** This test's client address: the shared context's 127.0.0.1 gathers other tests' failed sign-ins. */
    private static final String OWN_ADDRESS = "198.51.100.204";

    static final String PASSWORD = "indigo warp over grey weft";
    static final MediaType SCIM = MediaType.parseMediaType("application/scim+json");

    @Autowired
    ApplicationEvents events;

    @Autowired
    AccountRegistration registration;

    @Autowired
    AccountDirectory directory;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    Grants grants;

    @Autowired
    SsoSignIns ssoSignIns;

    @LocalServerPort
    int port;

    @Value("${selvedge.data-dir}")
    Path dataDir;

    @Autowired
    ApiCalls api;

    Account admin;
    String[] tree;
    String domain;
    String token;

    @BeforeEach
    void aGroupWithAVerifiedDomainAndAScimToken() throws Exception {
        admin = api.customers().aCustomer("admin");
        tree = api.tree(admin, "Maison");
        domain = api.aVerifiedDomain(admin, tree[0], "maison");
        token = api.scimToken(admin, tree[0], "Okta");
    }

    @Test
    void scimTokensAreShownOnceListedWithoutTheirSecretAndRevokedAtOnce() throws Exception {
        String tokens = "/api/v1/groups/" + tree[0] + "/scim-tokens";
        String list = api.as(admin, get(tokens), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("Okta"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).doesNotContain(token);
        scim(get("/scim/v2/Users"), token, null).andExpect(status().isOk());

        String id = JsonPath.read(list, "$.items[0].id");
        api.as(admin, delete(tokens + "/" + id), null).andExpect(status().isNoContent());
        unauthorized(scim(get("/scim/v2/Users"), token, null));
        assertThat(events.stream(ScimTokenCreated.class))
                .anyMatch(e -> e.groupId().toString().equals(tree[0]));
        assertThat(events.stream(ScimTokenRevoked.class))
                .anyMatch(e -> e.tokenId().toString().equals(id));

        // Only the group's admins make them; an empty name is refused.
        Account operator = api.granted(admin, tree[0], Role.GROUP_OPERATOR);
        ApiCalls.problem(api.as(operator, post(tokens), "{\"name\": \"Entra\"}"), 403);
        ApiCalls.problem(api.as(admin, post(tokens), "{\"name\": \" \"}"), 400);
    }

    @Test
    void withoutAValidTokenEveryScimRequestAnswers401() throws Exception {
        unauthorized(scim(get("/scim/v2/Users"), null, null));
        unauthorized(scim(get("/scim/v2/ServiceProviderConfig"), null, null));
        unauthorized(scim(get("/scim/v2/Users"), "scim_" + "A".repeat(43), null));
        unauthorized(scim(get("/scim/v2/Users"), "not-a-token", null));
        unauthorized(scim(post("/scim/v2/Users"), null, oktaUser("nobody@" + domain, "Nobody", "There", "00u0")));
        // Nor does an API token, or a session, reach SCIM.
        api.mvc().perform(get("/scim/v2/Users").with(admin.caller())).andExpect(status().isUnauthorized());
    }

    @Test
    void oktaCreatesFindsAndUpdatesAUser() throws Exception {
        String email = "ada.weaver@" + domain;
        String created = scim(post("/scim/v2/Users"), token, oktaUser(email, "Ada", "Weaver", "00ujl29u0le5T6Aj10h7"))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(SCIM))
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.userName").value(email))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.externalId").value("00ujl29u0le5T6Aj10h7"))
                .andExpect(jsonPath("$.name.givenName").value("Ada"))
                .andExpect(jsonPath("$.meta.resourceType").value("User"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        // The user is a managed account of the group: its admins act on it.
        assertThat(events.stream(ScimChanged.class))
                .anyMatch(e -> e.change().equals("user.created")
                        && e.targetId().toString().equals(id));

        // Okta looks a user up by userName before it creates one.
        scim(
                        get("/scim/v2/Users")
                                .param("filter", "userName eq \"" + email + "\"")
                                .param("startIndex", "1")
                                .param("count", "100"),
                        token,
                        null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
                .andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].id").value(id));
        scim(get("/scim/v2/Users").param("filter", "userName eq \"nobody@" + domain + "\""), token, null)
                .andExpect(jsonPath("$.totalResults").value(0));
        // Creating the same user again is a conflict.
        scimError(scim(post("/scim/v2/Users"), token, oktaUser(email, "Ada", "Weaver", "x")), 409, "uniqueness");

        // Okta's profile update: PUT of the whole user.
        scim(put("/scim/v2/Users/" + id), token, oktaUser(email, "Ada", "Lovelace", "00ujl29u0le5T6Aj10h7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Ada Lovelace"));
        // Okta's PATCH without a path.
        scim(
                        patch("/scim/v2/Users/" + id),
                        token,
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [{\"op\":"
                                + " \"replace\", \"value\": {\"name\": {\"givenName\": \"Augusta\", \"familyName\":"
                                + " \"Lovelace\"}}}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Augusta Lovelace"));
        scim(get("/scim/v2/Users/" + id), token, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name.familyName").value("Lovelace"));
    }

    @Test
    void entraCreatesAndPatchesAUserAndFindsItByExternalIdAndWorkEmail() throws Exception {
        String email = "grace.hopper@" + domain;
        String id = JsonPath.read(
                scim(post("/scim/v2/Users"), token, entraUser(email, "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        scim(
                        get("/scim/v2/Users").param("filter", "externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef\""),
                        token,
                        null)
                .andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].id").value(id));
        scim(get("/scim/v2/Users").param("filter", "emails[type eq \"work\"].value eq \"" + email + "\""), token, null)
                .andExpect(jsonPath("$.totalResults").value(1));
        // The other operators Okta and Entra send; an ordering one, or an attribute not filtered by, is refused.
        scim(
                        get("/scim/v2/Users")
                                .param(
                                        "filter",
                                        "(userName sw \"grace\" and name.givenName eq \"GRACE\") or externalId eq \"x\""),
                        token,
                        null)
                .andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].name.givenName").value("Grace"))
                .andExpect(jsonPath("$.Resources[0].name.familyName").value("Hopper"));
        scim(get("/scim/v2/Users").param("filter", "userName co \"hopper@\" and not (externalId pr)"), token, null)
                .andExpect(jsonPath("$.totalResults").value(0));
        for (String refused : List.of("userName gt \"grace\"", "title pr", "userName eq grace")) {
            scimError(scim(get("/scim/v2/Users").param("filter", refused), token, null), 400, "invalidFilter");
        }

        // Entra's PATCH: capitalised ops, paths, attributes it sends whatever the application keeps.
        scim(
                        patch("/scim/v2/Users/" + id),
                        token,
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                                + "{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"Murray Hopper\"},"
                                + "{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Rear Admiral\"},"
                                + "{\"op\":\"Add\",\"path\":\"externalId\",\"value\":\"e-2\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Grace Murray Hopper"))
                .andExpect(jsonPath("$.name.givenName").value("Grace"))
                .andExpect(jsonPath("$.name.familyName").value("Murray Hopper"))
                .andExpect(jsonPath("$.externalId").value("e-2"));
        scimError(
                scim(
                        patch("/scim/v2/Users/" + id),
                        token,
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
                                + "\"Replace\",\"path\":\"active\",\"value\":\"Maybe\"}]}"),
                400,
                "invalidValue");

        // Entra deletes the user at last.
        scim(delete("/scim/v2/Users/" + id), token, null).andExpect(status().isNoContent());
        scimError(scim(get("/scim/v2/Users/" + id), token, null), 404, null);
        assertThat(directory.accountWithEmail(email)).isEmpty();
    }

    @Test
    void aUserOutsideTheGroupsVerifiedDomainsIsRefused() throws Exception {
        scimError(
                scim(post("/scim/v2/Users"), token, oktaUser("someone@elsewhere.example", "Some", "One", "1")),
                400,
                "invalidValue");
        scimError(scim(post("/scim/v2/Users"), token, "{\"schemas\": [], \"active\": true}"), 400, "invalidValue");
        scimError(scim(post("/scim/v2/Users"), token, "{not json"), 400, "invalidSyntax");
    }

    @Test
    void deactivatingAUserEndsItsSessionsAndTokensAtOnceAndReactivatingRestoresItsGrants() throws Exception {
        String username = "weaver-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@" + domain;
        UUID accountId = registration.register(username, PASSWORD, null, email);
        api.grant(admin, tree[2], new Account(accountId, username, false), Role.BRAND_COLLABORATOR, false, false);
        // Okta links the existing account of the address.
        String id = JsonPath.read(
                scim(post("/scim/v2/Users"), token, oktaUser(email, "Wea", "Ver", "00u1"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        assertThat(id).isEqualTo(accountId.toString());
        HttpClient browser = TestHttps.client(dataDir);
        WebPages.signIn(browser, url("/signin"), username, PASSWORD);
        assertThat(me(browser)).isEqualTo(200);
        String apiToken = apiTokens
                .create(
                        new ApiTokens.TokenRequest(username, PASSWORD, null, "ci", 30, Set.of(ApiScope.READ)),
                        OWN_ADDRESS)
                .token();
        assertThat(withToken(apiToken)).isEqualTo(200);

        // Okta deactivates: PATCH replace without a path, active false.
        scim(
                        patch("/scim/v2/Users/" + id),
                        token,
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [{\"op\":"
                                + " \"replace\", \"value\": {\"active\": false}}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        assertThat(me(browser)).isEqualTo(401);
        assertThat(withToken(apiToken)).isEqualTo(401);
        assertThat(apiTokens.tokensOf(accountId)).isEmpty();
        HttpResponse<String> refused = WebPages.submitForm(
                TestHttps.client(dataDir), url("/signin"), Map.of("username", username, "password", PASSWORD));
        assertThat(refused.headers().firstValue("Location").orElse("")).contains("error");
        assertThatThrownBy(() -> apiTokens.create(
                        new ApiTokens.TokenRequest(username, PASSWORD, null, "again", 30, Set.of(ApiScope.READ)),
                        OWN_ADDRESS))
                .isInstanceOf(SignInFailedException.class);
        // Grants stay, for the reactivation.
        assertThat(grants.grantsOf(accountId)).extracting(Grant::role).containsExactly(Role.BRAND_COLLABORATOR);
        scim(get("/scim/v2/Users").param("filter", "userName eq \"" + email + "\""), token, null)
                .andExpect(jsonPath("$.Resources[0].active").value(false));

        // Entra reactivates: active as a string.
        scim(
                        patch("/scim/v2/Users/" + id),
                        token,
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
                                + "\"Replace\",\"path\":\"active\",\"value\":\"True\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true));
        HttpClient again = TestHttps.client(dataDir);
        WebPages.signIn(again, url("/signin"), username, PASSWORD);
        assertThat(me(again)).isEqualTo(200);
        api.as(new Account(accountId, username, false), get("/api/v1/brands/" + tree[2]), null)
                .andExpect(status().isOk());

        // Entra's deactivation: active "False" as a string, with a path.
        scim(
                        patch("/scim/v2/Users/" + id),
                        token,
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
                                + "\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}")
                .andExpect(jsonPath("$.active").value(false));
        assertThat(me(again)).isEqualTo(401);
        assertThat(events.stream(ScimChanged.class))
                .filteredOn(e -> e.targetId().equals(accountId))
                .extracting(ScimChanged::change)
                .contains("user.deactivated", "user.reactivated");
    }

    @Test
    void scimGroupsGiveTheRolesTheSsoConnectionMapsTheirDisplayNamesTo() throws Exception {
        String connection = JsonPath.read(
                api.as(
                                admin,
                                post("/api/v1/groups/" + tree[0] + "/identity-providers"),
                                "{\"type\": \"oidc\", \"name\": \"Okta\", \"issuer\": \"https://maison.okta.example\","
                                        + " \"clientId\": \"selvedge\", \"clientSecret\": \"s3cret-for-tests\","
                                        + " \"domains\": [\"" + domain + "\"], \"trustIdpMfa\": true,"
                                        + " \"roleMappings\": [{\"idpGroup\": \"Designers\", \"role\":"
                                        + " \"BRAND_COLLABORATOR\", \"nodeId\": \"" + tree[2] + "\"},"
                                        + " {\"idpGroup\": \"Company admins\", \"role\": \"COMPANY_ADMIN\", \"nodeId\": \""
                                        + tree[1] + "\"}]}")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String email = "lin@" + domain;
        String user = created(scim(post("/scim/v2/Users"), token, oktaUser(email, "Lin", "Zhao", "00u2")));
        UUID account = UUID.fromString(user);
        assertThat(grants.grantsOf(account)).isEmpty();

        // Okta pushes a group, then its members.
        String group = created(scim(
                post("/scim/v2/Groups"),
                token,
                "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"], \"displayName\": \"Designers\","
                        + " \"members\": []}"));
        scim(
                        patch("/scim/v2/Groups/" + group),
                        token,
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [{\"op\":"
                                + " \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + user + "\","
                                + " \"display\": \"" + email + "\"}]}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].value").value(user));
        assertThat(grants.grantsOf(account))
                .extracting(Grant::nodeId, Grant::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(UUID.fromString(tree[2]), Role.BRAND_COLLABORATOR));
        scim(
                        get("/scim/v2/Groups")
                                .param("filter", "displayName eq \"Designers\"")
                                .param("excludedAttributes", "members"),
                        token,
                        null)
                .andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].id").value(group))
                .andExpect(jsonPath("$.Resources[0].members").doesNotExist());
        scim(get("/scim/v2/Users/" + user), token, null)
                .andExpect(jsonPath("$.groups[0].display").value("Designers"));

        // Entra renames a group onto another mapping (Okta's PATCH replace without a path).
        scim(
                        patch("/scim/v2/Groups/" + group),
                        token,
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [{\"op\":"
                                + " \"replace\", \"value\": {\"id\": \"" + group
                                + "\", \"displayName\": \"Company admins\"}}]}")
                .andExpect(jsonPath("$.displayName").value("Company admins"));
        assertThat(grants.grantsOf(account))
                .extracting(Grant::nodeId, Grant::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UUID.fromString(tree[1]), Role.COMPANY_ADMIN));

        // Entra removes the member: the mapped role goes with it.
        scim(
                        patch("/scim/v2/Groups/" + group),
                        token,
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
                                + "\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}]}")
                .andExpect(status().isOk());
        assertThat(grants.grantsOf(account)).isEmpty();

        // Okta's PUT of the group's members, then the group deleted: roles follow.
        scim(
                        put("/scim/v2/Groups/" + group),
                        token,
                        "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"], \"displayName\": \"Designers\","
                                + " \"members\": [{\"value\": \"" + user + "\"}]}")
                .andExpect(status().isOk());
        assertThat(grants.grantsOf(account)).extracting(Grant::role).containsExactly(Role.BRAND_COLLABORATOR);
        scim(delete("/scim/v2/Groups/" + group), token, null).andExpect(status().isNoContent());
        assertThat(grants.grantsOf(account)).isEmpty();
        scimError(
                scim(
                        post("/scim/v2/Groups"),
                        token,
                        "{\"displayName\": \"x\", \"members\": [{\"value\": \"" + UUID.randomUUID() + "\"}]}"),
                400,
                "invalidValue");

        // A deactivated user cannot sign in by single sign-on either.
        scim(
                        patch("/scim/v2/Users/" + user),
                        token,
                        "{\"Operations\": [{\"op\": \"replace\", \"path\": \"active\"," + " \"value\": false}]}")
                .andExpect(status().isOk());
        assertThatThrownBy(() -> ssoSignIns.provision(
                        UUID.fromString(connection),
                        new VerifiedIdentity(email, "Lin Zhao", Set.of("Designers"), true)))
                .isInstanceOf(SsoSignInRefusedException.class);
    }

    @Test
    void usersArePagedAsScimCountsStartingAtOne() throws Exception {
        for (String name : List.of("ann", "ben", "cy")) {
            created(scim(post("/scim/v2/Users"), token, oktaUser(name + "@" + domain, name, "Doe", name)));
        }
        scim(get("/scim/v2/Users").param("startIndex", "2").param("count", "1"), token, null)
                .andExpect(jsonPath("$.totalResults").value(3))
                .andExpect(jsonPath("$.startIndex").value(2))
                .andExpect(jsonPath("$.itemsPerPage").value(1))
                .andExpect(jsonPath("$.Resources[0].userName").value("ben@" + domain));
        scim(get("/scim/v2/Users").param("startIndex", "3").param("count", "10"), token, null)
                .andExpect(jsonPath("$.itemsPerPage").value(1))
                .andExpect(jsonPath("$.Resources[0].userName").value("cy@" + domain));
        scim(get("/scim/v2/Users").param("count", "0"), token, null)
                .andExpect(jsonPath("$.totalResults").value(3))
                .andExpect(jsonPath("$.Resources").isEmpty());
        scim(get("/scim/v2/ServiceProviderConfig"), token, null)
                .andExpect(jsonPath("$.patch.supported").value(true))
                .andExpect(jsonPath("$.filter.supported").value(true));
        scim(get("/scim/v2/ResourceTypes"), token, null)
                .andExpect(jsonPath("$.totalResults").value(2));
        scim(get("/scim/v2/Schemas"), token, null)
                .andExpect(jsonPath("$.Resources[0].id").value("urn:ietf:params:scim:schemas:core:2.0:User"));
    }

    @Test
    void anotherGroupsTokenNeitherSeesNorTouchesThisGroupsUsers() throws Exception {
        String email = "mara@" + domain;
        String user = created(scim(post("/scim/v2/Users"), token, oktaUser(email, "Mara", "Silk", "00u3")));
        String group = created(scim(post("/scim/v2/Groups"), token, "{\"displayName\": \"Designers\"}"));
        Account otherAdmin = api.customers().aCustomer("other");
        String[] otherTree = api.tree(otherAdmin, "Loup");
        String otherDomain = api.aVerifiedDomain(otherAdmin, otherTree[0], "loup");
        String other = api.scimToken(otherAdmin, otherTree[0], "Entra");

        scimError(scim(get("/scim/v2/Users/" + user), other, null), 404, null);
        scim(get("/scim/v2/Users").param("filter", "userName eq \"" + email + "\""), other, null)
                .andExpect(jsonPath("$.totalResults").value(0));
        scimError(
                scim(
                        patch("/scim/v2/Users/" + user),
                        other,
                        "{\"Operations\": [{\"op\": \"replace\", \"value\":" + " {\"active\": false}}]}"),
                404,
                null);
        scimError(scim(put("/scim/v2/Users/" + user), other, oktaUser(email, "M", "S", "x")), 404, null);
        scimError(scim(delete("/scim/v2/Users/" + user), other, null), 404, null);
        scimError(scim(get("/scim/v2/Groups/" + group), other, null), 404, null);
        scimError(scim(delete("/scim/v2/Groups/" + group), other, null), 404, null);
        // Nor can it claim this group's people as its own.
        scimError(scim(post("/scim/v2/Users"), other, oktaUser(email, "Mara", "Silk", "x")), 400, "invalidValue");
        // Nor can the other group's admin act on the account, or make tokens for this group.
        ApiCalls.problem(
                api.as(otherAdmin, post("/api/v1/groups/" + otherTree[0] + "/accounts/" + user + "/disable"), null),
                404);
        ApiCalls.problem(
                api.as(otherAdmin, post("/api/v1/groups/" + tree[0] + "/scim-tokens"), "{\"name\": \"x\"}"), 404);

        scim(get("/scim/v2/Users/" + user), token, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true));
    }

    private ResultActions scim(MockHttpServletRequestBuilder request, String bearer, String json) throws Exception {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        request.accept(SCIM, MediaType.APPLICATION_JSON);
        if (json != null) {
            request.contentType(SCIM).content(json);
        }
        return api.mvc().perform(request);
    }

    private static String created(ResultActions result) throws Exception {
        return JsonPath.read(
                result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private static void unauthorized(ResultActions result) throws Exception {
        scimError(result, 401, null);
    }

    private static void scimError(ResultActions result, int status, String scimType) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(SCIM))
                .andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:api:messages:2.0:Error"))
                .andExpect(jsonPath("$.status").value(String.valueOf(status)));
        if (scimType != null) {
            result.andExpect(jsonPath("$.scimType").value(scimType));
        }
    }

    /** Okta's create-user request, as its SCIM 2.0 guide shows it. */
    private static String oktaUser(String email, String given, String family, String externalId) {
        return "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": \"" + email + "\","
                + " \"name\": {\"givenName\": \"" + given + "\", \"familyName\": \"" + family + "\"},"
                + " \"emails\": [{\"primary\": true, \"value\": \"" + email + "\", \"type\": \"work\"}],"
                + " \"displayName\": \"" + given + " " + family + "\", \"locale\": \"en-US\", \"externalId\": \""
                + externalId + "\", \"groups\": [], \"password\": \"1mz050nq\", \"active\": true}";
    }

    /** Microsoft Entra ID's create-user request, as its SCIM guide shows it. */
    private static String entraUser(String email, String externalId) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],"
                + "\"externalId\":\"" + externalId + "\",\"userName\":\"" + email + "\",\"active\":true,"
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + email + "\"}],"
                + "\"meta\":{\"resourceType\":\"User\"},"
                + "\"name\":{\"formatted\":\"Grace Hopper\",\"familyName\":\"Hopper\",\"givenName\":\"Grace\"},"
                + "\"roles\":[]}";
    }

    private URI url(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private int me(HttpClient browser) {
        return TestHttps.send(
                        browser,
                        HttpRequest.newBuilder(url("/api/v1/me"))
                                .header("Accept", "application/json")
                                .GET()
                                .build())
                .statusCode();
    }

    private int withToken(String apiToken) {
        return TestHttps.send(
                        HttpClient.newBuilder()
                                .sslContext(TestHttps.trusting(TestHttps.developmentCertificate(dataDir)))
                                .build(),
                        HttpRequest.newBuilder(url("/api/v1/me"))
                                .header("Authorization", "Bearer " + apiToken)
                                .GET()
                                .build())
                .statusCode();
    }
}
