package io.selvedge.content;

import static io.selvedge.testing.ApiCalls.created;
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
import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.collab.ColorwayApprovalRecorded;
import io.selvedge.testing.ApiCalls.Tree;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A style's colorways through the API: made, listed, renamed, recoloured and deleted by those who may edit
 * the style, approved one by one by those who may approve, each change on the group's trail; comments
 * tagged with a colorway and listed by it; bad input refused with a problem document.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class ColorwaysApiIT extends AsACustomerAdmin {

    @Autowired
    ApplicationEvents events;

    @Autowired
    AuditTrail trail;

    @Test
    void anEditorMakesColorwaysAnApproverApprovesEachAndAViewerOnlySeesThem() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = aStyle(tree.workroom(), "Boxy tee");
        Customers.Account editor = api.granted(admin, tree.workroom(), Role.EDITOR);
        Customers.Account viewer = api.granted(admin, tree.workroom(), Role.VIEWER);
        Customers.Account approver = api.granted(admin, tree.brand(), Role.BRAND_COLLABORATOR);
        String colorways = "/api/v1/styles/" + style + "/colorways";

        String ecru = created(api.as(editor, post(colorways), "{\"name\": \" Ecru \", \"swatch\": \"#E8DCC2\"}")
                .andExpect(jsonPath("$.name").value("Ecru"))
                .andExpect(jsonPath("$.swatch").value("#e8dcc2"))
                .andExpect(jsonPath("$.status").value("IN_REVIEW")));
        String rust = created(api.as(editor, post(colorways), "{\"name\": \"Rust\", \"swatch\": \"#8c2a10\"}"));
        problem(api.as(viewer, post(colorways), "{\"name\": \"Sage\", \"swatch\": \"#9caf88\"}"), 403);

        api.as(viewer, get(colorways), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains("Ecru", "Rust")))
                .andExpect(jsonPath("$.nextCursor").isEmpty());
        String page = api.as(viewer, get(colorways + "?limit=1"), null)
                .andExpect(jsonPath("$.items.length()").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        api.as(viewer, get(colorways + "?limit=1&cursor=" + JsonPath.read(page, "$.nextCursor")), null)
                .andExpect(jsonPath("$.items[0].id").value(rust));

        api.as(editor, patch(colorways + "/" + rust), "{\"name\": \"Brick\", \"swatch\": \"#a0402a\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Brick"))
                .andExpect(jsonPath("$.swatch").value("#a0402a"));
        problem(api.as(viewer, patch(colorways + "/" + rust), "{\"name\": \"Mine\"}"), 403);

        problem(api.as(editor, post(colorways + "/" + ecru + "/approval"), "{\"status\": \"APPROVED\"}"), 403);
        api.as(
                        approver,
                        post(colorways + "/" + ecru + "/approval"),
                        "{\"status\": \"APPROVED\", \"note\": \"Lab dip ok\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.colorwayId").value(ecru))
                .andExpect(jsonPath("$.status").value("APPROVED"));
        api.as(
                        approver,
                        post(colorways + "/" + rust + "/approval"),
                        "{\"status\": \"REJECTED\", \"note\": \"Too dark\"}")
                .andExpect(status().isCreated());

        api.as(viewer, get(colorways + "/" + ecru), null)
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.statusBy").value(approver.id().toString()));
        api.as(viewer, get(colorways + "/" + rust), null)
                .andExpect(jsonPath("$.status").value("REJECTED"));
        api.as(viewer, get(colorways + "/" + ecru + "/approvals"), null)
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].note").value("Lab dip ok"));
        // The style's own status and history are its own: the colorways' decisions are theirs.
        api.as(viewer, get("/api/v1/styles/" + style), null)
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
        api.as(viewer, get("/api/v1/styles/" + style + "/approvals"), null)
                .andExpect(jsonPath("$.length()").value(0));

        problem(api.as(viewer, delete(colorways + "/" + rust), null), 403);
        api.as(editor, delete(colorways + "/" + rust), null).andExpect(status().isNoContent());
        problem(api.as(viewer, get(colorways + "/" + rust), null), 404);
        api.as(viewer, get(colorways), null)
                .andExpect(jsonPath("$.items.length()").value(1));

        UUID colorway = UUID.fromString(ecru);
        assertThat(events.stream(ColorwayCreated.class)
                        .filter(e -> e.styleId().toString().equals(style)))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.versionId()).isNull());
        assertThat(events.stream(ColorwayChanged.class)
                        .filter(e -> e.colorwayId().toString().equals(rust)))
                .singleElement()
                .satisfies(e -> assertThat(e.fields()).isEqualTo(Set.of("name", "swatch")));
        assertThat(events.stream(ColorwayApprovalRecorded.class)
                        .filter(e -> e.colorwayId().equals(colorway)))
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo("APPROVED"));
        assertThat(events.stream(ColorwayDeleted.class)
                        .filter(e -> e.colorwayId().toString().equals(rust)))
                .hasSize(1);
        onTheTrail(UUID.fromString(tree.group()), UUID.fromString(style), editor.id(), "colorway.created");
        onTheTrail(UUID.fromString(tree.group()), UUID.fromString(style), editor.id(), "colorway.changed");
        onTheTrail(UUID.fromString(tree.group()), UUID.fromString(style), editor.id(), "colorway.deleted");
        onTheTrail(UUID.fromString(tree.group()), UUID.fromString(style), approver.id(), "colorway.approval");
    }

    @Test
    void commentsAreTaggedWithAColorwayAndListedByIt() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = aStyle(tree.workroom(), "Chore coat");
        String other = aStyle(tree.workroom(), "Overshirt");
        String indigo = aColorway(style, "Indigo", "#2a3d73");
        String elsewhere = aColorway(other, "Indigo", "#2a3d73");
        String comments = "/api/v1/styles/" + style + "/comments";

        created(api.as(
                        admin,
                        post(comments),
                        "{\"body\": \"Indigo bleeds on the topstitch\", \"colorwayId\": \"" + indigo + "\"}")
                .andExpect(jsonPath("$.colorwayId").value(indigo)));
        created(api.as(admin, post(comments), "{\"body\": \"Pocket too low\"}"));

        api.as(admin, get(comments + "?colorway=" + indigo), null)
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].body").value("Indigo bleeds on the topstitch"));
        api.as(admin, get(comments), null)
                .andExpect(jsonPath("$.items.length()").value(2));
        // Another style's colorway is no colorway of this style.
        problem(api.as(admin, post(comments), "{\"body\": \"x\", \"colorwayId\": \"" + elsewhere + "\"}"), 404);
        problem(api.as(admin, get(comments + "?colorway=not-an-id"), null), 400);
    }

    @Test
    void badColorwaysAreRefusedWithAProblemDocument() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = aStyle(tree.workroom(), "Parka");
        String colorways = "/api/v1/styles/" + style + "/colorways";
        String sand = aColorway(style, "Sand", "#c2b280");

        for (String swatch : List.of("c2b280", "#c2b28", "#c2b2801", "#gggggg", "red", "")) {
            problem(api.as(admin, post(colorways), "{\"name\": \"Ochre\", \"swatch\": \"" + swatch + "\"}"), 400);
        }
        problem(api.as(admin, post(colorways), "{\"swatch\": \"#c2b280\"}"), 400);
        problem(api.as(admin, post(colorways), "{\"name\": \"   \", \"swatch\": \"#c2b280\"}"), 400);
        problem(
                api.as(admin, post(colorways), "{\"name\": \"" + "x".repeat(101) + "\", \"swatch\": \"#c2b280\"}"),
                400);
        problem(api.as(admin, post(colorways), "{\"name\": \"Na\\u0000me\", \"swatch\": \"#c2b280\"}"), 400);
        problem(api.as(admin, post(colorways), "{\"name\": \"SAND\", \"swatch\": \"#000000\"}"), 409);
        problem(api.as(admin, post(colorways), "{"), 400);
        // An image is an image version of this style: a 3D file is not one, nor is an unknown id.
        String model = created(api.asBytes(
                admin, post("/api/v1/styles/" + style + "/versions?filename=parka.zprj"), new byte[] {1, 2, 3}));
        problem(
                api.as(
                        admin,
                        post(colorways),
                        "{\"name\": \"Ochre\", \"swatch\": \"#cc7722\", \"imageVersionId\": \"" + model + "\"}"),
                400);
        problem(
                api.as(admin, patch(colorways + "/" + sand), "{\"imageVersionId\": \"" + UUID.randomUUID() + "\"}"),
                400);
        problem(api.as(admin, patch(colorways + "/" + sand), "{}"), 400);
        problem(api.as(admin, patch(colorways + "/" + UUID.randomUUID()), "{\"name\": \"Dune\"}"), 404);
        problem(api.as(admin, post(colorways + "/" + sand + "/approval"), "{\"status\": \"MAYBE\"}"), 400);
        problem(api.as(admin, get(colorways + "?limit=0"), null), 400);
        problem(api.as(admin, get(colorways + "/not-an-id"), null), 400);
        api.as(admin, get(colorways + "/" + sand), null)
                .andExpect(jsonPath("$.name").value("Sand"));
    }

    private void onTheTrail(UUID group, UUID style, UUID actor, String action) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            List<AuditEntry> entries = trail.find(group, AuditFilter.all(), AuditTrail.LONGEST_PAGE, null)
                    .entries();
            boolean found = entries.stream()
                    .anyMatch(e -> e.action().equals(action)
                            && style.toString().equals(e.targetId())
                            && actor.toString().equals(e.actorId()));
            if (found || Instant.now().isAfter(giveUp)) {
                assertThat(found).as("%s by %s on the trail", action, actor).isTrue();
                return;
            }
            Thread.sleep(50); // the trail is written after the commit, by its listener
        }
    }

    private String aStyle(String workroom, String name) throws Exception {
        return created(api.as(
                admin,
                post("/api/v1/workrooms/" + workroom + "/styles"),
                "{\"name\": \"" + name + "\", \"tags\": []}"));
    }

    private String aColorway(String style, String name, String swatch) throws Exception {
        return created(api.as(
                admin,
                post("/api/v1/styles/" + style + "/colorways"),
                "{\"name\": \"" + name + "\", \"swatch\": \"" + swatch + "\"}"));
    }
}
