-- The groups that live in this region, as the global directory says. Every table holding group
-- content has a group_id column referencing this table, so the database itself refuses a row of a
-- group that lives in another region. Ids and times only.
create table resident_group (
    group_id    uuid not null primary key,
    admitted_at timestamp with time zone not null
);
