-- E-mail domains claimed by groups (issue 15). Global, because one domain belongs to at most one group of
-- the installation and an account's managing group is found from its address. A domain name is an
-- organisation's routing identifier, not personal data, so it is kept in clear like a username.
-- verified_domain is the domain once verified and null before: its unique constraint lets many groups
-- claim a domain but only one hold it verified.
create table access_email_domain (
    id              uuid         not null primary key,
    group_id        uuid         not null,
    domain          varchar(253) not null,
    txt_value       varchar(100) not null,
    verified_domain varchar(253) unique,
    verified_at     timestamp with time zone,
    verified_by     uuid,
    verified_by_staff boolean    not null default false,
    claimed_by      uuid         not null,
    claimed_at      timestamp with time zone not null,
    unique (group_id, domain)
);
create index access_email_domain_domain on access_email_domain (domain);
