-- The tree of each group that lives in this region: the group itself, then companies, brands, seasons
-- and workrooms in one table. Names and creators are ciphertexts (Base64) under the group's field key,
-- bound to table, column and row; ids, kinds and times are not.
create table tenancy_group (
    group_id   uuid          not null primary key,
    name       varchar(2000) not null,
    created_by varchar(2000) not null,
    created_at timestamp with time zone not null,
    constraint tenancy_group_resident_fk foreign key (group_id) references resident_group (group_id)
);

-- A company has no parent node (its parent is the group); every other node's parent is in the same
-- group, which the composite key makes the database check. A deleted node keeps its row until it is
-- purged; deleted_with names the node whose deletion took it along (itself, or an ancestor).
create table tenancy_node (
    id           uuid          not null primary key,
    group_id     uuid          not null,
    kind         varchar(16)   not null,
    parent_id    uuid,
    name         varchar(2000) not null,
    created_by   varchar(2000) not null,
    created_at   timestamp with time zone not null,
    deleted_at   timestamp with time zone,
    deleted_with uuid,
    constraint tenancy_node_in_group unique (id, group_id),
    constraint tenancy_node_resident_fk foreign key (group_id) references resident_group (group_id),
    constraint tenancy_node_group_fk foreign key (group_id) references tenancy_group (group_id),
    constraint tenancy_node_parent_fk foreign key (parent_id, group_id) references tenancy_node (id, group_id)
);

create index tenancy_node_children on tenancy_node (group_id, parent_id, kind);
create index tenancy_node_deleted on tenancy_node (deleted_at);
create index tenancy_node_deleted_with on tenancy_node (deleted_with);
