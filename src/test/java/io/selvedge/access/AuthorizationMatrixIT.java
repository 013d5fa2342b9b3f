package io.selvedge.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The authorization matrix of issue 5, generated: every endpoint the OpenAPI document lists, x every role
 * (and no role), x a target in the caller's own group and in another group. What each call must answer is
 * worked out from {@link PermissionTable} and the action the handler states ({@link StatedPermissions}),
 * never written down by hand: allowed = neither 403 nor the decision point's 404 (the handler then answers
 * 2xx, or 400 for the deliberately malformed body every write carries, so nothing is changed); seen but not
 * allowed = 403; not seen = 404; another group's id = 404 always. An endpoint the document lists without a
 * stated permission, or whose target the matrix cannot place in the tree, fails the test.
 *
 * <p>One server, one set of fixtures: a group (company, brand, season, workroom) with an account per role,
 * and another group alike. A DELETE that is allowed and may use its target up runs on a fresh target of its
 * own: a whole group when it deletes on the group, a fresh style in the group's workroom when it deletes a style
 * or a thing of one, otherwise a fresh branch of one spare group (a group is costly to make, with its keys). A
 * DELETE of a sub-resource named by a fresh random id (an invitation, a member) finds nothing to delete, so it
 * runs on the group's own tree.
 */
@SelvedgeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Runs on H2 only: what it proves (table, stated actions, handlers) is the same on every store, and the grants'
// storage is proven on PostgreSQL by AccessSpotChecksIT and the others; it takes over a minute per database.
@Tag("store-independent")
class AuthorizationMatrixIT {

    /** The decision point's 404, told apart from a handler's own 404 (an unknown invitation, no such share). */
    static final String NOT_VISIBLE = "There is no such thing, or you may not see it.";

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Pattern LAST_VARIABLE = Pattern.compile("\\{([^}]+)}$");
    private static final Map<String, Level> COLLECTIONS = Map.of(
            "groups", Level.GROUP,
            "companies", Level.COMPANY,
            "brands", Level.BRAND,
            "seasons", Level.SEASON,
            "workrooms", Level.WORKROOM,
            "styles", Level.STYLE,
            "versions", Level.STYLE,
            "comments", Level.STYLE,
            "links", Level.STYLE,
            "uploads", Level.STYLE);

    @Autowired
    StatedPermissions stated;

    @Autowired
    ApiCalls api;

    MockMvc mvc;
    Customers customers;
    Account admin;
    Tree own;
    Tree other;
    final List<Caller> callers = new ArrayList<>();
    /** The group whose fresh branches allowed DELETEs below the group level use up, and who holds a grant on it. */
    String spareGroup;

    final Set<String> grantedOnSpareGroup = new HashSet<>();

    /** A member role as the table's columns have it, with a viewer's share flags; null role: no grant. */
    record Caller(String name, Role role, boolean download, boolean upload, Account account) {}

    /**
     * A group's tree, one node per level, top down, and the things below its workroom by the collection that
     * names them: its style, a version of it, a comment on it, a share link to it and an upload to it.
     */
    record Tree(Map<Level, String> ids, Map<String, String> things) {
        String id(Level level) {
            return ids.get(level);
        }

        /** The target's id: the thing of the collection, or the node of the level. */
        String id(String collection, Level level) {
            return things.getOrDefault(collection, id(level));
        }
    }

    enum Expected {
        ALLOWED,
        FORBIDDEN,
        NOT_VISIBLE
    }

    @BeforeAll
    void fixtures() throws Exception {
        mvc = api.mvc();
        customers = api.customers();
        admin = customers.aCustomer("matrix-admin");
        own = tree(admin);
        other = tree(customers.aCustomer("matrix-other-admin"));
        for (Role role : Role.values()) {
            if (role == Role.VIEWER) {
                for (int flags = 0; flags < 4; flags++) {
                    boolean download = (flags & 1) != 0;
                    boolean upload = (flags & 2) != 0;
                    String name = "VW" + (download ? "+dl" : "") + (upload ? "+ul" : "");
                    callers.add(new Caller(name, role, download, upload, granted(own, role, download, upload)));
                }
            } else {
                callers.add(new Caller(role.abbreviation(), role, false, false, granted(own, role, false, false)));
            }
        }
        callers.add(new Caller("none", null, false, false, customers.aCustomer("matrix-none")));
    }

