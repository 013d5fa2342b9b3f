/**
 * Single sign-on with Active Directory (LDAP), OIDC and SAML identity providers. Arrives with its issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity"})
@org.jspecify.annotations.NullMarked
package io.selvedge.sso;
