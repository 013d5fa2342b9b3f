package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.created;
import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.GroupCreated;
import io.selvedge.tenancy.NodeDeleted;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.NodeMoved;
import io.selvedge.tenancy.NodeRestored;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The life of a group's tree through the API: create, list, rename, move, delete and restore, by the
 * group's creator, who is its admin through a real grant.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class TreeApiIT {

    @Autowired
    Stores stores;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ApiCalls api;

    MockMvc mvc;

    Customers customers;

    /** A customer who creates every group of these tests, so is its admin. */
    Customers.Account ada;

    @BeforeEach
    void mvc() {
        customers = api.customers();
        ada = customers.aCustomer("ada");
        mvc = api.mvc();
    }

    @Test
    void platformStaffReachNoCustomerTree() throws Exception {
        String group = aGroup("eu");
        String company = aNode("groups", group, "companies", "Ourse SA");
        Customers.Account staff = customers.aPlatformAdmin("staff");
        for (String path : new String[] {"/api/v1/groups/" + group, "/api/v1/companies/" + company}) {
            mvc.perform(get(path).with(staff.caller())).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/groups").with(staff.caller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(post("/api/v1/groups")
                        .with(staff.caller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Acme\", \"region\": \"eu\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aGroupIsCreatedInItsRegionByItsCreator() throws Exception {
        String group =
                created(api.as(ada, post("/api/v1/groups"), "{\"name\": \"  Maison Ourse \", \"region\": \"eu\"}")
                        .andExpect(jsonPath("$.name").value("Maison Ourse"))
                        .andExpect(jsonPath("$.region").value("eu"))
                        .andExpect(header().string("Location", startsWith("/api/v1/groups/"))));

        api.as(ada, get("/api/v1/groups/" + group), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(group))
                .andExpect(jsonPath("$.name").value("Maison Ourse"))
                .andExpect(jsonPath("$.region").value("eu"));
        assertThat(events.stream(GroupCreated.class))
                .anySatisfy(created -> assertThat(List.of(created.groupId(), created.region(), created.auditActor()))
                        .isEqualTo(List.of(UUID.fromString(group), "eu", AuditActor.account(ada.id()))));
        api.as(ada, get("/api/v1/groups"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.hasItem(group)));
    }

    @Test
    void anEuGroupsRowsAreOnlyInTheEuStore() throws Exception {
        String group = aGroup("eu");
        String company = aNode("groups", group, "companies", "Ourse SA");
        String brand = aNode("companies", company, "brands", "Ourse");
        aNode("seasons", aNode("brands", brand, "seasons", "SS27"), "workrooms", "Denim");

        for (String region : stores.regions()) {
            JdbcTemplate jdbc = new JdbcTemplate(stores.region(region).dataSource());
            Integer nodes = jdbc.queryForObject(
                    "select count(*) from tenancy_node where group_id = ?", Integer.class, UUID.fromString(group));
            Integer groups = jdbc.queryForObject(
                    "select count(*) from tenancy_group where group_id = ?", Integer.class, UUID.fromString(group));
            assertThat(nodes).as(region).isEqualTo(region.equals("eu") ? 4 : 0);
            assertThat(groups).as(region).isEqualTo(region.equals("eu") ? 1 : 0);
        }
    }

    @Test
    void aTreeIsBuiltRenamedMovedDeletedAndRestored() throws Exception {
        String group = aGroup("us");
        String company = aNode("groups", group, "companies", "Ourse SA");
        String brand = aNode("companies", company, "brands", "Ourse");
        String otherBrand = aNode("companies", company, "brands", "Petite Ourse");
        String spring = aNode("brands", brand, "seasons", "SS27");
        String autumn = aNode("brands", brand, "seasons", "AW27");
        String denim = aNode("seasons", spring, "workrooms", "Denim");

        api.as(ada, get("/api/v1/workrooms/" + denim), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("WORKROOM"))
                .andExpect(jsonPath("$.name").value("Denim"))
                .andExpect(jsonPath("$.parentId").value(spring))
                .andExpect(jsonPath("$.groupId").value(group));

        api.as(ada, patch("/api/v1/workrooms/" + denim), "{\"name\": \"Denim lab\", \"parentId\": \"" + autumn + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Denim lab"))
                .andExpect(jsonPath("$.parentId").value(autumn));
        assertThat(names("seasons", autumn, "workrooms")).containsExactly("Denim lab");
        assertThat(names("seasons", spring, "workrooms")).isEmpty();
        assertThat(events.stream(NodeMoved.class))
                .anySatisfy(moved -> assertThat(List.of(
                                moved.groupId(),
                                moved.nodeId(),
                                moved.kind(),
                                moved.fromParentId(),
                                moved.toParentId()))
                        .isEqualTo(List.of(
                                UUID.fromString(group),
                                UUID.fromString(denim),
                                NodeKind.WORKROOM,
                                UUID.fromString(spring),
                                UUID.fromString(autumn))));

        api.as(ada, patch("/api/v1/seasons/" + spring), "{\"parentId\": \"" + otherBrand + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").value(otherBrand));
        assertThat(names("brands", otherBrand, "seasons")).containsExactly("SS27");

        api.as(ada, delete("/api/v1/seasons/" + autumn), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nodesDeleted").value(2));
        api.as(ada, get("/api/v1/seasons/" + autumn), null).andExpect(status().isNotFound());
        api.as(ada, get("/api/v1/workrooms/" + denim), null).andExpect(status().isNotFound());
        assertThat(names("brands", brand, "seasons")).isEmpty();
        api.as(ada, post("/api/v1/workrooms/" + denim + "/restore"), null).andExpect(status().isConflict());

        api.as(ada, post("/api/v1/seasons/" + autumn + "/restore"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("AW27"));
        api.as(ada, get("/api/v1/workrooms/" + denim), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Denim lab"));
        api.as(ada, post("/api/v1/seasons/" + autumn + "/restore"), null).andExpect(status().isConflict());
        assertThat(events.stream(NodeDeleted.class))
                .anyMatch(e -> e.nodeId().toString().equals(autumn));
        assertThat(events.stream(NodeRestored.class))
                .anyMatch(e -> e.nodeId().toString().equals(autumn));
    }

    @Test
    void movesOutsideTheSameGrandparentOrGroupAreRefused() throws Exception {
        String group = aGroup("us");
        String company = aNode("groups", group, "companies", "Ourse SA");
        String otherCompany = aNode("groups", group, "companies", "Loup SA");
        String brand = aNode("companies", company, "brands", "Ourse");
        String foreignBrand = aNode("companies", otherCompany, "brands", "Loup");
        String season = aNode("brands", brand, "seasons", "SS27");
        String foreignSeason = aNode("brands", foreignBrand, "seasons", "SS27");
        String workroom = aNode("seasons", season, "workrooms", "Denim");
        String elsewhere = aNode(
                "brands",
                aNode("companies", aNode("groups", aGroup("us"), "companies", "Other"), "brands", "B"),
                "seasons",
                "S");

        refusedMove("seasons", season, foreignBrand);
        refusedMove("workrooms", workroom, foreignSeason);
        refusedMove("workrooms", workroom, brand);
        refusedMove("workrooms", workroom, elsewhere); // ada administers both groups, so sees both
        refusedMove("brands", brand, otherCompany);
        api.as(ada, patch("/api/v1/workrooms/" + workroom), "{\"parentId\": \"" + UUID.randomUUID() + "\"}")
                .andExpect(status().isNotFound());
        assertThat(names("brands", brand, "seasons")).containsExactly("SS27");
        assertThat(names("seasons", season, "workrooms")).containsExactly("Denim");
    }

    @Test
    void childrenArePagedInNameOrderWithAnOpaqueCursor() throws Exception {
        String company = aNode("groups", aGroup("apac"), "companies", "Ourse SA");
        String brand = aNode("companies", company, "brands", "Ourse");
        String season = aNode("brands", brand, "seasons", "SS27");
        for (String name : List.of("knitwear", "Denim", "Outerwear", "accessories", "Tailoring")) {
            aNode("seasons", season, "workrooms", name);
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String body = api.as(
                            ada,
                            get("/api/v1/seasons/" + season + "/workrooms?limit=2"
                                    + (cursor == null ? "" : "&cursor=" + cursor)),
                            null)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> names = JsonPath.read(body, "$.items[*].name");
            assertThat(names).hasSizeLessThanOrEqualTo(2);
            seen.addAll(names);
            cursor = JsonPath.read(body, "$.nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        api.as(ada, get("/api/v1/seasons/" + season + "/workrooms"), null)
                .andExpect(jsonPath("$.nextCursor").isEmpty());
        assertThat(seen).containsExactly("accessories", "Denim", "knitwear", "Outerwear", "Tailoring");
    }

    @Test
    void badInputIsA4xxProblem() throws Exception {
        String group = aGroup("us");
        String company = aNode("groups", group, "companies", "Ourse SA");

        problem(api.as(ada, post("/api/v1/groups"), "{\"name\": \"G\", \"region\": \"mars\"}"), 400);
        problem(api.as(ada, post("/api/v1/groups"), "{\"name\": \"G\"}"), 400);
        problem(api.as(ada, post("/api/v1/groups"), "{\"name\": \"   \", \"region\": \"us\"}"), 400);
        problem(api.as(ada, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"a\\u0000b\"}"), 400);
        problem(
                api.as(ada, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"" + "x".repeat(201) + "\"}"),
                400);
        problem(api.as(ada, post("/api/v1/groups/" + group + "/companies"), "{}"), 400);
        problem(api.as(ada, post("/api/v1/groups/" + group + "/companies"), "not json"), 400);
        problem(api.as(ada, patch("/api/v1/companies/" + company), "{}"), 400);
        problem(api.as(ada, get("/api/v1/groups/" + group + "/companies?limit=0"), null), 400);
        problem(api.as(ada, get("/api/v1/groups/" + group + "/companies?limit=201"), null), 400);
        problem(api.as(ada, get("/api/v1/groups/" + group + "/companies?cursor=%21%21"), null), 400);
        problem(api.as(ada, get("/api/v1/groups/" + UUID.randomUUID()), null), 404);
        problem(api.as(ada, get("/api/v1/companies/not-a-uuid"), null), 400);
        problem(api.as(ada, get("/api/v1/brands/" + company), null), 404);
        problem(api.as(ada, get("/api/v1/companies/" + group), null), 404);
        problem(api.as(ada, post("/api/v1/companies/" + group + "/brands"), "{\"name\": \"B\"}"), 404);
        problem(api.as(ada, post("/api/v1/brands/" + company + "/seasons"), "{\"name\": \"S\"}"), 404);
        problem(api.as(ada, post("/api/v1/groups/" + company + "/brands"), "{\"name\": \"B\"}"), 404);
        problem(api.as(ada, delete("/api/v1/workrooms/" + UUID.randomUUID()), null), 404);
        problem(
                mvc.perform(post("/api/v1/groups")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"G\", \"region\": \"us\"}")),
                401);
    }

    private void refusedMove(String nodes, String node, String parent) throws Exception {
        problem(api.as(ada, patch("/api/v1/" + nodes + "/" + node), "{\"parentId\": \"" + parent + "\"}"), 409);
    }

    private String aGroup(String region) throws Exception {
        return created(api.as(ada, post("/api/v1/groups"), "{\"name\": \"Maison\", \"region\": \"" + region + "\"}"));
    }

    private String aNode(String parents, String parent, String children, String name) throws Exception {
        return created(
                api.as(ada, post("/api/v1/" + parents + "/" + parent + "/" + children), "{\"name\": \"" + name + "\"}")
                        .andExpect(jsonPath("$.name").value(name)));
    }

    private List<String> names(String parents, String parent, String children) throws Exception {
        String body = api.as(ada, get("/api/v1/" + parents + "/" + parent + "/" + children), null)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.items[*].name");
    }
}
