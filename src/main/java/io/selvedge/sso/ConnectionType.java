package io.selvedge.sso;

/** The protocol of a single sign-on connection. */
public enum ConnectionType {
    OIDC,
    SAML,
    LDAP
}
