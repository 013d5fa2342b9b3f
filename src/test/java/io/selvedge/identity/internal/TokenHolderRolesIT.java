package io.selvedge.identity.internal;

import static io.selvedge.identity.internal.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestMfa;
import io.selvedge.testing.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Roles decided for real API callers, over HTTPS with real tokens: a token's scopes limit its methods,
 * its account's grants the resources; /me lists the grants.
 */
@SelvedgeIntegrationTest
class TokenHolderRolesIT {

    static final String PASSWORD = "a bolt of indigo twill";

    @Autowired
    TestServer server;

    @Autowired
    Clock clock;

    HttpClient client;
    Api api;

    @BeforeEach
    void api() {
        client = server.client();
        api = new Api(client, server::url);
    }

    @Test
    void aTokenMadeBeforeItsAccountBecameAGroupAdminIsHeldToMfaAtOnce() {
        String cleo = aCustomer();
        String token = api.tokenFor(cleo, PASSWORD, "");

        HttpResponse<String> created =
                api.send("POST", "/api/v1/groups", bearer(token), "{\"name\":\"Atelier\",\"region\":\"us\"}");
        assertThat(created.statusCode()).isEqualTo(201);

        // The very next call, well within the token cache's lifetime: a group admin must enrol first.
        HttpResponse<String> company = api.send(
                "POST", "/api/v1/groups/" + Api.idOf(created) + "/companies", bearer(token), "{\"name\":\"Co\"}");
        assertThat(company.statusCode()).isEqualTo(403);
        assertThat(api.call("GET", "/api/v1/me", bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void theCreatorOfAGroupIsItsAdminAndOthersFindNothingOfIt() {
        String ada = aCustomer();
        String bob = aCustomer();
        // Ada will be a group admin, who must use MFA: she enrols before making the tokens she acts with.
        TestMfa adaWithMfa = TestMfa.enrol(client, server::url, clock, ada, PASSWORD);
        String adaToken = adaWithMfa.token();
        String bobToken = api.tokenFor(bob, PASSWORD, "");
        String adaReadOnly = adaWithMfa.token("read only", ",\"scopes\":[\"read\"]");

        HttpResponse<String> created =
                api.send("POST", "/api/v1/groups", bearer(adaToken), "{\"name\":\"Maison\",\"region\":\"us\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String group = Api.idOf(created);

        HttpResponse<String> me = api.call("GET", "/api/v1/me", bearer(adaToken));
        assertThat(me.body())
                .contains("\"memberships\":[{\"groupId\":\"" + group + "\",\"nodeId\":\"" + group
                        + "\",\"level\":\"GROUP\",\"role\":\"GROUP_ADMIN\"");
        assertThat(api.call("GET", "/api/v1/groups/" + group, bearer(adaReadOnly))
                        .statusCode())
                .isEqualTo(200);
        // Scopes limit methods whatever the role; roles limit resources whatever the scope.
        assertThat(api.send("POST", "/api/v1/groups/" + group + "/companies", bearer(adaReadOnly), "{\"name\":\"C\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/groups/" + group + "/companies", bearer(adaToken), "{\"name\":\"C\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> foreign = api.call("GET", "/api/v1/groups/" + group, bearer(bobToken));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.call("GET", "/api/v1/me", bearer(bobToken)).body()).contains("\"memberships\":[]");
    }

    private String aCustomer() {
        String username = "roles-" + UUID.randomUUID().toString().substring(0, 8);
        server.signingIn(UUID.randomUUID(), username, PASSWORD, null);
        return username;
    }
}
