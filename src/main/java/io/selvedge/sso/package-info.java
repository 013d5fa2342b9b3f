/**
 * Single sign-on: a group's connections to its identity providers (OIDC, SAML, LDAP / Active Directory),
 * kept encrypted in the group's region ({@link io.selvedge.sso.IdentityProviders}), and the completion of
 * a sign-in a provider vouched for ({@link io.selvedge.sso.SsoSignIns}): just-in-time managed accounts,
 * roles from the connection's mappings, and the web session. The protocols live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "identity", "access", "storage", "crypto"})
package io.selvedge.sso;
