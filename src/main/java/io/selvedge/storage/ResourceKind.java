package io.selvedge.storage;

/** What an id names, as its home in the global directory records it. */
public enum ResourceKind {
    NODE,
    STYLE,
    VERSION,
    UPLOAD,
    COMMENT,
    LINK,
    /** A group's single sign-on connection (OIDC, SAML or LDAP identity provider). */
    SSO_CONNECTION
}
