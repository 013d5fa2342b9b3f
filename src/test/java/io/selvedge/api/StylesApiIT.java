package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.created;
import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.content.StyleChanged;
import io.selvedge.content.StyleCreated;
import io.selvedge.content.StyleDeleted;
import io.selvedge.content.StyleMoved;
import io.selvedge.content.StyleRestored;
import io.selvedge.content.Styles;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls.Tree;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Styles through the API: create, list (paging, sorting, filters), change, move, delete, restore, favourites. */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class StylesApiIT extends AsACustomerAdmin {

    @Autowired
    Stores stores;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Styles styles;

    @Test
    void aStyleIsCreatedReadChangedAndItsFieldsRestEncrypted() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = created(api.as(
                        admin,
                        post("/api/v1/workrooms/" + tree.workroom() + "/styles"),
                        "{\"name\": \" Denim jacket \", \"description\": \"Raw selvedge, 14oz\", \"tags\": [\"Denim\", \"denim\", \"outerwear\"]}")
                .andExpect(jsonPath("$.name").value("Denim jacket"))
                .andExpect(jsonPath("$.tags.length()").value(2))
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.workroomId").value(tree.workroom()))
                .andExpect(jsonPath("$.createdBy").value(admin.id().toString())));

        api.as(admin, get("/api/v1/styles/" + style), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("Raw selvedge, 14oz"));
        api.as(admin, patch("/api/v1/styles/" + style), "{\"name\": \"Denim jacket II\", \"status\": \"APPROVED\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Denim jacket II"))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.statusBy").value(admin.id().toString()));

        JdbcTemplate eu = new JdbcTemplate(stores.region("eu").dataSource());
        String stored = eu.queryForObject(
                "select name || description || tags from content_style where id = ?",
                String.class,
                UUID.fromString(style));
        assertThat(stored).doesNotContain("Denim").doesNotContain("selvedge").doesNotContain("outerwear");
        assertThat(events.stream(StyleCreated.class))
                .anyMatch(e -> e.styleId().toString().equals(style));
        assertThat(events.stream(StyleChanged.class))
                .anyMatch(
                        e -> e.styleId().toString().equals(style) && e.fields().contains("status"));
        for (String region : List.of("us", "apac")) {
            Integer rows = new JdbcTemplate(stores.region(region).dataSource())
                    .queryForObject(
                            "select count(*) from content_style where id = ?", Integer.class, UUID.fromString(style));
            assertThat(rows).as(region).isZero();
        }
    }

    @Test
    void badFieldsAreProblemsNotErrors() throws Exception {
        Tree tree = api.aTree(admin, "us");
        problem(api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"\"}"), 400);
        problem(
                api.as(admin, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"a\\u0000b\"}"),
                400);
        problem(
                api.as(
                        admin,
                        post("/api/v1/workrooms/" + tree.workroom() + "/styles"),
                        "{\"name\": \"x\", \"tags\": [\"\"]}"),
                400);
        problem(api.as(admin, get("/api/v1/styles/" + UUID.randomUUID()), null), 404);
        problem(api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/styles?sort=colour"), null), 400);
        problem(api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/styles?status=LOST"), null), 400);
        problem(api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/styles?cursor=nonsense"), null), 400);
        String style = aStyle(tree.workroom(), "Shirt", "a");
        problem(api.as(admin, patch("/api/v1/styles/" + style), "{}"), 400);
    }

    @Test
    void aListIsPagedSortedAndFilteredByTagAndStatus() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String c = aStyle(tree.workroom(), "charlie", "Blue");
        String a = aStyle(tree.workroom(), "Alpha", "blue");
        String b = aStyle(tree.workroom(), "bravo", "red");
        api.as(admin, patch("/api/v1/styles/" + b), "{\"status\": \"REJECTED\"}")
                .andExpect(status().isOk());

        String first = api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/styles?limit=2"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains("Alpha", "bravo")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String cursor = JsonPath.read(first, "$.nextCursor");
        assertThat(cursor).doesNotContain("charlie");
        api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/styles?limit=2&cursor=" + cursor), null)
                .andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains("charlie")))
                .andExpect(jsonPath("$.nextCursor").value(org.hamcrest.Matchers.nullValue()));

        api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/styles?sort=updated"), null)
                .andExpect(jsonPath("$.items[0].id").value(b));
        api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/styles?tag=BLUE"), null)
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.containsInAnyOrder(a, c)));
        api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/styles?status=REJECTED"), null)
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(b)));
        api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/styles?tag=green"), null)
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void aStyleMovesWithinItsGroupOnlyAndItsPermissionsFollow() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String otherWorkroom = api.node(admin, "seasons", tree.season(), "workrooms", "Knitwear");
        String style = aStyle(tree.workroom(), "Cardigan", "wool");
        Customers.Account viewer = api.granted(admin, tree.workroom(), Role.VIEWER);
        api.as(viewer, get("/api/v1/styles/" + style), null).andExpect(status().isOk());

        api.as(admin, patch("/api/v1/styles/" + style), "{\"workroomId\": \"" + otherWorkroom + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workroomId").value(otherWorkroom));
        assertThat(events.stream(StyleMoved.class))
                .anyMatch(e -> e.styleId().toString().equals(style));
        // The viewer's share was on the old workroom: the style is out of their sight now.
        problem(api.as(viewer, get("/api/v1/styles/" + style), null), 404);

        Tree elsewhere = api.aTree(admin, "eu");
        problem(
                api.as(admin, patch("/api/v1/styles/" + style), "{\"workroomId\": \"" + elsewhere.workroom() + "\"}"),
                409);
    }

    @Test
    void rolesDecideWhoCreatesEditsMovesAndApproves() throws Exception {
        Tree tree = api.aTree(admin, "us");
        String style = aStyle(tree.workroom(), "Parka", "x");
        Customers.Account viewer = api.granted(admin, tree.workroom(), Role.VIEWER);
        Customers.Account editor = api.granted(admin, tree.workroom(), Role.EDITOR);
        Customers.Account stranger = customers.aCustomer("stranger");

        problem(api.as(viewer, post("/api/v1/workrooms/" + tree.workroom() + "/styles"), "{\"name\": \"No\"}"), 403);
        problem(api.as(viewer, patch("/api/v1/styles/" + style), "{\"name\": \"No\"}"), 403);
        problem(api.as(stranger, get("/api/v1/styles/" + style), null), 404);
        problem(api.as(stranger, get("/api/v1/workrooms/" + tree.workroom() + "/styles"), null), 404);
        api.as(editor, patch("/api/v1/styles/" + style), "{\"description\": \"lined\"}")
                .andExpect(status().isOk());
        problem(api.as(editor, patch("/api/v1/styles/" + style), "{\"status\": \"APPROVED\"}"), 403);
        problem(api.as(editor, delete("/api/v1/styles/" + style), null), 403);

        // A share on the style alone: the style, not its siblings.
        String sibling = aStyle(tree.workroom(), "Sibling", "x");
        Customers.Account guest = api.granted(admin, style, Role.VIEWER);
        api.as(guest, get("/api/v1/styles/" + style), null).andExpect(status().isOk());
        problem(api.as(guest, get("/api/v1/styles/" + sibling), null), 404);
    }

    @Test
    void aDeletedStyleIsGoneUntilRestoredAndPurgedAfterItsWindow() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = aStyle(tree.workroom(), "Trench", "x");
        api.as(admin, delete("/api/v1/styles/" + style), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.restorableUntil").exists());
        problem(api.as(admin, get("/api/v1/styles/" + style), null), 404);
        api.as(admin, get("/api/v1/workrooms/" + tree.workroom() + "/styles"), null)
                .andExpect(jsonPath("$.items").isEmpty());
        api.as(admin, post("/api/v1/styles/" + style + "/restore"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Trench"));
        problem(api.as(admin, post("/api/v1/styles/" + style + "/restore"), null), 409);
        assertThat(events.stream(StyleDeleted.class))
                .anyMatch(e -> e.styleId().toString().equals(style));
        assertThat(events.stream(StyleRestored.class))
                .anyMatch(e -> e.styleId().toString().equals(style));

        api.as(admin, delete("/api/v1/styles/" + style), null).andExpect(status().isOk());
        JdbcTemplate eu = new JdbcTemplate(stores.region("eu").dataSource());
        // As if deleted 31 days ago: past the 30-day window.
        eu.update(
                "update content_style set deleted_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(31))),
                UUID.fromString(style));
        assertThat(styles.purgeExpired()).isPositive();
        problem(api.as(admin, post("/api/v1/styles/" + style + "/restore"), null), 404);
        Integer rows = eu.queryForObject(
                "select count(*) from content_style where id = ?", Integer.class, UUID.fromString(style));
        assertThat(rows).isZero();
    }

    @Test
    void favouritesArePerCaller() throws Exception {
        Tree tree = api.aTree(admin, "apac");
        String style = aStyle(tree.workroom(), "Skirt", "x");
        Customers.Account viewer = api.granted(admin, tree.workroom(), Role.VIEWER);
        api.as(viewer, put("/api/v1/styles/" + style + "/favourite"), null).andExpect(status().isNoContent());
        api.as(viewer, put("/api/v1/styles/" + style + "/favourite"), null).andExpect(status().isNoContent());
        api.as(viewer, get("/api/v1/me/favourites"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(style)));
        api.as(admin, get("/api/v1/me/favourites"), null)
                .andExpect(jsonPath("$.items").isEmpty());
        api.as(viewer, delete("/api/v1/styles/" + style + "/favourite"), null).andExpect(status().isNoContent());
        api.as(viewer, get("/api/v1/me/favourites"), null)
                .andExpect(jsonPath("$.items").isEmpty());
        problem(api.as(customers.aCustomer("x"), put("/api/v1/styles/" + style + "/favourite"), null), 404);
    }

    @Test
    void favouritesArePagedWithAnOpaqueCursor() throws Exception {
        Tree tree = api.aTree(admin, "apac");
        for (String name : new String[] {"Skirt", "Coat", "Vest"}) {
            api.as(admin, put("/api/v1/styles/" + aStyle(tree.workroom(), name, "x") + "/favourite"), null)
                    .andExpect(status().isNoContent());
        }
        String first = api.as(admin, get("/api/v1/me/favourites?limit=2"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        api.as(admin, get("/api/v1/me/favourites?limit=2&cursor=" + JsonPath.read(first, "$.nextCursor")), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id")
                        .value(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.in(JsonPath.<List<String>>read(first, "$.items[*].id")))))
                .andExpect(jsonPath("$.nextCursor").value(org.hamcrest.Matchers.nullValue()));
        problem(api.as(admin, get("/api/v1/me/favourites?cursor=%00%ff"), null), 400);
        problem(api.as(admin, get("/api/v1/me/favourites?limit=0"), null), 400);
    }

    private String aStyle(String workroom, String name, String tag) throws Exception {
        return created(api.as(
                admin,
                post("/api/v1/workrooms/" + workroom + "/styles"),
                "{\"name\": \"" + name + "\", \"tags\": [\"" + tag + "\"]}"));
    }
}
