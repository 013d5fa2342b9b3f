/**
 * SCIM 2.0 provisioning (RFC 7643/7644) at {@code /scim/v2}: a group's directory (Okta, Microsoft Entra ID...)
 * creates, updates, deactivates and deletes the group's managed accounts and puts them in SCIM groups, which
 * the group's single sign-on connections map to roles. Clients authenticate with the group's bearer tokens
 * ({@link io.selvedge.scim.ScimTokens}); every change is on the group's trail ({@link
 * io.selvedge.scim.ScimChanged}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "identity", "access", "storage", "crypto", "sso"})
@org.jspecify.annotations.NullMarked
package io.selvedge.scim;
