package io.selvedge.scim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/** A PatchOp request (RFC 7644 section 3.5.2), with the operation names in any case (Entra's "Replace"). */
final class ScimPatch {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private ScimPatch() {}

    enum Kind {
        ADD,
        REPLACE,
        REMOVE
    }

    record Op(Kind kind, @Nullable String path, JsonNode value) {

        static Op of(JsonNode operation) {
            if (!operation.isObject()) {
                throw ScimException.invalidSyntax("Each operation is an object.");
            }
            String name = ScimValues.text(operation.get("op"), "op");
            Kind kind;
            try {
                kind = Kind.valueOf(String.valueOf(name).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ScimException.invalidSyntax("op is add, replace or remove.");
            }
            String path = ScimValues.text(operation.get("path"), "path");
            JsonNode value = operation.get("value");
            return new Op(
                    kind,
                    path == null || path.isBlank() ? null : path.strip(),
                    value == null ? NullNode.getInstance() : value);
        }
    }

    static List<JsonNode> operations(JsonNode body) {
        JsonNode operations = body.get("Operations");
        if (operations == null) {
            operations = body.get("operations");
        }
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("A PatchOp has a list of Operations.");
        }
        if (operations.size() > 1000) {
            throw ScimException.invalidValue("Too many operations in one request.");
        }
        List<JsonNode> all = new ArrayList<>();
        operations.forEach(all::add);
        return all;
    }
}
