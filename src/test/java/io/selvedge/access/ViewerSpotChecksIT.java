package io.selvedge.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.notify.MailProperties;
import io.selvedge.notify.internal.OutboxDelivery;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestMfa;
import io.selvedge.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The customer's spot checks of content (issue 5), as their scripts would run them: over HTTPS, each
 * person with an API token of their own made with their password, every role granted or shared through
 * the API. A viewer by share views and comments but neither edits, uploads nor downloads unless the
 * share allows it; a group operator sees the members but no content; another group's admin finds
 * nothing of this group's content.
 */
@SelvedgeIntegrationTest
class ViewerSpotChecksIT {

    static final String PASSWORD = "a selvage edge of raw indigo";

    @Autowired
    TestServer server;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    HttpClient client;
    Person admin;
    String group;
    String workroom;
    String style;
    String version;
    byte[] file;

    @BeforeEach
    void aGroupWithAStyleAndOneVersion() {
        client = server.client();
        admin = anAdminToBe("admin");
        group = created(admin.json("POST", "/api/v1/groups", "{\"name\":\"Maison\",\"region\":\"eu\"}"));
        String company = created(admin.json("POST", "/api/v1/groups/" + group + "/companies", "{\"name\":\"Co\"}"));
        String brand = created(admin.json("POST", "/api/v1/companies/" + company + "/brands", "{\"name\":\"Br\"}"));
        String season = created(admin.json("POST", "/api/v1/brands/" + brand + "/seasons", "{\"name\":\"SS27\"}"));
        workroom = created(admin.json("POST", "/api/v1/seasons/" + season + "/workrooms", "{\"name\":\"Denim\"}"));
        style = created(admin.json("POST", "/api/v1/workrooms/" + workroom + "/styles", "{\"name\":\"Coat\"}"));
        file = bytes(70_000, 1);
        version = created(admin.upload(style, "coat.zprj", file));
    }

    @Test
    void aViewerByShareViewsTheStyleAndItsVersionsAndCommentsButNeitherEditsNorUploadsNorDownloads() {
        Person viewer = aWorkroomSharedWithViewer(false, false);

        HttpResponse<byte[]> seen = viewer.call("GET", "/api/v1/styles/" + style);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(read(seen, "$.name")).isEqualTo("Coat");
        HttpResponse<byte[]> versions = viewer.call("GET", "/api/v1/styles/" + style + "/versions");
        assertThat(versions.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(text(versions), "$.items[*].id")).containsExactly(version);
        assertThat(viewer.call("GET", "/api/v1/versions/" + version).statusCode())
                .isEqualTo(200);
        String comment = created(
                viewer.json("POST", "/api/v1/styles/" + style + "/comments", "{\"body\":\"Collar a bit wide\"}"));
        assertThat(comment).isNotBlank();

        problem(viewer.json("PATCH", "/api/v1/styles/" + style, "{\"name\":\"Mine now\"}"), 403);
        problem(viewer.upload(style, "coat-2.zprj", bytes(100, 2)), 403);
        problem(viewer.call("GET", "/api/v1/versions/" + version + "/content"), 403);
        assertThat(read(admin.call("GET", "/api/v1/styles/" + style), "$.name")).isEqualTo("Coat");
        assertThat(JsonPath.<List<String>>read(
                        text(admin.call("GET", "/api/v1/styles/" + style + "/versions")), "$.items[*].id"))
                .containsExactly(version);
    }

