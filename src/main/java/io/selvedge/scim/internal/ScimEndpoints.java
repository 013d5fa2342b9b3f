package io.selvedge.scim.internal;

import io.selvedge.platform.AnyCaller;
import io.selvedge.scim.internal.ScimModel.Page;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * SCIM 2.0 at {@code /scim/v2} (RFC 7644): Users, Groups and the discovery documents. The caller is a
 * group's directory, authenticated by its bearer token in {@link ScimSecurity}; it reaches its own group's
 * users and groups only, so an id of another group's answers 404 like an unknown one.
 */
@RestController
@RequestMapping("/scim/v2")
@AnyCaller("a group's SCIM client with its bearer token (the /scim/** filter chain): it reaches only its own"
        + " group's users and groups")
@RequiredArgsConstructor
class ScimEndpoints {

    static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");

    private final ScimUsers users;
    private final ScimGroups groups;

    @GetMapping("/Users")
    ResponseEntity<String> users(
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(required = false) @Nullable Integer startIndex,
            @RequestParam(required = false) @Nullable Integer count) {
        String base = base();
        Page<ScimModel.User> page = users.list(client(), ScimFilter.parse(filter), startIndex, count);
        return ok(ScimResources.list(page, user -> ScimResources.user(user, base)));
    }

    @GetMapping("/Users/{id}")
    ResponseEntity<String> user(@PathVariable String id) {
        return ok(ScimResources.user(users.get(client(), idOf(id, "User")), base()));
    }

    @PostMapping("/Users")
    ResponseEntity<String> createUser(@RequestBody(required = false) @Nullable String body) {
        ScimModel.User user = users.create(client(), ScimResources.read(body));
        String location = base() + "/Users/" + user.id();
        return ResponseEntity.status(HttpStatus.CREATED)
                .contentType(SCIM_JSON)
                .header("Location", location)
                .body(ScimResources.user(user, base()).toString());
    }

    @PutMapping("/Users/{id}")
    ResponseEntity<String> replaceUser(@PathVariable String id, @RequestBody(required = false) @Nullable String body) {
        UUID user = idOf(id, "User");
        return ok(ScimResources.user(users.replace(client(), user, ScimResources.read(body)), base()));
    }

    @PatchMapping("/Users/{id}")
    ResponseEntity<String> patchUser(@PathVariable String id, @RequestBody(required = false) @Nullable String body) {
        UUID user = idOf(id, "User");
        return ok(ScimResources.user(users.patch(client(), user, ScimResources.read(body)), base()));
    }

    @DeleteMapping("/Users/{id}")
    ResponseEntity<Void> deleteUser(@PathVariable String id) {
        users.delete(client(), idOf(id, "User"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/Groups")
    ResponseEntity<String> groups(
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(required = false) @Nullable Integer startIndex,
            @RequestParam(required = false) @Nullable Integer count,
            @RequestParam(required = false) @Nullable String excludedAttributes) {
        String base = base();
        boolean members = !excluded(excludedAttributes, "members");
        Page<ScimModel.Group> page = groups.list(client(), ScimFilter.parse(filter), startIndex, count);
        return ok(ScimResources.list(page, group -> ScimResources.group(group, base, members)));
    }

    @GetMapping("/Groups/{id}")
    ResponseEntity<String> group(
            @PathVariable String id, @RequestParam(required = false) @Nullable String excludedAttributes) {
        return ok(ScimResources.group(
                groups.get(client(), idOf(id, "Group")), base(), !excluded(excludedAttributes, "members")));
    }

    @PostMapping("/Groups")
    ResponseEntity<String> createGroup(@RequestBody(required = false) @Nullable String body) {
        ScimModel.Group group = groups.create(client(), ScimResources.read(body));
        return ResponseEntity.status(HttpStatus.CREATED)
                .contentType(SCIM_JSON)
                .header("Location", base() + "/Groups/" + group.id())
                .body(ScimResources.group(group, base(), true).toString());
    }

    @PutMapping("/Groups/{id}")
    ResponseEntity<String> replaceGroup(@PathVariable String id, @RequestBody(required = false) @Nullable String body) {
        UUID group = idOf(id, "Group");
        return ok(ScimResources.group(groups.replace(client(), group, ScimResources.read(body)), base(), true));
    }

    @PatchMapping("/Groups/{id}")
    ResponseEntity<String> patchGroup(@PathVariable String id, @RequestBody(required = false) @Nullable String body) {
        UUID group = idOf(id, "Group");
        return ok(ScimResources.group(groups.patch(client(), group, ScimResources.read(body)), base(), true));
    }

    @DeleteMapping("/Groups/{id}")
    ResponseEntity<Void> deleteGroup(@PathVariable String id) {
        groups.delete(client(), idOf(id, "Group"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<String> serviceProviderConfig() {
        client();
        return ok(ScimDiscovery.serviceProviderConfig(base()));
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<String> resourceTypes() {
        client();
        return ok(listOf(ScimDiscovery.resourceTypes(base())));
    }

    @GetMapping("/ResourceTypes/{id}")
    ResponseEntity<String> resourceType(@PathVariable String id) {
        client();
        return ok(one(ScimDiscovery.resourceTypes(base()), id, "ResourceType"));
    }

    @GetMapping("/Schemas")
    ResponseEntity<String> schemas() {
        client();
        return ok(listOf(ScimDiscovery.schemas(base())));
    }

    @GetMapping("/Schemas/{id}")
    ResponseEntity<String> schema(@PathVariable String id) {
        client();
        return ok(one(ScimDiscovery.schemas(base()), id, "Schema"));
    }

    private static JsonNode listOf(List<JsonNode> all) {
        return ScimResources.list(new Page<>(all, all.size(), 1), Function.identity());
    }

    private static JsonNode one(List<JsonNode> all, String id, String what) {
        return all.stream()
                .filter(node -> node.path("id").asString("").equals(id))
                .findFirst()
                .orElseThrow(() -> ScimException.notFound(what));
    }

    private static boolean excluded(@Nullable String excludedAttributes, String attribute) {
        if (excludedAttributes == null) {
            return false;
        }
        return Set.of(excludedAttributes.toLowerCase(java.util.Locale.ROOT).split("\\s*,\\s*"))
                .contains(attribute);
    }

    private static UUID idOf(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ScimException.notFound(what + " " + id);
        }
    }

    private static ScimClient client() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ScimClient client) {
            return client;
        }
        throw new ScimException(401, null, "Send the group's SCIM token as a bearer token.");
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/scim/v2")
                .build()
                .toUriString();
    }

    private static ResponseEntity<String> ok(JsonNode body) {
        return ResponseEntity.ok().contentType(SCIM_JSON).body(body.toString());
    }
}