    @Test
    void everyEndpointTimesEveryRoleTimesOwnAndAnotherGroup() throws Exception {
        List<String[]> operations = operations();
        assertThat(operations).as("endpoints of the OpenAPI document").hasSizeGreaterThan(20);
        List<String> failures = new ArrayList<>();
        Map<Expected, Integer> seen = new EnumMap<>(Expected.class);
        int checked = 0;
        for (String[] operation : operations) {
            String method = operation[0];
            String path = operation[1];
            StatedPermission permission = permissionOf(method, path);
            if (permission == null || !permission.stated()) {
                failures.add(method + " " + path + " states no permission (@Requires or @AnyCaller)");
                continue;
            }
            if (permission.actions().isEmpty()) {
                if (permission.anyCaller().isBlank()) {
                    failures.add(method + " " + path + " is open to any caller without saying why");
                }
                continue; // open to any caller: no target in a group to try
            }
            List<Level> levels = targetLevels(path, permission);
            if (levels.isEmpty()) {
                failures.add(method + " " + path + ": the matrix cannot place {" + permission.target()
                        + "} in the tree; teach it the collection");
                continue;
            }
            for (Level level : levels) {
                for (Caller caller : callers) {
                    Expected expected = expected(caller, permission.actions(), level);
                    seen.merge(expected, 1, Integer::sum);
                    Tree tree = own;
                    if (expected == Expected.ALLOWED && method.equals("DELETE") && usesUp(path, permission)) {
                        tree = disposable(caller, level);
                        tree = authoredBy(tree, caller.account(), collectionOf(path, permission));
                    }
                    MockHttpServletResponse answer =
                            call(caller.account(), method, fill(path, permission, tree, level));
                    String verdict = verdict(answer, expected);
                    if (verdict != null) {
                        failures.add(caller.name() + " " + method + " " + path + " on its own " + level.noun() + ": "
                                + verdict);
                    }
                    MockHttpServletResponse elsewhere =
                            call(caller.account(), method, fill(path, permission, other, level));
                    if (elsewhere.getStatus() != 404) {
                        failures.add(caller.name() + " " + method + " " + path + " on another group's " + level.noun()
                                + ": expected 404, got " + elsewhere.getStatus());
                    }
                    checked += 2;
                }
            }
        }
        assertThat(failures).as("%d calls checked", checked).isEmpty();
        assertThat(seen.keySet())
                .as("the table yields every kind of answer")
                .containsExactlyInAnyOrder(Expected.values());
    }

    /** What the table says a caller gets for the first of the actions that applies on the level. */
    static Expected expected(Caller caller, List<Action> actions, Level level) {
        Action action =
                actions.stream().filter(a -> a.appliesOn(level)).findFirst().orElse(null);
        if (caller.role() == null || action == null) {
            return Expected.NOT_VISIBLE;
        }
        // The fixture is one chain: a role granted on a level holds on that level and below it.
        Level grantedOn = caller.role().grantedOn().iterator().next();
        if (grantedOn.ordinal() > level.ordinal()) {
            return level == Level.GROUP && action == Action.VIEW_GROUP ? Expected.ALLOWED : viewGroupOnly(level);
        }
        Set<Action> here = PermissionTable.permitted(caller.role(), caller.download(), caller.upload());
        boolean any = here.stream().anyMatch(a -> a.appliesOn(level));
        if (here.contains(action)) {
            return Expected.ALLOWED;
        }
        return any ? Expected.FORBIDDEN : Expected.NOT_VISIBLE;
    }

    /** Above their grant, a member sees only the group itself. */
    private static Expected viewGroupOnly(Level level) {
        return level == Level.GROUP ? Expected.FORBIDDEN : Expected.NOT_VISIBLE;
    }

    private static String verdict(MockHttpServletResponse answer, Expected expected) throws Exception {
        int status = answer.getStatus();
        String body = answer.getContentAsString();
        boolean decisionNotFound = status == 404 && body.contains(NOT_VISIBLE);
        if (status >= 500) {
            return "answered " + status;
        }
        return switch (expected) {
            case ALLOWED -> status == 403 || decisionNotFound ? "allowed by the table, answered " + status : null;
            case FORBIDDEN -> status == 403 ? null : "expected 403, answered " + status;
            case NOT_VISIBLE -> decisionNotFound ? null : "expected the decision point's 404, answered " + status;
        };
    }

