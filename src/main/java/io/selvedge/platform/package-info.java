/**
 * Configuration, environments, TLS, the problem documents and request ids every module uses.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.selvedge.platform;
