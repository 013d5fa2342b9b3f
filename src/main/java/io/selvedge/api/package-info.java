/**
 * The REST controllers of the public API (/api/v1).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "identity",
            "storage",
            "tenancy",
            "access",
            "audit",
            "content",
            "collab",
            "protection",
            "sso",
            "scim"
        })
@org.jspecify.annotations.NullMarked
package io.selvedge.api;
