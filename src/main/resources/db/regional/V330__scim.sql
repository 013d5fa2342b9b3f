-- SCIM 2.0 provisioning of the groups that live in this region. The tokens' secrets are not here: only
-- their SHA-256, in the directory's resource_home (to find the group of a bearer token). Names, display
-- names and external ids are customer data, encrypted under the group's keys; ids and flags are not.
create table scim_token (
    id           uuid                     not null primary key,
    group_id     uuid                     not null,
    name         varchar(1024)            not null,
    created_by   uuid                     not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    constraint scim_token_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index scim_token_by_group on scim_token (group_id);

-- A managed account the group's directory provisioned; its SCIM id is the account's id (id is the row's
-- own, to which its encrypted column is bound).
create table scim_user (
    id          uuid                     not null primary key,
    group_id    uuid                     not null,
    account_id  uuid                     not null,
    external_id varchar(2048),
    active      boolean                  not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint scim_user_account unique (group_id, account_id),
    constraint scim_user_resident_fk foreign key (group_id) references resident_group (group_id)
);

create table scim_group (
    id           uuid                     not null primary key,
    group_id     uuid                     not null,
    display_name varchar(2048)            not null,
    external_id  varchar(2048),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint scim_group_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index scim_group_by_group on scim_group (group_id);

create table scim_group_member (
    scim_group_id uuid not null,
    group_id      uuid not null,
    account_id    uuid not null,
    constraint scim_group_member_pk primary key (scim_group_id, account_id),
    constraint scim_group_member_group_fk foreign key (scim_group_id) references scim_group (id) on delete cascade,
    constraint scim_group_member_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index scim_group_member_by_account on scim_group_member (group_id, account_id);
