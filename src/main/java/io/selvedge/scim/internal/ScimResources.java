package io.selvedge.scim.internal;

import io.selvedge.scim.internal.ScimModel.Group;
import io.selvedge.scim.internal.ScimModel.Page;
import io.selvedge.scim.internal.ScimModel.Ref;
import io.selvedge.scim.internal.ScimModel.User;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** SCIM resources as JSON (RFC 7643), their locations under {@code base} ({@code https://host/scim/v2}). */
final class ScimResources {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    static final JsonMapper JSON = JsonMapper.shared();

    private ScimResources() {}

    static JsonNode read(@Nullable String body) {
        if (body == null || body.isBlank()) {
            throw ScimException.invalidSyntax("The request has no body.");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw ScimException.invalidSyntax("The body is a JSON object.");
            }
            return node;
        } catch (tools.jackson.core.JacksonException e) {
            throw ScimException.invalidSyntax("The body is not JSON.");
        }
    }

    static ObjectNode user(User user, String base) {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("schemas").add(USER_SCHEMA);
        node.put("id", user.id().toString());
        if (user.externalId() != null) {
            node.put("externalId", user.externalId());
        }
        node.put("userName", user.userName());
        if (user.displayName() != null || user.givenName() != null || user.familyName() != null) {
            ObjectNode name = node.putObject("name");
            if (user.displayName() != null) {
                node.put("displayName", user.displayName());
                name.put("formatted", user.displayName());
            }
            // The parts as the directory sent them, never guessed from the display name.
            if (user.givenName() != null) {
                name.put("givenName", user.givenName());
            }
            if (user.familyName() != null) {
                name.put("familyName", user.familyName());
            }
        }
        ObjectNode email = node.putArray("emails").addObject();
        email.put("value", user.userName());
        email.put("type", "work");
        email.put("primary", true);
        node.put("active", user.active());
        ArrayNode groups = node.putArray("groups");
        for (Ref group : user.groups()) {
            ObjectNode ref = groups.addObject();
            ref.put("value", group.id().toString());
            ref.put("display", group.display());
            ref.put("$ref", base + "/Groups/" + group.id());
        }
        meta(node, "User", user.created().toString(), user.lastModified().toString(), base + "/Users/" + user.id());
        return node;
    }

    static ObjectNode group(Group group, String base, boolean withMembers) {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("schemas").add(GROUP_SCHEMA);
        node.put("id", group.id().toString());
        if (group.externalId() != null) {
            node.put("externalId", group.externalId());
        }
        node.put("displayName", group.displayName());
        if (withMembers) {
            ArrayNode members = node.putArray("members");
            for (Ref member : group.members()) {
                ObjectNode ref = members.addObject();
                ref.put("value", member.id().toString());
                ref.put("display", member.display());
                ref.put("$ref", base + "/Users/" + member.id());
            }
        }
        meta(
                node,
                "Group",
                group.created().toString(),
                group.lastModified().toString(),
                base + "/Groups/" + group.id());
        return node;
    }

    static <T> ObjectNode list(Page<T> page, Function<T, JsonNode> render) {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("schemas").add(LIST_SCHEMA);
        node.put("totalResults", page.totalResults());
        node.put("startIndex", page.startIndex());
        node.put("itemsPerPage", page.items().size());
        ArrayNode resources = node.putArray("Resources");
        page.items().forEach(item -> resources.add(render.apply(item)));
        return node;
    }

    static ObjectNode error(int status, @Nullable String scimType, String detail) {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("schemas").add(ERROR_SCHEMA);
        node.put("status", String.valueOf(status));
        if (scimType != null) {
            node.put("scimType", scimType);
        }
        node.put("detail", detail);
        return node;
    }

    static ArrayNode array(List<JsonNode> items) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(array::add);
        return array;
    }

    private static void meta(ObjectNode node, String type, String created, String modified, String location) {
        ObjectNode meta = node.putObject("meta");
        meta.put("resourceType", type);
        meta.put("created", created);
        meta.put("lastModified", modified);
        meta.put("location", location);
    }
}
