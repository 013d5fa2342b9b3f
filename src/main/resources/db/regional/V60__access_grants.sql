-- Role grants and shares of the groups that live in this region: who holds which role on which node
-- (node_id is the group's own id for a group role). One role per account per node. Ids, roles and flags
-- only: nothing here is content, so nothing is encrypted.
create table access_grant (
    group_id       uuid        not null,
    node_id        uuid        not null,
    account_id     uuid        not null,
    role           varchar(32) not null,
    allow_download boolean     not null,
    allow_upload   boolean     not null,
    granted_by     uuid,
    granted_at     timestamp with time zone not null,
    constraint access_grant_pk primary key (node_id, account_id),
    constraint access_grant_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index access_grant_by_account on access_grant (account_id, group_id);
create index access_grant_by_group on access_grant (group_id);

-- Bumped by every change of a group's grants or of the shape of its tree, so that every node of the
-- installation drops the decisions it cached for the group.
create table access_grant_version (
    group_id uuid   not null primary key,
    version  bigint not null,
    constraint access_grant_version_resident_fk foreign key (group_id) references resident_group (group_id)
);
