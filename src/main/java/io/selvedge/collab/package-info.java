/**
 * Collaboration on styles: comments (with mentions), approvals, share links, follows and notifications.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "storage",
            "crypto",
            "access",
            "tenancy",
            "identity",
            "content",
            "notify",
            "protection"
        })
@org.jspecify.annotations.NullMarked
package io.selvedge.collab;
