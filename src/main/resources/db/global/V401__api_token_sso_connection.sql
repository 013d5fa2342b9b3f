-- A token made by an account that signed in through single sign-on names the connection (OIDC or SAML on the
-- account page, LDAP at the token endpoint): token listings say so. No foreign key: a connection lives in the
-- group's region, and its removal leaves the mark (the token still came from it).
alter table api_token add column sso_connection_id uuid;
