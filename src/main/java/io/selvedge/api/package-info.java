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
            "sso"
        })
package io.selvedge.api;
