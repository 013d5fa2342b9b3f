/**
 * Rate limits, the client address behind trusted proxies, IP rules. Arrives with its issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package io.selvedge.protection;
