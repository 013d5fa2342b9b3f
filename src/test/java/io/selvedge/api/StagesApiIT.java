package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.created;
import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.collab.ApprovalRecorded;
import io.selvedge.content.StagesDefined;
import io.selvedge.content.StyleStageMoved;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls.Tree;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Workflow stages through the API (issue 21): the defaults, a group's own list (renamed, reordered, added to,
 * names encrypted), moves allowed and refused by the stage's roles, a style's history of moves, the grid's
 * filter by stage, and approvals left as they were.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class StagesApiIT extends AsACustomerAdmin {

    @Autowired
    Stores stores;

    @Autowired
    ApplicationEvents events;

    @Test
    void aGroupStartsWithTheDefaultStagesAndANewStyleInTheFirst() throws Exception {
        Tree tree = api.aTree(admin, "eu");

        api.as(admin, get("/api/v1/groups/" + tree.group() + "/stages"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id")
                        .value(contains(
                                "in-development",
                                "proto",
                                "fit",
                                "sales-sample",
                                "approved-for-production",
                                "dropped")))
                .andExpect(jsonPath("$.items[0].name").value("In development"))
                .andExpect(jsonPath("$.items[4].roles").value(contains("GROUP_ADMIN", "COMPANY_ADMIN", "BRAND_ADMIN")));
        api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Coat\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stage").value("in-development"));
    }

    @Test
    void anAdminRenamesReordersAndAddsStagesWhoseNamesRestEncrypted() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String marker = "Wash " + UUID.randomUUID().toString().substring(0, 8);

        String answer = api.as(
                        admin,
                        put("/api/v1/groups/" + tree.group() + "/stages"),
                        "{\"stages\": ["
                                + "{\"id\": \"proto\", \"name\": \"First proto\", \"colour\": \"#112233\","
                                + " \"roles\": [\"EDITOR\", \"BRAND_ADMIN\"]},"
                                + "{\"id\": \"in-development\", \"name\": \"Sketch\", \"colour\": \"#445566\","
                                + " \"roles\": [\"GROUP_ADMIN\"]},"
                                + "{\"name\": \"" + marker
                                + "\", \"colour\": \"#AABBCC\", \"roles\": [\"COMPANY_ADMIN\"]}"
                                + "]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name").value(contains("First proto", "Sketch", marker)))
                .andExpect(jsonPath("$.items[2].colour").value("#aabbcc"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String added = JsonPath.read(answer, "$.items[2].id");

        api.as(admin, get("/api/v1/groups/" + tree.group() + "/stages"), null)
                .andExpect(jsonPath("$.items[*].id").value(contains("proto", "in-development", added)))
                .andExpect(jsonPath("$.items[0].roles").value(contains("BRAND_ADMIN", "EDITOR")));
        // The first stage is where a new style starts.
        api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Coat\"}")
                .andExpect(jsonPath("$.stage").value("proto"));
        List<String> stored = new JdbcTemplate(stores.region("eu").dataSource())
                .queryForList(
                        "select name from content_stage where group_id = ?",
                        String.class,
                        UUID.fromString(tree.group()));
        assertThat(stored).hasSize(3).noneMatch(name -> name.contains("Wash") || name.contains("Sketch"));
        assertThat(events.stream(StagesDefined.class))
                .anyMatch(e -> e.groupId().toString().equals(tree.group())
                        && e.stageIds().equals(List.of("proto", "in-development", added)));
    }

    @Test
    void aListThatIsNoListOfStagesIsRefusedAndAStageStylesAreInStays() throws Exception {
        Tree tree = api.aTree(admin, "us");
        String uri = "/api/v1/groups/" + tree.group() + "/stages";
        for (String bad : List.of(
                "{\"stages\": []}",
                "{}",
                "{\"stages\": [{\"name\": \"A\", \"colour\": \"red\", \"roles\": [\"EDITOR\"]}]}",
                "{\"stages\": [{\"name\": \"A\", \"colour\": \"#000000\", \"roles\": []}]}",
                "{\"stages\": [{\"name\": \"A\", \"colour\": \"#000000\", \"roles\": [\"GROUP_OPERATOR\"]}]}",
                "{\"stages\": [{\"name\": \"A\", \"colour\": \"#000000\", \"roles\": [\"VIEWER\"]}]}",
                "{\"stages\": [{\"name\": \"A\\u0007\", \"colour\": \"#000000\", \"roles\": [\"EDITOR\"]}]}",
                "{\"stages\": [{\"id\": \"nope\", \"name\": \"A\", \"colour\": \"#000000\", \"roles\": [\"EDITOR\"]}]}",
                "{\"stages\": [{\"name\": \"A\", \"colour\": \"#000000\", \"roles\": [\"EDITOR\"]},"
                        + " {\"name\": \"a\", \"colour\": \"#000000\", \"roles\": [\"EDITOR\"]}]}",
                "{\"stages\": [{\"name\": \"" + "x".repeat(61)
                        + "\", \"colour\": \"#000000\", \"roles\": [\"EDITOR\"]}]}")) {
            problem(api.as(admin, put(uri), bad), 400);
        }
        created(api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Coat\"}"));

        // Every default but the one the style is in: refused, nothing changed.
        problem(
                api.as(
                        admin,
                        put(uri),
                        "{\"stages\": [{\"id\": \"proto\", \"name\": \"Proto\", \"colour\": \"#000000\","
                                + " \"roles\": [\"EDITOR\"]}]}"),
                409);
        api.as(admin, get(uri), null).andExpect(jsonPath("$.items.length()").value(6));
    }

    @Test
    void aMoveIsAllowedOnlyToRolesTheStageAdmitsAndTheHistoryShowsEachMove() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = created(
                api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Parka\"}"));
        String other = created(
                api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"Anorak\"}"));
        Account editor = api.granted(admin, tree.workroom(), Role.EDITOR);
        Account viewer = api.granted(admin, tree.workroom(), Role.VIEWER);
        Account brandAdmin = api.granted(admin, tree.brand(), Role.BRAND_ADMIN);
        api.as(admin, post("/api/v1/styles/" + style + "/approval"), "{\"status\": \"APPROVED\", \"note\": \"\"}")
                .andExpect(status().isCreated());

        api.as(editor, put("/api/v1/styles/" + style + "/stage"), "{\"stage\": \"proto\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("proto"));
        problem(api.as(editor, put("/api/v1/styles/" + style + "/stage"), "{\"stage\": \"fit\"}"), 403);
        problem(api.as(viewer, put("/api/v1/styles/" + style + "/stage"), "{\"stage\": \"proto\"}"), 403);
        problem(api.as(editor, put("/api/v1/styles/" + style + "/stage"), "{\"stage\": \"no-such-stage\"}"), 400);
        api.as(brandAdmin, put("/api/v1/styles/" + style + "/stage"), "{\"stage\": \"approved-for-production\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("approved-for-production"))
                // Approvals are their own: a stage changes none.
                .andExpect(jsonPath("$.status").value("APPROVED"));

        api.as(viewer, get("/api/v1/styles/" + style + "/stage-moves"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].to").value(contains("approved-for-production", "proto")))
                .andExpect(jsonPath("$.items[*].from").value(contains("proto", "in-development")))
                .andExpect(jsonPath("$.items[*].by")
                        .value(contains(brandAdmin.id().toString(), editor.id().toString())));
        api.as(admin, get("/api/v1/styles/" + style + "/approvals"), null)
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].status").value("APPROVED"));
        api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/styles?stage=approved-for-production"), null)
                .andExpect(jsonPath("$.items[*].id").value(contains(style)));
        api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/styles?stage=in-development"), null)
                .andExpect(jsonPath("$.items[*].id").value(contains(other)));
        assertThat(events.stream(StyleStageMoved.class)
                        .filter(e -> e.styleId().toString().equals(style)))
                .extracting(StyleStageMoved::toStage)
                .containsExactly("proto", "approved-for-production");
        assertThat(events.stream(ApprovalRecorded.class)).hasSize(1);
    }
}
