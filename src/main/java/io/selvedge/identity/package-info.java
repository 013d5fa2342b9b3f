/**
 * Accounts, passwords, sign-in, MFA, sessions and API tokens.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "crypto", "notify", "protection"})
package io.selvedge.identity;
