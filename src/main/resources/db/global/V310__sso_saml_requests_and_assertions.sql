-- SAML sign-ins (issue 15), shared by every node through the global store.
-- sso_saml_request: the AuthnRequests a browser was sent with and has not used, so a response answers
-- only a request of the same browser. The browser is named by the SHA-256 of a random value in its own
-- short-lived cookie (the IdP posts cross-site, where the session cookie is not sent); the relay state
-- is a random value too. No personal data.
create table sso_saml_request (
    request_id    varchar(64)              not null primary key,
    connection_id uuid                     not null,
    browser_hash  varchar(64)              not null,
    relay_state   varchar(64)              not null,
    expires_at    timestamp with time zone not null
);
create index sso_saml_request_by_browser on sso_saml_request (browser_hash);
create index sso_saml_request_by_expiry on sso_saml_request (expires_at);

-- sso_saml_assertion_use: the assertions already used (the SHA-256 of issuer and assertion id), kept until
-- they could no longer be accepted anyway, so a captured response signs nobody in a second time.
create table sso_saml_assertion_use (
    use_hash   varchar(64)              not null primary key,
    expires_at timestamp with time zone not null
);
create index sso_saml_assertion_use_by_expiry on sso_saml_assertion_use (expires_at);
