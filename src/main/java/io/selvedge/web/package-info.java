/**
 * The web pages, server-rendered.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "identity",
            "access",
            "tenancy",
            "content",
            "collab",
            "audit",
            "storage",
            "crypto",
            "notify",
            "sso",
            "scim",
            "protection"
        })
@org.jspecify.annotations.NullMarked
package io.selvedge.web;
