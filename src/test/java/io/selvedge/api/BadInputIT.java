package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.content.ContentClient;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Input a client gets wrong (a cursor of invalid bytes, a tus number past a long, a path that is no
 * page) is refused with a 400 or 404 problem document over real HTTPS, through Tomcat's own parsing,
 * never with a 500.
 */
@SelvedgeIntegrationTest
class BadInputIT {

    /** Percent-decoded by Tomcat into a NUL and a byte that is not UTF-8, as a reviewer sent it. */
    static final String UNREADABLE_CURSOR = "%00%ff..%2F";

    /** Readable, but none of them a cursor a list handed out. */
    static final List<String> FOREIGN_CURSORS =
            List.of("!!", "AAAA", "__8", "AA==", "%E2%82%AC", "A".repeat(600), "LTE", "MDA1");

    @Autowired
    TestServer server;

    @Autowired
    ApplicationContext context;

    @Autowired
    PlatformProperties platform;

    HttpClient http;
    ContentClient ada;

    /** Each of the paged lists of the API a group admin reads, by name. */
    Map<String, String> lists;

    @BeforeEach
    void aGroupAdminWithATreeDownToAStyle() {
        http = server.client();
        ada = ContentClient.aCustomerWithAStyle(context::getBean, http, server.port(), "eu");
        String workroom = field(get("/api/v1/styles/" + ada.style), "$.workroomId");
        String season = field(get("/api/v1/workrooms/" + workroom), "$.parentId");
        String brand = field(get("/api/v1/seasons/" + season), "$.parentId");
        String company = field(get("/api/v1/brands/" + brand), "$.parentId");
        lists = new LinkedHashMap<>();
        lists.put("workrooms", "/api/v1/seasons/" + season + "/workrooms");
        lists.put("styles", "/api/v1/workrooms/" + workroom + "/styles");
        lists.put("comments", "/api/v1/styles/" + ada.style + "/comments");
        lists.put("groups", "/api/v1/groups");
        lists.put("companies", "/api/v1/groups/" + ada.group + "/companies");
        lists.put("brands", "/api/v1/companies/" + company + "/brands");
        lists.put("seasons", "/api/v1/brands/" + brand + "/seasons");
        lists.put("people", "/api/v1/nodes/" + workroom + "/people");
        lists.put("notifications", "/api/v1/me/notifications");
        lists.put("search", "/api/v1/groups/" + ada.group + "/search?q=coat");
        lists.put("members", "/api/v1/groups/" + ada.group + "/members");
        lists.put("audit events", "/api/v1/groups/" + ada.group + "/audit-events");
        lists.put("export", "/api/v1/groups/" + ada.group + "/audit-events/export");
        lists.put("invitations", "/api/v1/groups/" + ada.group + "/invitations");
        lists.put("workroom shares", "/api/v1/workrooms/" + workroom + "/shares");
        lists.put("style shares", "/api/v1/styles/" + ada.style + "/shares");
        lists.put("versions", "/api/v1/styles/" + ada.style + "/versions");
        lists.put("colorways", "/api/v1/styles/" + ada.style + "/colorways");
        lists.put("material files", "/api/v1/versions/" + anObjVersion() + "/materials");
        lists.put("favourites", "/api/v1/me/favourites");
        lists.put("alerts", "/api/v1/groups/" + ada.group + "/alerts");
        lists.put("access requests", "/api/v1/groups/" + ada.group + "/access-requests");
        lists.put("stage moves", "/api/v1/styles/" + ada.style + "/stage-moves");
        String version =
                ContentClient.idOf(ada.send(ada.request("/api/v1/styles/" + ada.style + "/versions?filename=coat.glb")
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("glTF coat"))
                        .build()));
        lists.put("renders", "/api/v1/versions/" + version + "/renders");
    }

    @Test
    void aCursorOfUnreadableBytesIsABadRequestOnEveryPagedList() {
        assertThat(lists).hasSize(24);
        lists.forEach((name, path) -> {
            assertThat(get(path).statusCode()).as("%s without a cursor", name).isEqualTo(200);

            HttpResponse<String> answer = get(path + (path.contains("?") ? "&" : "?") + "cursor=" + UNREADABLE_CURSOR);

            assertProblem(answer, 400, name);
        });
    }

    @Test
    void aCursorNoListHandedOutIsABadRequestOnEveryListThatTakesOne() {
        for (String path : listsTakingACursor()) {
            for (String cursor : FOREIGN_CURSORS) {
                assertProblem(get(path + "?cursor=" + cursor), 400, path + " with cursor " + cursor);
            }
        }
    }

    @Test
    void everyListTheApiDocumentsWithACursorIsAmongThoseTried() {
        Map<String, Object> paths = JsonPath.read(
                TestHttps.get(http, server.url("/api/v1/openapi.json")).body(), "$.paths");
        List<String> documented = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (operations instanceof Map<?, ?> methods
                    && methods.get("get") instanceof Map<?, ?> get
                    && get.containsKey("parameters")) {
                List<Object> cursors = JsonPath.read(get, "$.parameters[?(@.name == 'cursor')]");
                if (!cursors.isEmpty()) {
                    documented.add(path);
                }
            }
        });
        List<String> tried = lists.values().stream()
                .map(path -> path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{}").replaceAll("\\?.*", ""))
                .toList();

        // Staff's lists answer a customer 404 or 403 whatever the cursor: AlertsIT, StaffAccessReviewIT and
        // StaffSupportActionsIT try theirs.
        documented.removeAll(List.of(
                "/api/v1/alerts",
                "/api/v1/admin/staff",
                "/api/v1/me/access-requests",
                "/api/v1/groups/{groupId}/support/stuck-uploads"));
        assertThat(documented).isNotEmpty();
        assertThat(documented).allSatisfy(path -> assertThat(tried).contains(path.replaceAll("\\{[^}]+}", "{}")));
    }

    @Test
    void aWebPageAskedWithUnreadableParametersIsABadRequest() {
        String answer = TestHttps.sendFrom(
                "127.0.0.1",
                platform.dataDir(),
                server.port(),
                "GET /signin?cursor=" + UNREADABLE_CURSOR + " HTTP/1.1",
                "");

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("application/problem+json");
    }

    @Test
    void anUploadLengthPastTheLargestNumberIsABadRequest() {
        HttpResponse<String> answer = ada.send(ada.tus("/api/v1/uploads")
                .header("Upload-Length", "9999999999999999999")
                .header("Upload-Metadata", "styleId " + ContentClient.base64(ada.style))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        assertProblem(answer, 400, "Upload-Length 9999999999999999999");
    }

    @Test
    void anUploadOffsetPastTheLargestNumberIsABadRequest() {
        String upload = anUpload();
        for (String offset : List.of("9223372036854775808", "99999999999999999999", "-1", "1e3", "0x10", "")) {
            HttpResponse<String> answer = ada.send(ada.tus(upload)
                    .header("Upload-Offset", offset)
                    .header("Content-Type", "application/offset+octet-stream")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("0123456789"))
                    .build());

            assertProblem(answer, 400, "Upload-Offset " + offset);
        }
    }

    @Test
    void theErrorPathAskedForDirectlyIsNoPage() {
        HttpResponse<String> answer = TestHttps.get(http, server.url("/error"));

        assertProblem(answer, 404, "GET /error");
    }

    private String anObjVersion() {
        HttpResponse<String> created =
                ada.send(ada.request("/api/v1/styles/" + ada.style + "/versions?filename=tee.obj")
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("o Tee\n"))
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    private String anUpload() {
        HttpResponse<String> created = ada.createUpload(ada.style, 10, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    private List<String> listsTakingACursor() {
        return lists.entrySet().stream()
                .filter(list -> !List.of("notifications", "search", "export").contains(list.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return ada.send(ada.request(pathAndQuery).GET().build());
    }

    private static String field(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), path);
    }

    static void assertProblem(HttpResponse<String> response, int status, String what) {
        assertThat(response.statusCode()).as("%s: %s", what, response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .as(what)
                .contains("\"status\":" + status)
                .doesNotContain("Exception")
                .doesNotContain("at io.selvedge");
    }
}
