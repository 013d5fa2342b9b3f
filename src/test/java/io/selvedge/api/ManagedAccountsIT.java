package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.access.Grant;
import io.selvedge.access.Grants;
import io.selvedge.access.ManagedAccountChanged;
import io.selvedge.access.Role;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.ApiScope;
import io.selvedge.identity.ApiTokens;
import io.selvedge.identity.SignInFailedException;
import io.selvedge.platform.AuditActor;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The admins of the group that manages an account (its address in the group's verified domain) disable,
 * enable and delete it, end its sessions and revoke its tokens, on the group's trail; a disabled account
 * signs in by no means. Every other caller, and every account the group does not manage, gets 404.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class ManagedAccountsIT {

    static final String PASSWORD = "indigo warp over grey weft";

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

    @LocalServerPort
    int port;

    @Value("${selvedge.data-dir}")
    Path dataDir;

    @Autowired
    ApiCalls api;

    Account admin;
    String[] tree;
    String domain;
    Account weaver;
    String accounts;

    @BeforeEach
    void aGroupAndAnAccountItManages() throws Exception {
        admin = api.customers().aCustomer("admin");
        tree = api.tree(admin, "Maison");
        domain = api.aVerifiedDomain(admin, tree[0], "maison");
        weaver = api.aCustomerAt("weaver", PASSWORD, domain);
        api.grant(admin, tree[2], weaver, Role.BRAND_COLLABORATOR, false, false);
        accounts = "/api/v1/groups/" + tree[0] + "/accounts/";
    }

    @Test
    void aDisabledAccountSignsInByNoMeansAndItsSessionsAndTokensEndAtOnce() throws Exception {
        HttpClient browser = TestHttps.client(dataDir);
        WebPages.signIn(browser, url("/signin"), weaver.username(), PASSWORD);
        String token = token(weaver);
        assertThat(me(browser, null)).isEqualTo(200);
        assertThat(me(null, token)).isEqualTo(200);

        api.as(admin, post(accounts + weaver.id() + "/disable"), null).andExpect(status().isNoContent());
        assertThat(me(browser, null)).isEqualTo(401);
        assertThat(me(null, token)).isEqualTo(401);
        assertThat(signInAnswer(weaver)).contains("error");
        assertThatThrownBy(() -> token(weaver)).isInstanceOf(SignInFailedException.class);
        assertThat(changes()).contains("disabled");
        // Its grants stay: enabled again, it has them back.
        assertThat(grants.grantsOf(weaver.id())).extracting(Grant::role).containsExactly(Role.BRAND_COLLABORATOR);

        api.as(admin, post(accounts + weaver.id() + "/enable"), null).andExpect(status().isNoContent());
        HttpClient again = TestHttps.client(dataDir);
        WebPages.signIn(again, url("/signin"), weaver.username(), PASSWORD);
        assertThat(me(again, null)).isEqualTo(200);
        assertThat(changes()).contains("enabled");
    }

    @Test
    void theManagingAdminsEndTheSessionsAndRevokeTheTokensOfTheirAccounts() throws Exception {
        HttpClient browser = TestHttps.client(dataDir);
        WebPages.signIn(browser, url("/signin"), weaver.username(), PASSWORD);
        String token = token(weaver);

        api.as(admin, delete(accounts + weaver.id() + "/sessions"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ended").value(1));
        assertThat(me(browser, null)).isEqualTo(401);
        assertThat(me(null, token)).isEqualTo(200);
        api.as(admin, delete(accounts + weaver.id() + "/tokens"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ended").value(1));
        assertThat(me(null, token)).isEqualTo(401);
        assertThat(changes()).contains("sessions-ended", "tokens-revoked");
        // It may sign in again: neither is a disabling.
        WebPages.signIn(TestHttps.client(dataDir), url("/signin"), weaver.username(), PASSWORD);
    }

    @Test
    void theManagingAdminsDeleteAnAccountWithItsGrants() throws Exception {
        api.as(admin, delete(accounts + weaver.id()), null).andExpect(status().isNoContent());
        assertThat(directory.account(weaver.id())).isEmpty();
        assertThat(grants.grantsOf(weaver.id())).isEmpty();
        assertThat(changes()).contains("deleted");
        problem(api.as(admin, delete(accounts + weaver.id()), null), 404);

        Account boss = api.aCustomerAt("boss", PASSWORD, domain);
        api.grant(admin, tree[0], boss, Role.GROUP_ADMIN, false, false);
        api.as(admin, delete(accounts + boss.id()), null).andExpect(status().isNoContent());
    }

    @Test
    void everyoneElseGets404AndNothingChanges() throws Exception {
        // Another organisation's admin, through its own group or this one.
        Account stranger = api.customers().aCustomer("stranger");
        String[] theirs = api.tree(stranger, "Loup");
        String strangerDomain = api.aVerifiedDomain(stranger, theirs[0], "loup");
        String their = "/api/v1/groups/" + theirs[0] + "/accounts/" + weaver.id();
        for (String action : List.of("/disable", "/enable")) {
            problem(api.as(stranger, post(their + action), null), 404);
            problem(api.as(stranger, post(accounts + weaver.id() + action), null), 404);
        }
        for (String action : List.of("", "/sessions", "/tokens")) {
            problem(api.as(stranger, delete(their + action), null), 404);
        }
        // An account this group does not manage, though a member of it, and an id nobody has: the same 404.
        Account outsider = api.aCustomerAt(
                "outsider",
                PASSWORD,
                "elsewhere-" + UUID.randomUUID().toString().substring(0, 8) + ".example");
        api.grant(admin, tree[4], outsider, Role.EDITOR, false, false);
        for (UUID id : List.of(outsider.id(), UUID.randomUUID())) {
            problem(api.as(admin, post(accounts + id + "/disable"), null), 404);
            problem(api.as(admin, delete(accounts + id), null), 404);
            problem(api.as(admin, delete(accounts + id + "/sessions"), null), 404);
            problem(api.as(admin, delete(accounts + id + "/tokens"), null), 404);
        }
        // Within the group, only its admins (members who see the group are refused, as the API answers them).
        Account operator = api.granted(admin, tree[0], Role.GROUP_OPERATOR);
        problem(api.as(operator, post(accounts + weaver.id() + "/disable"), null), 403);
        problem(api.as(weaver, post(accounts + weaver.id() + "/disable"), null), 403);

        assertThat(events.stream(ManagedAccountChanged.class)).isEmpty();
        api.as(weaver, get("/api/v1/brands/" + tree[2]), null).andExpect(status().isOk());
        assertThat(me(null, token(outsider))).isEqualTo(200);
    }

    private List<String> changes() {
        return events.stream(ManagedAccountChanged.class)
                .filter(e -> e.groupId().toString().equals(tree[0])
                        && e.accountId().equals(weaver.id())
                        && e.auditActor().equals(AuditActor.account(admin.id())))
                .map(ManagedAccountChanged::change)
                .toList();
    }

    /** This test's client address: the shared context's 127.0.0.1 gathers other tests' failed sign-ins. */
    private static final String OWN_ADDRESS = "198.51.100.211";

    private String token(Account account) {
        return apiTokens
                .create(
                        new ApiTokens.TokenRequest(account.username(), PASSWORD, null, "ci", 30, Set.of(ApiScope.READ)),
                        OWN_ADDRESS)
                .token();
    }

    private String signInAnswer(Account account) {
        HttpResponse<String> answer = WebPages.submitForm(
                TestHttps.client(dataDir),
                url("/signin"),
                Map.of("username", account.username(), "password", PASSWORD));
        return answer.headers().firstValue("Location").orElse("");
    }

    private URI url(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private int me(HttpClient browser, String token) {
        HttpClient client = browser != null
                ? browser
                : HttpClient.newBuilder()
                        .sslContext(TestHttps.trusting(TestHttps.developmentCertificate(dataDir)))
                        .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/api/v1/me")).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return TestHttps.send(client, request.GET().build()).statusCode();
    }
}
