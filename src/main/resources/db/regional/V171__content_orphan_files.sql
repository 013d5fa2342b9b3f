-- Version files found in a group's blob store with no version row (a crash between storing the file
-- and recording its row), and when the purge first saw each: it deletes one only once it has stayed
-- orphaned longer than selvedge.content.orphan-file-age, so an upload still recording its row is never
-- touched. File ids are generated names (v-<uuid>), no customer content.
create table content_orphan_file (
    group_id      uuid        not null,
    file_id       varchar(64) not null,
    first_seen_at timestamp with time zone not null,
    primary key (group_id, file_id),
    constraint content_orphan_file_resident_fk foreign key (group_id) references resident_group (group_id)
);
