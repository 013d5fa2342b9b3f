-- The region each group lives in, chosen once at creation. Holds no content: ids and region names only.
create table group_residency (
    group_id      uuid        not null primary key,
    region        varchar(32) not null,
    registered_at timestamp with time zone not null
);
