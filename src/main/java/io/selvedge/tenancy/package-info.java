/**
 * Groups, companies, brands, seasons and workrooms, and the region each group lives in. Arrives with its issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "storage"})
package io.selvedge.tenancy;
