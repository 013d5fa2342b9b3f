-- Workflow stages (issue 21): a group's own stages for styles, their order and the roles that may move a
-- style into each. A group that never defined its stages has the defaults (content.internal.DefaultStages),
-- which are not stored. A stage's name is a ciphertext under the group's field key, bound to the row's id;
-- its key (the id the API and the styles use), colour, order and roles are not content.
create table content_stage (
    id         uuid          not null primary key,
    group_id   uuid          not null,
    stage_key  varchar(64)   not null,
    sort_order integer       not null,
    name       varchar(2000) not null,
    colour     varchar(7)    not null,
    roles      varchar(400)  not null,
    constraint content_stage_key_unique unique (group_id, stage_key),
    constraint content_stage_resident_fk foreign key (group_id) references resident_group (group_id)
);

-- The stage every style is in: the statuses of before stages map onto the default stages (in review is
-- where a style still being developed stood; approved is approved for production; rejected is dropped).
-- Approvals keep their own status and history (collab_approval), untouched.
alter table content_style add column stage varchar(64);
update content_style set stage = case status
    when 'APPROVED' then 'approved-for-production'
    when 'REJECTED' then 'dropped'
    else 'in-development' end;
alter table content_style alter column stage set not null;
create index content_style_by_stage on content_style (group_id, workroom_id, stage);

-- Each move of a style into a stage: who, when, from which stage into which (keys, not content).
create table content_stage_move (
    id         uuid        not null primary key,
    group_id   uuid        not null,
    style_id   uuid        not null,
    from_stage varchar(64),
    to_stage   varchar(64) not null,
    actor_id   uuid        not null,
    moved_at   timestamp with time zone not null,
    constraint content_stage_move_style_fk foreign key (style_id) references content_style (id) on delete cascade,
    constraint content_stage_move_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index content_stage_move_by_style on content_stage_move (style_id, moved_at);
