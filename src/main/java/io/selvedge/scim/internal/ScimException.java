package io.selvedge.scim.internal;

import org.jspecify.annotations.Nullable;

/** A SCIM error (RFC 7644 section 3.12): its HTTP status and, for a 400 or 409, its {@code scimType}. */
class ScimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable String scimType;

    ScimException(int status, @Nullable String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    static ScimException invalidFilter(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }

    static ScimException invalidSyntax(String detail) {
        return new ScimException(400, "invalidSyntax", detail);
    }

    static ScimException invalidPath(String detail) {
        return new ScimException(400, "invalidPath", detail);
    }

    static ScimException uniqueness(String detail) {
        return new ScimException(409, "uniqueness", detail);
    }

    static ScimException notFound(String what) {
        return new ScimException(404, null, what + " not found.");
    }

    int status() {
        return status;
    }

    @Nullable
    String scimType() {
        return scimType;
    }
}
