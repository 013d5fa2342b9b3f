/**
 * Styles, versions, comments, approvals and share links. Arrives with its issue.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "storage", "crypto", "access", "tenancy"})
package io.selvedge.content;
