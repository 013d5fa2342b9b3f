package io.selvedge.web;

import static io.selvedge.testing.ApiCalls.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.collab.ShareLinks;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The workroom page's permissions, without a browser: a viewer sees the grid but neither the upload nor
 * the sharing panel and is refused their handlers; an outsider finds nothing; an editor shares, makes a
 * link within 90 days and cannot revoke another workroom's link through this one.
 */
@SelvedgeIntegrationTest
class WorkroomPageIT extends AsACustomerAdmin {

    @Autowired
    ShareLinks links;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TestServer server;

    static final String PASSWORD = "a workroom of one's own";

    @Test
    void aViewerSeesTheGridButNeitherUploadsNorSharing() throws Exception {
        String[] workrooms = twoWorkrooms();
        String workroom = workrooms[0];
        String kilt = created(api.as(
                admin,
                post("/api/v1/workrooms/" + workroom + "/styles"),
                "{\"name\": \"Kilt\", \"tags\": [\"tartan\"]}"));
        HttpClient viewer = signedIn(member(workroom, "VIEWER"));
        Customers.Account outsider = customers.aCustomer("outsider");

        HttpResponse<String> page = TestHttps.get(viewer, server.url("/workrooms/" + workroom));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kilt", "tartan").doesNotContain("id=\"uploads\"", "id=\"sharing\"");
        HttpResponse<String> filtered =
                TestHttps.get(viewer, server.url("/workrooms/" + workroom + "/styles?tag=none-such"));
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(filtered.body()).doesNotContain("Kilt").contains("No styles to show.");
        String token = WebPages.csrfTokenOf(page);
        assertThat(webPost(viewer, "/workrooms/" + workroom + "/styles", token, Map.of("name", "Sneaky"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(webPost(viewer, "/workrooms/" + workroom + "/shares", token, Map.of("person", outsider.username()))
                        .statusCode())
                .isEqualTo(403);
        assertThat(TestHttps.get(viewer, server.url("/workrooms/" + workrooms[1]))
                        .statusCode())
                .isEqualTo(404);
        assertThat(TestHttps.get(viewer, server.url("/workrooms/" + UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(404);
        assertThat(TestHttps.get(viewer, server.url("/workrooms/" + kilt)).statusCode())
                .as("a style's id is no workroom")
                .isEqualTo(404);
        assertThat(TestHttps.get(viewer, server.url("/workrooms/" + workroom + "/styles?cursor=not-a-cursor"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anEditorSharesAndLinksButRevokesOnlyThisWorkroomsLinks() throws Exception {
        String[] workrooms = twoWorkrooms();
        HttpClient editor = signedIn(member(workrooms[0], "EDITOR"));
        Customers.Account outsider = customers.aCustomer("outsider");
        String token = WebPages.csrfTokenOf(TestHttps.get(editor, server.url("/workrooms/" + workrooms[0])));

        // Somebody outside the group is invited, and shares nothing until it accepts (issue 15).
        HttpResponse<String> invited = webPost(
                editor,
                "/workrooms/" + workrooms[0] + "/shares",
                token,
                Map.of("person", outsider.username(), "role", "VIEWER"));
        assertThat(invited.statusCode()).isEqualTo(200);
        assertThat(invited.body())
                .contains("If " + outsider.username() + " is an account outside this group, it was invited")
                .doesNotContain("Shared with");
        // A colleague who holds a role in the group already is shared with at once.
        Customers.Account colleague = member(workrooms[1], "VIEWER");
        HttpResponse<String> shared = webPost(
                editor,
                "/workrooms/" + workrooms[0] + "/shares",
                token,
                Map.of("person", colleague.username(), "role", "VIEWER"));
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.body()).contains("Shared with " + colleague.username());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(link(editor, token, workrooms[0], today.plusDays(91).toString()))
                .contains("Choose a last day")
                .doesNotContain("/s/");
        assertThat(link(editor, token, workrooms[0], today.minusDays(1).toString()))
                .contains("Choose a last day");
        assertThat(link(editor, token, workrooms[0], today.plusDays(90).toString()))
                .contains("/s/");
        assertThat(links.list(UUID.fromString(workrooms[0]))).hasSize(1);

        String other = JsonPath.read(
                api.as(
                                admin,
                                post("/api/v1/workrooms/" + workrooms[1] + "/links"),
                                "{\"expiresAt\": \"" + today.plusDays(3) + "T00:00:00Z\", \"allowDownload\": false}")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        assertThat(webPost(editor, "/workrooms/" + workrooms[0] + "/links/" + other + "/revoke", token, Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(links.list(UUID.fromString(workrooms[1]))).hasSize(1);
    }

    private String link(HttpClient caller, String token, String workroom, String expires) {
        HttpResponse<String> answer = webPost(
                caller, "/workrooms/" + workroom + "/links", token, Map.of("expires", expires, "access", "view"));
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private HttpResponse<String> webPost(HttpClient caller, String path, String token, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", token);
        return WebPages.post(caller, server.url(path), withToken);
    }

    /** A browser signed in as the account, which is given a password first. */
    private HttpClient signedIn(Customers.Account account) {
        jdbc.update("update account set password_hash = ? where id = ?", encoder.encode(PASSWORD), account.id());
        HttpClient browser = server.client();
        WebPages.signIn(browser, server.url("/signin"), account.username(), PASSWORD);
        return browser;
    }

    /** Two workrooms of the admin's group, in one season. */
    private String[] twoWorkrooms() throws Exception {
        String group = created(api.as(admin, post("/api/v1/groups"), "{\"name\": \"Maison\", \"region\": \"eu\"}"));
        String company = api.node(admin, "groups", group, "companies", "Ourse SA");
        String brand = api.node(admin, "companies", company, "brands", "Ourse");
        String season = api.node(admin, "brands", brand, "seasons", "SS27");
        return new String[] {
            api.node(admin, "seasons", season, "workrooms", "Atelier"),
            api.node(admin, "seasons", season, "workrooms", "Studio")
        };
    }

    private Customers.Account member(String node, String role) throws Exception {
        // Granted by id, so invited (it is nobody's member yet) and accepted (issue 15).
        return api.granted(admin, node, io.selvedge.access.Role.valueOf(role));
    }
}
