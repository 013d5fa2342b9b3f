-- Which group each style, version and resumable upload belongs to, so that /styles/{id},
-- /versions/{id} and /uploads/{id} find their region without asking every region. Ids only.
create table content_home (
    id       uuid        not null primary key,
    group_id uuid        not null,
    kind     varchar(16) not null
);

create index content_home_by_group on content_home (group_id);
