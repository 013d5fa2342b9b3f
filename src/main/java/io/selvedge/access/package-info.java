/**
 * The permission table, grants, shares and the one authorization decision point. Arrives with its issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "tenancy"})
package io.selvedge.access;
