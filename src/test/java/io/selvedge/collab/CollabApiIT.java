package io.selvedge.collab;

import static io.selvedge.testing.ApiCalls.created;
import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import io.selvedge.access.Role;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls.Tree;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.Customers;
import io.selvedge.testing.Outboxes;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Comments, approvals, follows, notifications, search and share links through the API and the link page. */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class CollabApiIT extends AsACustomerAdmin {

    /** Every page a link's recipient sees is kept out of search engines, whatever it says. */
    static final String UNINDEXED = "<meta name=\"robots\" content=\"noindex, nofollow\">";

    @Autowired
    Stores stores;

    @Autowired
    ApplicationEvents events;

    @Autowired
    io.selvedge.platform.PlatformProperties platform;

    Instant started;

    @BeforeEach
    void started() {
        started = Instant.now().minusSeconds(1);
    }

    @Test
    void commentsArePostedPinnedPagedResolvedEditedAndDeletedByWhoMay() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = aStyle(tree.workroom(), "Denim jacket", "denim", "");
        Customers.Account viewer = api.granted(admin, tree.workroom(), Role.VIEWER);
        Customers.Account editor = api.granted(admin, tree.workroom(), Role.EDITOR);

        String first = created(api.as(
                        viewer,
                        post("/api/v1/styles/" + style + "/comments"),
                        "{\"body\": \"Collar too wide\", \"pin\": {\"x\": 1.5, \"y\": -2, \"z\": 0.25}}")
                .andExpect(jsonPath("$.pin.z").value(0.25))
                .andExpect(jsonPath("$.authorId").value(viewer.id().toString())));
        String second = created(api.as(
                editor,
                post("/api/v1/styles/" + style + "/comments"),
                "{\"body\": \"Check the label\", \"imagePin\": {\"x\": 10, \"y\": 20}}"));
        created(api.as(admin, post("/api/v1/styles/" + style + "/comments"), "{\"body\": \"Third\"}"));

        String page = api.as(viewer, get("/api/v1/styles/" + style + "/comments?limit=2"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].body").value("Collar too wide"))
                .andExpect(jsonPath("$.items[1].imagePin.y").value(20.0))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String cursor = JsonPath.read(page, "$.nextCursor");
        api.as(viewer, get("/api/v1/styles/" + style + "/comments?limit=2&cursor=" + cursor), null)
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].body").value("Third"))
                .andExpect(jsonPath("$.nextCursor").isEmpty());

        api.as(editor, patch("/api/v1/comments/" + first), "{\"resolved\": true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resolved").value(true))
                .andExpect(jsonPath("$.resolvedBy").value(editor.id().toString()));
        api.as(viewer, get("/api/v1/styles/" + style + "/comments?resolved=false"), null)
                .andExpect(jsonPath("$.items.length()").value(2));
        problem(api.as(editor, patch("/api/v1/comments/" + first), "{\"body\": \"not mine\"}"), 403);
        api.as(viewer, patch("/api/v1/comments/" + first), "{\"body\": \"Collar a bit wide\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body").value("Collar a bit wide"));

        problem(api.as(viewer, delete("/api/v1/comments/" + second), null), 403);
        api.as(admin, delete("/api/v1/comments/" + second), null).andExpect(status().isNoContent());
        api.as(viewer, delete("/api/v1/comments/" + first), null).andExpect(status().isNoContent());
        api.as(viewer, get("/api/v1/styles/" + style + "/comments"), null)
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].body").value("Third"));
        problem(api.as(customers.aCustomer("stranger"), get("/api/v1/styles/" + style + "/comments"), null), 404);
        problem(api.as(admin, patch("/api/v1/comments/" + first), "{\"resolved\": false}"), 404);
        assertThat(events.stream(CommentPosted.class)
                        .filter(e -> e.styleId().toString().equals(style)))
                .hasSize(3);
        assertThat(events.stream(CommentDeleted.class))
                .anyMatch(e -> e.commentId().toString().equals(second)
                        && e.auditActor().equals(AuditActor.account(admin.id())));
    }

    @Test
    void badCommentsAreProblems() throws Exception {
        Tree tree = api.aTree(admin, "us");
        String style = aStyle(tree.workroom(), "Parka", "x", "");
        String url = "/api/v1/styles/" + style + "/comments";
        problem(api.as(admin, post(url), "{\"body\": \"\"}"), 400);
        problem(api.as(admin, post(url), "{\"body\": \"a\\u0000b\"}"), 400);
        problem(api.as(admin, post(url), "{\"body\": \"" + "x".repeat(10_001) + "\"}"), 400);
        problem(api.as(admin, post(url), "{\"body\": \"b\", \"pin\": {\"x\": 1e400, \"y\": 0, \"z\": 0}}"), 400);
        problem(api.as(admin, post(url), "{\"body\": \"b\", \"pin\": {\"x\": 2000001, \"y\": 0, \"z\": 0}}"), 400);
        problem(api.as(admin, post(url), "{\"body\": \"b\", \"pin\": {\"x\": 1, \"y\": 0}}"), 400);
        problem(api.as(admin, post(url), "{\"body\": \"b\", \"imagePin\": {\"x\": 1, \"y\": 0, \"z\": 3}}"), 400);
        problem(
                api.as(
                        admin,
                        post(url),
                        "{\"body\": \"b\", \"pin\": {\"x\": 1, \"y\": 0, \"z\": 0}, \"imagePin\": {\"x\": 1, \"y\": 0}}"),
                400);
        problem(api.as(admin, post(url), "{\"body\": \"b\", \"versionId\": \"" + UUID.randomUUID() + "\"}"), 404);
        problem(api.as(admin, get(url + "?cursor=nonsense"), null), 400);
        problem(api.as(admin, get(url + "?limit=0"), null), 400);
    }

    @Test
    void aMentionNotifiesOnlyPeopleWhoCanSeeTheStyleAndRevealsNothing() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = aStyle(tree.workroom(), "Shirt", "cotton", "");
        Customers.Account viewer = api.granted(admin, tree.workroom(), Role.VIEWER);
        Customers.Account outsider = customers.aCustomer("outsider");
        settled();
        api.as(viewer, post("/api/v1/me/notifications/read"), null)
                .andExpect(jsonPath("$.marked").value(1));

        String mentioningViewer = api.as(
                        admin,
                        post("/api/v1/styles/" + style + "/comments"),
                        "{\"body\": \"@" + viewer.username() + ", see the cuff\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String mentioningOutsider = api.as(
                        admin,
                        post("/api/v1/styles/" + style + "/comments"),
                        "{\"body\": \"@" + outsider.username() + ", see the cuff\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(mentioningOutsider, "$.body")).contains(outsider.username());
        assertThat(mentioningOutsider).doesNotContain(outsider.id().toString());
        assertThat(JsonPath.<String>read(mentioningViewer, "$.body")).contains(viewer.username());

        settled();
        api.as(viewer, get("/api/v1/me/notifications"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(1))
                .andExpect(
                        jsonPath("$.items[?(@.read == false)].kind").value(org.hamcrest.Matchers.contains("MENTION")))
                .andExpect(
                        jsonPath("$.items[?(@.read == false)].targetId").value(org.hamcrest.Matchers.contains(style)))
                .andExpect(jsonPath("$.items[?(@.read == false)].text")
                        .value(org.hamcrest.Matchers.contains("You were mentioned in a comment on Shirt")));
        settled();
        api.as(outsider, get("/api/v1/me/notifications"), null)
                .andExpect(jsonPath("$.unread").value(0))
                .andExpect(jsonPath("$.items.length()").value(0));
        settled();
        api.as(viewer, post("/api/v1/me/notifications/read"), null)
                .andExpect(jsonPath("$.marked").value(1))
                .andExpect(jsonPath("$.unread").value(0));
        assertThat(events.stream(CommentPosted.class))
                .anyMatch(e -> e.mentioned().equals(java.util.Set.of(viewer.id())))
                .noneMatch(e -> e.mentioned().contains(outsider.id()));

        settled();
        Integer stored = new JdbcTemplate(stores.global().dataSource())
                .queryForObject(
                        "select count(*) from collab_notification where account_id = ? and kind = 'MENTION'",
                        Integer.class,
                        viewer.id());
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void approvalsNeedTheirPermissionKeepAHistoryAndNotifyFollowers() throws Exception {
        Tree tree = api.aTree(admin, "apac");
        String style = aStyle(tree.workroom(), "Trench", "x", "");
        Customers.Account viewer = api.granted(admin, tree.workroom(), Role.VIEWER);
        Customers.Account editor = api.granted(admin, tree.workroom(), Role.EDITOR);
        api.as(viewer, put("/api/v1/styles/" + style + "/follow"), null).andExpect(status().isNoContent());
        settled();
        api.as(viewer, post("/api/v1/me/notifications/read"), null)
                .andExpect(jsonPath("$.unread").value(0));

        problem(api.as(editor, post("/api/v1/styles/" + style + "/approval"), "{\"status\": \"APPROVED\"}"), 403);
        problem(api.as(viewer, post("/api/v1/styles/" + style + "/approval"), "{\"status\": \"APPROVED\"}"), 403);
        problem(api.as(admin, post("/api/v1/styles/" + style + "/approval"), "{\"status\": \"MAYBE\"}"), 400);
        api.as(
                        admin,
                        post("/api/v1/styles/" + style + "/approval"),
                        "{\"status\": \"REJECTED\", \"note\": \"Hem uneven\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        api.as(admin, post("/api/v1/styles/" + style + "/approval"), "{\"status\": \"APPROVED\", \"note\": \"Fixed\"}")
                .andExpect(status().isCreated());

        api.as(viewer, get("/api/v1/styles/" + style), null)
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.statusBy").value(admin.id().toString()));
        api.as(viewer, get("/api/v1/styles/" + style + "/approvals"), null)
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].status").value("APPROVED"))
                .andExpect(jsonPath("$[1].note").value("Hem uneven"));
        settled();
        api.as(viewer, get("/api/v1/me/notifications"), null)
                .andExpect(jsonPath("$.unread").value(2))
                .andExpect(jsonPath("$.items[?(@.read == false)].kind")
                        .value(org.hamcrest.Matchers.contains("APPROVAL", "APPROVAL")));
        String note = new JdbcTemplate(stores.region("apac").dataSource())
                .queryForObject(
                        "select note from collab_approval where style_id = ? and status = 'REJECTED'",
                        String.class,
                        UUID.fromString(style));
        assertThat(note).doesNotContain("Hem");
        assertThat(events.stream(ApprovalRecorded.class)
                        .filter(e -> e.styleId().toString().equals(style)))
                .hasSize(2);

        api.as(viewer, delete("/api/v1/styles/" + style + "/follow"), null).andExpect(status().isNoContent());
        api.as(admin, post("/api/v1/styles/" + style + "/approval"), "{\"status\": \"IN_REVIEW\"}")
                .andExpect(status().isCreated());
        settled();
        api.as(viewer, get("/api/v1/me/notifications"), null)
                .andExpect(jsonPath("$.unread").value(2));
    }

    @Test
    void eachPersonChoosesWhichKindsComeByEmail() throws Exception {
        Customers.Account someone = customers.aCustomer("someone");
        api.as(someone, get("/api/v1/me/notification-settings"), null)
                .andExpect(jsonPath("$.MENTION").value(true))
                .andExpect(jsonPath("$.SHARE").value(true));
        api.as(someone, put("/api/v1/me/notification-settings"), "{\"mention\": false, \"NEW_VERSION\": false}")
                .andExpect(jsonPath("$.MENTION").value(false))
                .andExpect(jsonPath("$.NEW_VERSION").value(false))
                .andExpect(jsonPath("$.APPROVAL").value(true));
        api.as(someone, get("/api/v1/me/notification-settings"), null)
                .andExpect(jsonPath("$.MENTION").value(false));
        problem(api.as(someone, put("/api/v1/me/notification-settings"), "{\"gossip\": true}"), 400);
    }

    @Test
    void aShareWithSomeoneNotifiesThem() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        Customers.Account viewer = api.granted(admin, tree.workroom(), Role.VIEWER);
        settled();
        api.as(viewer, get("/api/v1/me/notifications"), null)
                .andExpect(jsonPath("$.items[0].kind").value("SHARE"))
                .andExpect(jsonPath("$.items[0].text").value("Denim was shared with you"));
    }

    @Test
    void searchFindsNamesTagsAndDescriptionWordsAmongWhatTheCallerMaySee() throws Exception {
        Tree tree = api.aTree(admin, "us");
        String jacket = aStyle(tree.workroom(), "Denim jacket", "outerwear", "Raw selvedge denim");
        String jeans = aStyle(tree.workroom(), "Straight jeans", "denim", "Five pockets");
        aStyle(tree.workroom(), "Linen shirt", "summer", "Light");
        Customers.Account guest = api.granted(admin, jeans, Role.VIEWER);
        String url = "/api/v1/groups/" + tree.group() + "/search?q=";

        String found = api.as(admin, get(url + "DENIM"), null)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(found, "$.items[*].id")).containsExactly(jacket, jeans);
        api.as(admin, get(url + "selv"), null)
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(jacket));
        api.as(admin, get(url + "denim+pockets"), null)
                .andExpect(jsonPath("$.items[0].id").value(jeans));
        api.as(admin, get(url + "summer"), null)
                .andExpect(jsonPath("$.items[0].name").value("Linen shirt"));
        api.as(admin, get(url + "velvet"), null)
                .andExpect(jsonPath("$.items.length()").value(0));
        api.as(guest, get(url + "denim"), null)
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(jeans));
        problem(api.as(admin, get(url + "+++"), null), 400);
        problem(api.as(customers.aCustomer("stranger"), get(url + "denim"), null), 404);
    }

    @Test
    void aShareLinkOpensAReadOnlyPageUntilItIsRevokedOrExpires() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = aStyle(tree.workroom(), "Bomber", "x", "Quilted lining");
        byte[] model = "glTF-binary-model".getBytes(StandardCharsets.UTF_8);
        String glb =
                created(api.asBytes(admin, post("/api/v1/styles/" + style + "/versions?filename=bomber.glb"), model));
        Customers.Account viewer = api.granted(admin, tree.workroom(), Role.VIEWER);
        Instant inADay = Instant.now().plus(1, ChronoUnit.DAYS);

        problem(api.as(viewer, post("/api/v1/styles/" + style + "/links"), link(inADay, null, false)), 403);
        problem(api.as(admin, post("/api/v1/styles/" + style + "/links"), "{\"allowDownload\": false}"), 400);
        problem(
                api.as(
                        admin,
                        post("/api/v1/styles/" + style + "/links"),
                        link(Instant.now().plus(91, ChronoUnit.DAYS), null, false)),
                400);
        problem(api.as(admin, post("/api/v1/styles/" + style + "/links"), link(inADay, "short", false)), 400);
        String body = api.as(admin, post("/api/v1/styles/" + style + "/links"), link(inADay, null, false))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        String address = JsonPath.read(body, "$.url");
        assertThat(address).startsWith(platform.publicUrl() + "/s/");
        String url = path(address);
        String token = url.substring("/s/".length());
        assertThat(token).hasSize(43);

        api.as(admin, get("/api/v1/styles/" + style + "/links"), null)
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].passwordProtected").value(false));
        String listed = api.as(admin, get("/api/v1/styles/" + style + "/links"), null)
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listed).doesNotContain(token);

        mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("X-Robots-Tag", "noindex, nofollow"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bomber")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Quilted lining")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("noindex")))
                // Scripts only from the application: the 3D viewer's module and its import map (allowed by
                // hash in the CSP), nothing else inline.
                .andExpect(
                        content()
                                .string(
                                        org.hamcrest.Matchers.not(
                                                org.hamcrest.Matchers.matchesPattern(
                                                        "(?s).*<script(?! type=\"importmap\">\\{\"imports\"| type=\"module\" src=\"/js/viewer\\.js\"></script>).*"))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("src=\"/js/viewer.js\"")));
        byte[] previewed = mvc.perform(get(url + "/versions/" + glb + "/preview"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(previewed).isEqualTo(model);
        mvc.perform(get(url + "/versions/" + glb + "/content"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(UNINDEXED)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("cannot be downloaded")));
        mvc.perform(get(url + "/versions/" + UUID.randomUUID() + "/preview")).andExpect(status().isNotFound());
        assertThat(events.stream(LinkUsed.class)
                        .filter(e -> e.linkId().toString().equals(id)))
                .extracting(LinkUsed::use)
                .contains("opened", "preview", "refused");
        assertThat(events.stream(LinkUsed.class)
                        .filter(e -> e.linkId().toString().equals(id)))
                .allMatch(e -> e.auditActor().equals(io.selvedge.platform.AuditActor.link(UUID.fromString(id))));

        String stored = new JdbcTemplate(stores.region("eu").dataSource())
                .queryForObject("select token_hash from collab_link where id = ?", String.class, UUID.fromString(id));
        assertThat(stored).isNotEqualTo(token).hasSize(64);

        problem(api.as(viewer, delete("/api/v1/links/" + id), null), 403);
        api.as(admin, delete("/api/v1/links/" + id), null).andExpect(status().isNoContent());
        mvc.perform(get(url)).andExpect(status().isNotFound());
        mvc.perform(get(url + "/versions/" + glb + "/preview")).andExpect(status().isNotFound());
        problem(api.as(admin, delete("/api/v1/links/" + id), null), 404);
        api.as(admin, get("/api/v1/styles/" + style + "/links"), null)
                .andExpect(jsonPath("$.length()").value(0));
        assertThat(events.stream(LinkCreated.class))
                .anyMatch(e -> e.linkId().toString().equals(id));
        assertThat(events.stream(LinkRevoked.class))
                .anyMatch(e -> e.linkId().toString().equals(id));

        String other = path(JsonPath.read(
                api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/links"), link(inADay, null, true))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.url"));
        mvc.perform(get(other))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bomber")));
        mvc.perform(get(other + "/versions/" + glb + "/content")).andExpect(status().isForbidden());
        mvc.perform(get(other + "/versions/" + glb + "/content").with(admin.caller()))
                .andExpect(status().isOk());
        new JdbcTemplate(stores.region("eu").dataSource())
                .update(
                        "update collab_link set expires_at = ? where target_id = ?",
                        Timestamp.from(Instant.now().minusSeconds(1)),
                        UUID.fromString(tree.workroom()));
        mvc.perform(get(other)).andExpect(status().isNotFound());
        mvc.perform(get("/s/" + "A".repeat(43)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(UNINDEXED)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("does not lead anywhere")));
    }

    @Test
    void aPasswordProtectedLinkAsksForItsPasswordAndSlowsDownGuessing() throws Exception {
        Tree tree = api.aTree(admin, "us");
        String style = aStyle(tree.workroom(), "Gilet", "x", "");
        String url = aLinkWithThePassword(style, "correct horse battery");
        mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("password")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(UNINDEXED)))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Gilet"))));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post(url).session(session).with(csrf()).param("password", "wrong password"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(url).session(session).with(csrf()).param("password", "correct horse battery"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Gilet")));
        mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Gilet")));
        mvc.perform(get(url))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Gilet"))));

        for (int i = 0; i < 5; i++) {
            mvc.perform(post(url).with(csrf()).param("password", "guess " + i)).andExpect(status().isUnauthorized());
        }
        mvc.perform(post(url).with(csrf()).param("password", "correct horse battery"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));

        String hash = new JdbcTemplate(stores.region("us").dataSource())
                .queryForObject(
                        "select password_hash from collab_link where target_id = ?",
                        String.class,
                        UUID.fromString(style));
        assertThat(hash).startsWith("$argon2id$").doesNotContain("horse");
    }

    @Test
    void aBurstOfThirtyLinkPasswordGuessesAfterTheFreeOnesGetsAtMostOneChecked() throws Exception {
        Tree tree = api.aTree(admin, "us");
        String style = aStyle(tree.workroom(), "Parka", "x", "");
        String url = aLinkWithThePassword(style, "correct horse battery");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post(url).with(csrf()).param("password", "guess " + i)).andExpect(status().isUnauthorized());
        }
        Thread.sleep(1100); // the first wait after the free guesses

        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String guess = "parallel guess " + i;
                answers.add(threads.submit(() -> {
                    go.await();
                    return mvc.perform(post(url).with(csrf()).param("password", guess))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses.stream().filter(status -> status == 401).count())
                    .as("passwords checked")
                    .isLessThanOrEqualTo(1);
            assertThat(statuses.stream().filter(status -> status == 429).count())
                    .isGreaterThanOrEqualTo(29);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Waits until the notification listeners (asynchronous, after the commit) have handled every event
     * published so far: their publications in the registry are all completed. A listener that fails
     * leaves its publication incomplete, and this fails the test.
     */
    private void settled() throws InterruptedException {
        Outboxes.awaitNotificationsSince(stores, started);
    }

    @Test
    void aLinkServesOnlyWhileItsOwnerMayStillShareOrOnceAnAdminTookItOver() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = aStyle(tree.workroom(), "Parka", "x", "Waxed cotton");
        Customers.Account editor = api.granted(admin, tree.workroom(), Role.EDITOR);
        Customers.Account anotherEditor =
                api.granted(admin, tree.workroom(), Role.EDITOR); // makes links, takes none over
        String body = api.as(
                        editor,
                        post("/api/v1/styles/" + style + "/links"),
                        link(Instant.now().plus(1, ChronoUnit.DAYS), null, false))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        String url = path(JsonPath.read(body, "$.url"));
        mvc.perform(get(url)).andExpect(status().isOk());
        api.as(admin, get("/api/v1/styles/" + style + "/links"), null)
                .andExpect(jsonPath("$[0].state").value("LIVE"))
                .andExpect(jsonPath("$[0].ownedBy").value(editor.id().toString()));

        // The editor's share is removed: the link stops serving, and its list says why.
        api.as(admin, delete("/api/v1/nodes/" + tree.workroom() + "/members/" + editor.id()), null)
                .andExpect(status().isNoContent());
        mvc.perform(get(url)).andExpect(status().isNotFound());
        api.as(admin, get("/api/v1/styles/" + style + "/links"), null)
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].state").value("SUSPENDED"))
                .andExpect(jsonPath("$[0].createdBy").value(editor.id().toString()))
                .andExpect(jsonPath("$[0].ownedBy").value(editor.id().toString()));

        // Only an admin takes it over (audited); it then serves again, answering to them.
        problem(api.as(anotherEditor, post("/api/v1/links/" + id + "/take-over"), null), 403);
        problem(api.as(editor, post("/api/v1/links/" + id + "/take-over"), null), 404);
        problem(api.as(admin, post("/api/v1/links/" + UUID.randomUUID() + "/take-over"), null), 404);
        api.as(admin, post("/api/v1/links/" + id + "/take-over"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("LIVE"))
                .andExpect(jsonPath("$.createdBy").value(editor.id().toString()))
                .andExpect(jsonPath("$.ownedBy").value(admin.id().toString()));
        assertThat(events.stream(LinkTakenOver.class))
                .anyMatch(taken -> taken.linkId().toString().equals(id)
                        && taken.previousOwner().equals(editor.id())
                        && taken.auditActor().equals(AuditActor.account(admin.id()))
                        && "link.taken-over".equals(taken.auditAction()));
        mvc.perform(get(url)).andExpect(status().isOk());
    }

    @Test
    void anotherGroupsVersionAndADeletedWorkroomAreNotFoundLikeNothing() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = aStyle(tree.workroom(), "Gilet", "x", "");
        Tree other = api.aTree(admin, "eu");
        String otherStyle = aStyle(other.workroom(), "Other", "x", "");
        String otherVersion = created(api.asBytes(
                admin,
                post("/api/v1/styles/" + otherStyle + "/versions?filename=other.glb"),
                "glTF-binary-model".getBytes(StandardCharsets.UTF_8)));
        String comments = "/api/v1/styles/" + style + "/comments";
        problem(api.as(admin, post(comments), "{\"body\": \"b\", \"versionId\": \"" + otherVersion + "\"}"), 404);
        problem(api.as(admin, post(comments), "{\"body\": \"b\", \"versionId\": \"" + UUID.randomUUID() + "\"}"), 404);

        Customers.Account person = api.anInvitableCustomer("person");
        String share = "/api/v1/nodes/" + style + "/members/" + person.id();
        api.grant(admin, style, person, Role.VIEWER, false, false);
        Instant inADay = Instant.now().plus(1, ChronoUnit.DAYS);
        api.as(admin, post("/api/v1/styles/" + style + "/links"), link(inADay, null, false))
                .andExpect(status().isCreated());
        api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/links"), link(inADay, null, false))
                .andExpect(status().isCreated());
        api.as(admin, get("/api/v1/styles/" + style + "/links"), null)
                .andExpect(jsonPath("$.length()").value(1));

        api.as(admin, delete("/api/v1/workrooms/" + tree.workroom()), null).andExpect(status().is2xxSuccessful());
        problem(api.as(admin, get("/api/v1/styles/" + style), null), 404);
        problem(api.as(admin, put(share), "{\"role\": \"EDITOR\"}"), 404);
        problem(
                api.as(
                        admin,
                        put("/api/v1/nodes/" + tree.workroom() + "/members/" + person.id()),
                        "{\"role\": \"VIEWER\"}"),
                404);
        problem(api.as(admin, get("/api/v1/styles/" + style + "/links"), null), 404);
        problem(api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/links"), null), 404);
        problem(api.as(admin, post("/api/v1/styles/" + style + "/links"), link(inADay, null, false)), 404);
    }

    /** The path of a link's address: the page as this server answers it. */
    /** The path of a new link to the style, for two days, that asks for the password. */
    private String aLinkWithThePassword(String style, String password) throws Exception {
        return path(JsonPath.read(
                api.as(
                                admin,
                                post("/api/v1/styles/" + style + "/links"),
                                link(Instant.now().plus(2, ChronoUnit.DAYS), password, false))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.url"));
    }

    private static String path(String address) {
        return java.net.URI.create(address).getPath();
    }

    private static String link(Instant expiresAt, String password, boolean allowDownload) {
        return "{\"expiresAt\": \"" + expiresAt + "\""
                + (password == null ? "" : ", \"password\": \"" + password + "\"")
                + ", \"allowDownload\": " + allowDownload + "}";
    }

    private String aStyle(String workroom, String name, String tag, String description) throws Exception {
        return created(api.as(
                admin,
                post("/api/v1/workrooms/" + workroom + "/styles"),
                "{\"name\": \"" + name + "\", \"tags\": [\"" + tag + "\"], \"description\": \"" + description + "\"}"));
    }
}
