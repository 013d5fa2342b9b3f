/**
 * Configuration, environments, TLS, the problem documents and request ids every module uses.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package io.selvedge.platform;
