-- The region's outbox (issue 16): Spring Modulith's event publication registry keeps the publications
-- of a group's events here, written in the same transaction as the change they report. Same shape as
-- the global store's table (db/global/V2, V180).
create table event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(1000000) not null,
    group_id               uuid,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone,
    -- a group's events rest only in its region, as every regional row of a group does
    constraint event_publication_resident_fk foreign key (group_id) references resident_group (group_id)
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_listener_idx on event_publication (listener_id);
create index event_publication_by_group_idx on event_publication (group_id);
