-- One home table for every kind of a group's resource (issue 16): which group each node, style,
-- version, upload, comment and share link belongs to, and a link's token hash, so that a request naming
-- only an id (or a token) finds the region without asking every region. Ids only. It replaces
-- tenancy_node_home, content_home and collab_home, whose rows move here.
create table resource_home (
    id         uuid        not null primary key,
    group_id   uuid        not null,
    kind       varchar(16) not null,
    token_hash varchar(64)
);

create index resource_home_by_group on resource_home (group_id, kind);
create unique index resource_home_token on resource_home (token_hash);

insert into resource_home (id, group_id, kind, token_hash)
    select node_id, group_id, 'NODE', null from tenancy_node_home;
insert into resource_home (id, group_id, kind, token_hash)
    select id, group_id, kind, null from content_home;
insert into resource_home (id, group_id, kind, token_hash)
    select id, group_id, kind, token_hash from collab_home;

drop table tenancy_node_home;
drop table content_home;
drop table collab_home;

-- The outbox's rows name the group of their event, so the residency report can prove that no group's
-- event rests in the global store (they are written in the group's region, in the regional outbox).
alter table event_publication add column group_id uuid;
