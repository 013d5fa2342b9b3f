package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Styles through the API: create, list (paging, sorting, filters), change, move, delete, restore, favourites. */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class StylesApiIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Stores stores;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Styles styles;

    MockMvc mvc;
    Customers customers;
    Customers.Account admin;

    @BeforeEach
    void mvc() {
        customers = new Customers(stores);
        admin = customers.aCustomer("admin");
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    @Test
    void aStyleIsCreatedReadChangedAndItsFieldsRestEncrypted() throws Exception {
        Tree tree = aTree("eu");
        String style = created(as(
                        admin,
                        post("/api/v1/workrooms/" + tree.workroom + "/styles"),
                        "{\"name\": \" Denim jacket \", \"description\": \"Raw selvedge, 14oz\", \"tags\": [\"Denim\", \"denim\", \"outerwear\"]}")
                .andExpect(jsonPath("$.name").value("Denim jacket"))
                .andExpect(jsonPath("$.tags.length()").value(2))
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.workroomId").value(tree.workroom))
                .andExpect(jsonPath("$.createdBy").value(admin.id().toString())));

        as(admin, get("/api/v1/styles/" + style), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("Raw selvedge, 14oz"));
        as(admin, patch("/api/v1/styles/" + style), "{\"name\": \"Denim jacket II\", \"status\": \"APPROVED\"}")
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
        Tree tree = aTree("us");
        problem(as(admin, post("/api/v1/workrooms/" + tree.workroom + "/styles"), "{\"name\": \"\"}"), 400);
        problem(as(admin, post("/api/v1/workrooms/" + tree.workroom + "/styles"), "{\"name\": \"a\\u0000b\"}"), 400);
        problem(
                as(
                        admin,
                        post("/api/v1/workrooms/" + tree.workroom + "/styles"),
                        "{\"name\": \"x\", \"tags\": [\"\"]}"),
                400);
        problem(as(admin, get("/api/v1/styles/" + UUID.randomUUID()), null), 404);
        problem(as(admin, get("/api/v1/workrooms/" + tree.workroom + "/styles?sort=colour"), null), 400);
        problem(as(admin, get("/api/v1/workrooms/" + tree.workroom + "/styles?status=LOST"), null), 400);
        problem(as(admin, get("/api/v1/workrooms/" + tree.workroom + "/styles?cursor=nonsense"), null), 400);
        String style = aStyle(tree.workroom, "Shirt", "a");
        problem(as(admin, patch("/api/v1/styles/" + style), "{}"), 400);
    }

    @Test
    void aListIsPagedSortedAndFilteredByTagAndStatus() throws Exception {
        Tree tree = aTree("eu");
        String c = aStyle(tree.workroom, "charlie", "Blue");
        String a = aStyle(tree.workroom, "Alpha", "blue");
        String b = aStyle(tree.workroom, "bravo", "red");
        as(admin, patch("/api/v1/styles/" + b), "{\"status\": \"REJECTED\"}").andExpect(status().isOk());

        String first = as(admin, get("/api/v1/workrooms/" + tree.workroom + "/styles?limit=2"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains("Alpha", "bravo")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String cursor = JsonPath.read(first, "$.nextCursor");
        assertThat(cursor).doesNotContain("charlie");
        as(admin, get("/api/v1/workrooms/" + tree.workroom + "/styles?limit=2&cursor=" + cursor), null)
                .andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains("charlie")))
                .andExpect(jsonPath("$.nextCursor").value(org.hamcrest.Matchers.nullValue()));

        as(admin, get("/api/v1/workrooms/" + tree.workroom + "/styles?sort=updated"), null)
                .andExpect(jsonPath("$.items[0].id").value(b));
        as(admin, get("/api/v1/workrooms/" + tree.workroom + "/styles?tag=BLUE"), null)
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.containsInAnyOrder(a, c)));
        as(admin, get("/api/v1/workrooms/" + tree.workroom + "/styles?status=REJECTED"), null)
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(b)));
        as(admin, get("/api/v1/workrooms/" + tree.workroom + "/styles?tag=green"), null)
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void aStyleMovesWithinItsGroupOnlyAndItsPermissionsFollow() throws Exception {
        Tree tree = aTree("eu");
        String otherWorkroom = aNode("seasons", tree.season, "workrooms", "Knitwear");
        String style = aStyle(tree.workroom, "Cardigan", "wool");
        Customers.Account viewer = granted(tree.workroom, Role.VIEWER);
        as(viewer, get("/api/v1/styles/" + style), null).andExpect(status().isOk());

        as(admin, patch("/api/v1/styles/" + style), "{\"workroomId\": \"" + otherWorkroom + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workroomId").value(otherWorkroom));
        assertThat(events.stream(StyleMoved.class))
                .anyMatch(e -> e.styleId().toString().equals(style));
        // The viewer's share was on the old workroom: the style is out of their sight now.
        problem(as(viewer, get("/api/v1/styles/" + style), null), 404);

        Tree elsewhere = aTree("eu");
        problem(as(admin, patch("/api/v1/styles/" + style), "{\"workroomId\": \"" + elsewhere.workroom + "\"}"), 409);
    }

    @Test
    void rolesDecideWhoCreatesEditsMovesAndApproves() throws Exception {
        Tree tree = aTree("us");
        String style = aStyle(tree.workroom, "Parka", "x");
        Customers.Account viewer = granted(tree.workroom, Role.VIEWER);
        Customers.Account editor = granted(tree.workroom, Role.EDITOR);
        Customers.Account stranger = customers.aCustomer("stranger");

        problem(as(viewer, post("/api/v1/workrooms/" + tree.workroom + "/styles"), "{\"name\": \"No\"}"), 403);
        problem(as(viewer, patch("/api/v1/styles/" + style), "{\"name\": \"No\"}"), 403);
        problem(as(stranger, get("/api/v1/styles/" + style), null), 404);
        problem(as(stranger, get("/api/v1/workrooms/" + tree.workroom + "/styles"), null), 404);
        as(editor, patch("/api/v1/styles/" + style), "{\"description\": \"lined\"}")
                .andExpect(status().isOk());
        problem(as(editor, patch("/api/v1/styles/" + style), "{\"status\": \"APPROVED\"}"), 403);
        problem(as(editor, delete("/api/v1/styles/" + style), null), 403);

        // A share on the style alone: the style, not its siblings.
        String sibling = aStyle(tree.workroom, "Sibling", "x");
        Customers.Account guest = granted(style, Role.VIEWER);
        as(guest, get("/api/v1/styles/" + style), null).andExpect(status().isOk());
        problem(as(guest, get("/api/v1/styles/" + sibling), null), 404);
    }

    @Test
    void aDeletedStyleIsGoneUntilRestoredAndPurgedAfterItsWindow() throws Exception {
        Tree tree = aTree("eu");
        String style = aStyle(tree.workroom, "Trench", "x");
        as(admin, delete("/api/v1/styles/" + style), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.restorableUntil").exists());
        problem(as(admin, get("/api/v1/styles/" + style), null), 404);
        as(admin, get("/api/v1/workrooms/" + tree.workroom + "/styles"), null)
                .andExpect(jsonPath("$.items").isEmpty());
        as(admin, post("/api/v1/styles/" + style + "/restore"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Trench"));
        problem(as(admin, post("/api/v1/styles/" + style + "/restore"), null), 409);
        assertThat(events.stream(StyleDeleted.class))
                .anyMatch(e -> e.styleId().toString().equals(style));
        assertThat(events.stream(StyleRestored.class))
                .anyMatch(e -> e.styleId().toString().equals(style));

        as(admin, delete("/api/v1/styles/" + style), null).andExpect(status().isOk());
        JdbcTemplate eu = new JdbcTemplate(stores.region("eu").dataSource());
        // As if deleted 31 days ago: past the 30-day window.
        eu.update(
                "update content_style set deleted_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(31))),
                UUID.fromString(style));
        assertThat(styles.purgeExpired()).isPositive();
        problem(as(admin, post("/api/v1/styles/" + style + "/restore"), null), 404);
        Integer rows = eu.queryForObject(
                "select count(*) from content_style where id = ?", Integer.class, UUID.fromString(style));
        assertThat(rows).isZero();
    }

    @Test
    void favouritesArePerCaller() throws Exception {
        Tree tree = aTree("apac");
        String style = aStyle(tree.workroom, "Skirt", "x");
        Customers.Account viewer = granted(tree.workroom, Role.VIEWER);
        as(viewer, put("/api/v1/styles/" + style + "/favourite"), null).andExpect(status().isNoContent());
        as(viewer, put("/api/v1/styles/" + style + "/favourite"), null).andExpect(status().isNoContent());
        as(viewer, get("/api/v1/me/favourites"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(style)));
        as(admin, get("/api/v1/me/favourites"), null)
                .andExpect(jsonPath("$.items").isEmpty());
        as(viewer, delete("/api/v1/styles/" + style + "/favourite"), null).andExpect(status().isNoContent());
        as(viewer, get("/api/v1/me/favourites"), null)
                .andExpect(jsonPath("$.items").isEmpty());
        problem(as(customers.aCustomer("x"), put("/api/v1/styles/" + style + "/favourite"), null), 404);
    }

    @Test
    void favouritesArePagedWithAnOpaqueCursor() throws Exception {
        Tree tree = aTree("apac");
        for (String name : new String[] {"Skirt", "Coat", "Vest"}) {
            as(admin, put("/api/v1/styles/" + aStyle(tree.workroom, name, "x") + "/favourite"), null)
                    .andExpect(status().isNoContent());
        }
        String first = as(admin, get("/api/v1/me/favourites?limit=2"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        as(admin, get("/api/v1/me/favourites?limit=2&cursor=" + JsonPath.read(first, "$.nextCursor")), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id")
                        .value(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.in(JsonPath.<List<String>>read(first, "$.items[*].id")))))
                .andExpect(jsonPath("$.nextCursor").value(org.hamcrest.Matchers.nullValue()));
        problem(as(admin, get("/api/v1/me/favourites?cursor=%00%ff"), null), 400);
        problem(as(admin, get("/api/v1/me/favourites?limit=0"), null), 400);
    }

    record Tree(String group, String season, String workroom) {}

    private Tree aTree(String region) throws Exception {
        String group =
                created(as(admin, post("/api/v1/groups"), "{\"name\": \"Maison\", \"region\": \"" + region + "\"}"));
        String company = aNode("groups", group, "companies", "Ourse SA");
        String brand = aNode("companies", company, "brands", "Ourse");
        String season = aNode("brands", brand, "seasons", "SS27");
        return new Tree(group, season, aNode("seasons", season, "workrooms", "Denim"));
    }

    private String aNode(String parents, String parent, String children, String name) throws Exception {
        return created(
                as(admin, post("/api/v1/" + parents + "/" + parent + "/" + children), "{\"name\": \"" + name + "\"}"));
    }

    private String aStyle(String workroom, String name, String tag) throws Exception {
        return created(as(
                admin,
                post("/api/v1/workrooms/" + workroom + "/styles"),
                "{\"name\": \"" + name + "\", \"tags\": [\"" + tag + "\"]}"));
    }

    private Customers.Account granted(String node, Role role) throws Exception {
        Customers.Account account = customers.aCustomer(role.name().toLowerCase(Locale.ROOT));
        as(admin, put("/api/v1/nodes/" + node + "/members/" + account.id()), "{\"role\": \"" + role + "\"}")
                .andExpect(status().isOk());
        return account;
    }

    private ResultActions as(Customers.Account caller, MockHttpServletRequestBuilder request, String json)
            throws Exception {
        request.with(caller.caller()).accept(MediaType.APPLICATION_JSON);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    private static void problem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static String created(ResultActions result) throws Exception {
        String body =
                result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }
}