    @Test
    void theSameViewerDownloadsTheBytesOnceTheShareAllowsDownload() {
        Person viewer = aWorkroomSharedWithViewer(false, false);
        problem(viewer.call("GET", "/api/v1/versions/" + version + "/content"), 403);

        theShareOf(viewer, true, false);

        HttpResponse<byte[]> download = viewer.call("GET", "/api/v1/versions/" + version + "/content");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file);
        problem(viewer.upload(style, "coat-2.zprj", bytes(100, 3)), 403);
    }

    @Test
    void aViewerWhoseShareAllowsUploadUploadsAVersionButStillEditsNothing() {
        Person viewer = aWorkroomSharedWithViewer(false, true);

        String second = created(viewer.upload(style, "coat-2.zprj", bytes(100, 4)));
        assertThat(JsonPath.<List<String>>read(
                        text(admin.call("GET", "/api/v1/styles/" + style + "/versions")), "$.items[*].id"))
                .containsExactly(second, version);
        problem(viewer.json("PATCH", "/api/v1/styles/" + style, "{\"name\":\"Mine now\"}"), 403);
        problem(viewer.call("GET", "/api/v1/versions/" + second + "/content"), 403);
    }

    @Test
    void aGroupOperatorSeesTheMemberListButNeitherTheStyleNorTheVersionContent() {
        Person operator = anInvitablePerson("operator");
        granted(group, operator, Role.GROUP_OPERATOR);

        HttpResponse<byte[]> members = operator.call("GET", "/api/v1/groups/" + group + "/members");
        assertThat(members.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(text(members), "$.items[*].userId"))
                .contains(admin.id.toString(), operator.id.toString());
        // The table gives an operator no action at all on a style: it is not found, nor what is in it.
        problem(operator.call("GET", "/api/v1/styles/" + style), 404);
        problem(operator.call("GET", "/api/v1/styles/" + style + "/versions"), 404);
        problem(operator.call("GET", "/api/v1/versions/" + version), 404);
        problem(operator.call("GET", "/api/v1/versions/" + version + "/content"), 404);
        problem(operator.call("GET", "/api/v1/styles/" + style + "/comments"), 404);
    }

    @Test
    void anAdminOfAnotherGroupFindsNeitherTheStyleNorItsContentNorItsCommentsNorTheWorkroom() {
        Person stranger = anAdminToBe("stranger");
        created(stranger.json("POST", "/api/v1/groups", "{\"name\":\"Loup\",\"region\":\"eu\"}"));
        created(admin.json("POST", "/api/v1/styles/" + style + "/comments", "{\"body\":\"Lining in red\"}"));

        for (String path : List.of(
                "/api/v1/styles/" + style,
                "/api/v1/styles/" + style + "/versions",
                "/api/v1/versions/" + version,
                "/api/v1/versions/" + version + "/content",
                "/api/v1/versions/" + version + "/preview",
                "/api/v1/styles/" + style + "/comments",
                "/api/v1/workrooms/" + workroom,
                "/api/v1/workrooms/" + workroom + "/styles")) {
            problem(stranger.call("GET", path), 404);
        }
        problem(stranger.json("POST", "/api/v1/styles/" + style + "/comments", "{\"body\":\"Mine\"}"), 404);
        problem(stranger.json("PATCH", "/api/v1/styles/" + style, "{\"name\":\"Mine\"}"), 404);
        problem(stranger.upload(style, "coat.zprj", bytes(100, 5)), 404);
    }

    /**
     * A new person to whom the admin shares the workroom as viewer, through the shares API: nobody's member yet,
     * it is invited (issue 15) and accepts.
     */
    private Person aWorkroomSharedWithViewer(boolean allowDownload, boolean allowUpload) {
        Person viewer = anInvitablePerson("viewer");
        HttpResponse<byte[]> shared = admin.json(
                "POST",
                "/api/v1/workrooms/" + workroom + "/shares",
                "{\"userId\":\"" + viewer.id + "\",\"role\":\"VIEWER\",\"allowDownload\":" + allowDownload
                        + ",\"allowUpload\":" + allowUpload + "}");
        accepts(viewer, shared);
        return viewer;
    }

    /** The admin changes the viewer's share of the workroom. */
    private void theShareOf(Person viewer, boolean allowDownload, boolean allowUpload) {
        HttpResponse<byte[]> changed = admin.json(
                "PUT",
                "/api/v1/nodes/" + workroom + "/members/" + viewer.id,
                "{\"role\":\"VIEWER\",\"allowDownload\":" + allowDownload + ",\"allowUpload\":" + allowUpload + "}");
        assertThat(changed.statusCode()).as(text(changed)).isEqualTo(200);
        assertThat(JsonPath.<Boolean>read(text(changed), "$.allowDownload")).isEqualTo(allowDownload);
    }

    private void granted(String node, Person person, Role role) {
        HttpResponse<byte[]> granted =
                admin.json("PUT", "/api/v1/nodes/" + node + "/members/" + person.id, "{\"role\":\"" + role + "\"}");
        // Issue 15: the person is nobody's member yet, so the grant by id invites it; it accepts with its token.
        accepts(person, granted);
    }

    /** The answer was an invitation (202), which the person accepts with its token. */
    private void accepts(Person person, HttpResponse<byte[]> invited) {
        assertThat(invited.statusCode()).as(text(invited)).isEqualTo(202);
        assertThat(read(invited, "$.status")).isEqualTo("INVITED");
        Mailbox mailbox = Mailbox.at(context.getBean(MailProperties.class).dir(), OutboxDelivery.of(context));
        String secret = mailbox.awaitLast(person.email, "invited", 1).secretOf("/invitations/");
        HttpResponse<byte[]> accepted = person.call("POST", "/api/v1/invitations/" + secret + "/accept");
        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(201);
    }

    /** The same with an address (in no group's domain), where an invitation reaches it. */
    private Person anInvitablePerson(String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@customers.test";
        UUID id = server.bean(AccountRegistration.class).register(username, PASSWORD, null, email);
        return new Person(id, tokenOf(username), email);
    }

    /** An API token made with the account's password through the API. */
    private String tokenOf(String username) {
        HttpResponse<byte[]> token = send(HttpRequest.newBuilder(server.url("/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"%s\",\"password\":\"%s\",\"name\":\"spot checks\"}"
                                .formatted(username, PASSWORD))));
        assertThat(token.statusCode()).as(text(token)).isEqualTo(201);
        return read(token, "$.token");
    }

    /**
     * The same for an account about to create a group: its admin must use MFA, so the account enrols TOTP
     * and acts with a token made with its password and a code.
     */
    private Person anAdminToBe(String name) {
        UUID id = UUID.randomUUID();
        String username = anAccount(name, id);
        return new Person(
                id,
                TestMfa.enrol(client, server::url, clock, username, PASSWORD).token("spot checks", ""),
                null);
    }

    private String anAccount(String name, UUID id) {
        String username = name + "-" + id.toString().substring(0, 8);
        server.signingIn(id, username, PASSWORD, null);
        return username;
    }

    /** A person calling the API with their own bearer token. */
    private final class Person {

        final UUID id;
        final String email;
        private final String token;

        Person(UUID id, String token, String email) {
            this.id = id;
            this.token = token;
            this.email = email;
        }

        HttpResponse<byte[]> call(String method, String path) {
            return send(authorized(path).method(method, HttpRequest.BodyPublishers.noBody()));
        }

        HttpResponse<byte[]> json(String method, String path, String json) {
            return send(authorized(path)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<byte[]> upload(String style, String filename, byte[] body) {
            return send(authorized("/api/v1/styles/" + style + "/versions?filename=" + filename)
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        private HttpRequest.Builder authorized(String path) {
            return HttpRequest.newBuilder(server.url(path)).header("Authorization", "Bearer " + token);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void problem(HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static String created(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
        return read(response, "$.id");
    }

    private static String read(HttpResponse<byte[]> response, String path) {
        return JsonPath.read(text(response), path);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