    private MockHttpServletResponse call(Account account, String method, String uri) throws Exception {
        MockHttpServletRequestBuilder call =
                request(HttpMethod.valueOf(method), uri).with(account.caller()).accept(MediaType.APPLICATION_JSON);
        if (!method.equals("GET") && !method.equals("DELETE") && !method.equals("HEAD")) {
            call.contentType(MediaType.APPLICATION_JSON).content("{"); // not JSON: nothing is ever changed
        }
        return mvc.perform(call).andReturn().getResponse();
    }

    /** The (method, path) pairs of the OpenAPI document. */
    private List<String[]> operations() throws Exception {
        String document = mvc.perform(request(HttpMethod.GET, "/api/v1/openapi.json"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");
        List<String[]> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("get", "put", "post", "delete", "patch").contains(m))
                .forEach(m -> operations.add(new String[] {m.toUpperCase(Locale.ROOT), path})));
        return operations;
    }

    private StatedPermission permissionOf(String method, String path) {
        return stated.endpoints().stream()
                .filter(e -> e.patterns().contains(path)
                        && (e.methods().isEmpty() || e.methods().contains(method)))
                .findFirst()
                .orElse(null);
    }

    /** The collection the path names its target in ({@code styles} for {@code /styles/{id}}), or null. */
    private static String collectionOf(String path, StatedPermission permission) {
        Matcher collection = Pattern.compile("/([a-z-]+)/\\{" + Pattern.quote(permission.target()) + "}")
                .matcher(path);
        return collection.find() ? collection.group(1) : null;
    }

    /** The levels the target may be on: its collection's, or for {@code nodes} every level the actions apply on. */
    private static List<Level> targetLevels(String path, StatedPermission permission) {
        String collection = collectionOf(path, permission);
        if (collection == null) {
            return List.of();
        }
        Level level = COLLECTIONS.get(collection);
        if (level != null) {
            return List.of(level);
        }
        if (collection.equals("nodes")) {
            return List.of(Level.GROUP, Level.COMPANY, Level.BRAND, Level.SEASON, Level.WORKROOM).stream()
                    .filter(l -> permission.actions().stream().anyMatch(a -> a.appliesOn(l)))
                    .toList();
        }
        return List.of();
    }

