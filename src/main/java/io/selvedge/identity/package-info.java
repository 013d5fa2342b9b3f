/**
 * Accounts, passwords, sign-in, MFA, sessions and API tokens.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "crypto", "notify", "protection"})
@org.jspecify.annotations.NullMarked
package io.selvedge.identity;
