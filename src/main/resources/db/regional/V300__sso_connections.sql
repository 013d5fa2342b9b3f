-- A group's single sign-on connections (issue 15): OIDC, SAML and LDAP identity providers. The settings
-- (name, issuer, metadata, directory, domains, role mappings) are one JSON document and the secret (an
-- OIDC client secret or an LDAP bind password) another, each encrypted under the group's keys.
create table sso_connection (
    id         uuid            not null primary key,
    group_id   uuid            not null,
    type       varchar(8)      not null,
    settings   varchar(1000000) not null,
    secret     varchar(8192),
    version    bigint          not null,
    created_by uuid            not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint sso_connection_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index sso_connection_by_group on sso_connection (group_id);