    /** The path with the target's id at the level, and fresh ids for anything else (a user, an invitation). */
    private static String fill(String path, StatedPermission permission, Tree tree, Level level) {
        String collection = collectionOf(path, permission);
        Matcher variables = VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variables.find()) {
            String value = variables.group(1).equals(permission.target())
                    ? tree.id(collection, level)
                    : UUID.randomUUID().toString();
            variables.appendReplacement(filled, value);
        }
        variables.appendTail(filled);
        return filled.toString();
    }

    /**
     * Whether a DELETE may use its target up: unless the path ends with another variable than the target's,
     * which {@link #fill} gives a fresh random id that names nothing.
     */
    private static boolean usesUp(String path, StatedPermission permission) {
        Matcher last = LAST_VARIABLE.matcher(path);
        return !last.find() || last.group(1).equals(permission.target());
    }

    /** A tree the caller may use up by a DELETE on the level, the caller granted its role on it. */
    private Tree disposable(Caller caller, Level level) throws Exception {
        if (level == Level.STYLE) {
            // Every caller holds its role on the own tree's workroom or above it: a fresh style there is theirs.
            return withStyle(admin, own.ids());
        }
        if (level == Level.GROUP) {
            Tree tree = tree(admin);
            grant(tree, caller);
            return tree;
        }
        if (spareGroup == null) {
            spareGroup = group(admin);
        }
        Tree tree = branch(admin, spareGroup);
        Level grantedOn = caller.role().grantedOn().iterator().next();
        if (grantedOn != Level.GROUP || grantedOnSpareGroup.add(caller.name())) {
            grant(tree, caller);
        }
        return tree;
    }

    private Tree tree(Account owner) throws Exception {
        return branch(owner, group(owner));
    }

    private String group(Account owner) throws Exception {
        return created(owner, "/api/v1/groups", "{\"name\": \"Matrix\", \"region\": \"eu\"}");
    }

    /** A company and one node of each level below it in the group, with the things below its workroom. */
    private Tree branch(Account owner, String group) throws Exception {
        Map<Level, String> ids = new LinkedHashMap<>();
        ids.put(Level.GROUP, group);
        ids.put(
                Level.COMPANY,
                created(owner, "/api/v1/groups/" + ids.get(Level.GROUP) + "/companies", "{\"name\": \"C\"}"));
        ids.put(
                Level.BRAND,
                created(owner, "/api/v1/companies/" + ids.get(Level.COMPANY) + "/brands", "{\"name\": \"B\"}"));
        ids.put(
                Level.SEASON,
                created(owner, "/api/v1/brands/" + ids.get(Level.BRAND) + "/seasons", "{\"name\": \"S\"}"));
        ids.put(
                Level.WORKROOM,
                created(owner, "/api/v1/seasons/" + ids.get(Level.SEASON) + "/workrooms", "{\"name\": \"W\"}"));
        return withStyle(owner, ids);
    }

    /** The nodes down to a workroom, with a fresh style in it and the things below that style. */
    private Tree withStyle(Account owner, Map<Level, String> nodes) throws Exception {
        Map<Level, String> ids = new LinkedHashMap<>(nodes);
        String style =
                created(owner, "/api/v1/workrooms/" + ids.get(Level.WORKROOM) + "/styles", "{\"name\": \"Coat\"}");
        ids.put(Level.STYLE, style);
        Map<String, String> things = new LinkedHashMap<>();
        things.put("styles", style);
        MockHttpServletResponse version = mvc.perform(
                        request(HttpMethod.POST, "/api/v1/styles/" + style + "/versions?filename=coat.zprj")
                                .with(owner.caller())
                                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                                .content(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .andReturn()
                .getResponse();
        assertThat(version.getStatus()).as(version.getContentAsString()).isEqualTo(201);
        things.put("versions", JsonPath.read(version.getContentAsString(), "$.id"));
        things.put(
                "links",
                created(
                        owner,
                        "/api/v1/styles/" + style + "/links",
                        "{\"expiresAt\": \"" + Instant.now().plus(Duration.ofDays(1))
                                + "\", \"allowDownload\": false}"));
        things.put("comments", comment(owner, style));
        things.put("uploads", upload(owner, style));
        return new Tree(ids, things);
    }

    /**
     * The tree with its comment or upload made by the caller, for a DELETE the table allows: a comment or
     * an upload is deleted by its author (the table's COMMENT and UPLOAD); anyone else's is another rule.
     */
    private Tree authoredBy(Tree tree, Account author, String collection) throws Exception {
        Map<String, String> things = new LinkedHashMap<>(tree.things());
        if ("comments".equals(collection)) {
            things.put("comments", comment(author, tree.id(Level.STYLE)));
        } else if ("uploads".equals(collection)) {
            things.put("uploads", upload(author, tree.id(Level.STYLE)));
        } else {
            return tree;
        }
        return new Tree(tree.ids(), things);
    }

    private String comment(Account author, String style) throws Exception {
        return created(author, "/api/v1/styles/" + style + "/comments", "{\"body\": \"Lining\"}");
    }

    /** A resumable (tus) upload to the style, started and not sent. */
    private String upload(Account author, String style) throws Exception {
        MockHttpServletResponse upload = mvc.perform(request(HttpMethod.POST, "/api/v1/uploads")
                        .with(author.caller())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", "8")
                        .header("Upload-Metadata", "filename " + base64("coat.glb") + ",styleId " + base64(style)))
                .andReturn()
                .getResponse();
        assertThat(upload.getStatus()).as(upload.getContentAsString()).isEqualTo(201);
        String location = upload.getHeader("Location");
        assertThat(location).isNotNull();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Account granted(Tree tree, Role role, boolean download, boolean upload) throws Exception {
        Account account =
                api.anInvitableCustomer("matrix-" + role.abbreviation().toLowerCase(Locale.ROOT));
        grant(tree, new Caller(role.abbreviation(), role, download, upload, account));
        return account;
    }

    private void grant(Tree tree, Caller caller) throws Exception {
        if (caller.role() == null) {
            return;
        }
        Level level = caller.role().grantedOn().iterator().next();
        // By id: a caller not yet in the tree's group is invited and accepts (issue 15).
        api.grant(admin, tree.id(level), caller.account(), caller.role(), caller.download(), caller.upload());
    }

    private String created(Account owner, String uri, String json) throws Exception {
        MockHttpServletResponse answer = mvc.perform(request(HttpMethod.POST, uri)
                        .with(owner.caller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).as(uri).isEqualTo(201);
        return JsonPath.read(answer.getContentAsString(), "$.id");
    }
}
