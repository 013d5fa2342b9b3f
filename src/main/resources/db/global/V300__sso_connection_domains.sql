-- Which single sign-on connection an e-mail domain routes to (issue 15): at most one per domain, across
-- every group, so the sign-in page sends a person to their identity provider before knowing the group.
-- Ids, the connection's type and the domain (already in clear in access_email_domain) only: the
-- connection's settings and secrets stay encrypted in the group's region (sso_connection).
create table sso_connection_domain (
    domain        varchar(253) not null primary key,
    connection_id uuid         not null,
    group_id      uuid         not null,
    type          varchar(8)   not null
);

create index sso_connection_domain_by_connection on sso_connection_domain (connection_id);
