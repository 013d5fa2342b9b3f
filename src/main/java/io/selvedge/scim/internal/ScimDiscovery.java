package io.selvedge.scim.internal;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What the service provider supports (RFC 7643 sections 5 to 7), for clients that ask before they act. */
final class ScimDiscovery {

    private ScimDiscovery() {}

    static ObjectNode serviceProviderConfig(String base) {
        ObjectNode node = ScimResources.JSON.createObjectNode();
        node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        node.put("documentationUri", base.replaceFirst("/scim/v2$", "") + "/api/v1/openapi.json");
        node.putObject("patch").put("supported", true);
        ObjectNode bulk = node.putObject("bulk");
        bulk.put("supported", false);
        bulk.put("maxOperations", 0);
        bulk.put("maxPayloadSize", 0);
        ObjectNode filter = node.putObject("filter");
        filter.put("supported", true);
        filter.put("maxResults", ScimUsers.MAX_COUNT);
        node.putObject("changePassword").put("supported", false);
        node.putObject("sort").put("supported", false);
        node.putObject("etag").put("supported", false);
        ObjectNode scheme = node.putArray("authenticationSchemes").addObject();
        scheme.put("type", "oauthbearertoken");
        scheme.put("name", "Bearer token");
        scheme.put("description", "A SCIM token of the group: POST /api/v1/groups/{id}/scim-tokens.");
        scheme.put("primary", true);
        meta(node, "ServiceProviderConfig", base + "/ServiceProviderConfig");
        return node;
    }

    static List<JsonNode> resourceTypes(String base) {
        return List.of(
                resourceType(base, "User", "/Users", ScimResources.USER_SCHEMA),
                resourceType(base, "Group", "/Groups", ScimResources.GROUP_SCHEMA));
    }

    static List<JsonNode> schemas(String base) {
        ObjectNode user = schema(base, ScimResources.USER_SCHEMA, "User");
        ArrayNode userAttributes = user.putArray("attributes");
        attribute(userAttributes, "userName", "string", true, "server", "The person's e-mail address.");
        ObjectNode name = attribute(userAttributes, "name", "complex", false, "none", "The person's name.");
        ArrayNode parts = name.putArray("subAttributes");
        attribute(parts, "formatted", "string", false, "none", "The full name.");
        attribute(parts, "givenName", "string", false, "none", "The given name.");
        attribute(parts, "familyName", "string", false, "none", "The family name.");
        attribute(userAttributes, "displayName", "string", false, "none", "The name shown.");
        attribute(userAttributes, "active", "boolean", false, "none", "Whether the person may sign in.");
        ObjectNode emails = attribute(userAttributes, "emails", "complex", false, "none", "The work address.");
        emails.put("multiValued", true);
        attribute(emails.putArray("subAttributes"), "value", "string", false, "none", "The address.");
        ObjectNode groups = attribute(userAttributes, "groups", "complex", false, "none", "The user's groups.");
        groups.put("multiValued", true);
        groups.put("mutability", "readOnly");
        ObjectNode group = schema(base, ScimResources.GROUP_SCHEMA, "Group");
        ArrayNode groupAttributes = group.putArray("attributes");
        attribute(groupAttributes, "displayName", "string", true, "server", "Matched to the role mappings.");
        ObjectNode members = attribute(groupAttributes, "members", "complex", false, "none", "The users in it.");
        members.put("multiValued", true);
        attribute(members.putArray("subAttributes"), "value", "string", false, "none", "A user's id.");
        return List.of(user, group);
    }

    private static ObjectNode resourceType(String base, String name, String endpoint, String schema) {
        ObjectNode node = ScimResources.JSON.createObjectNode();
        node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        node.put("id", name);
        node.put("name", name);
        node.put("endpoint", endpoint);
        node.put("schema", schema);
        meta(node, "ResourceType", base + "/ResourceTypes/" + name);
        return node;
    }

    private static ObjectNode schema(String base, String id, String name) {
        ObjectNode node = ScimResources.JSON.createObjectNode();
        node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Schema");
        node.put("id", id);
        node.put("name", name);
        meta(node, "Schema", base + "/Schemas/" + id);
        return node;
    }

    private static ObjectNode attribute(
            ArrayNode into, String name, String type, boolean required, String uniqueness, String description) {
        ObjectNode node = into.addObject();
        node.put("name", name);
        node.put("type", type);
        node.put("multiValued", false);
        node.put("description", description);
        node.put("required", required);
        node.put("caseExact", false);
        node.put("mutability", "readWrite");
        node.put("returned", "default");
        node.put("uniqueness", uniqueness);
        return node;
    }

    private static void meta(ObjectNode node, String type, String location) {
        ObjectNode meta = node.putObject("meta");
        meta.put("resourceType", type);
        meta.put("location", location);
    }
}
