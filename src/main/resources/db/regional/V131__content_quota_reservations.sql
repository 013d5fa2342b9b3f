-- Room reserved in a group's quota by uploads in progress, so that two uploads that each fit cannot
-- together pass the quota: a reservation is made under the lock of the group's usage row, and turned into
-- the version (or dropped) when the upload ends. A crash leaves a reservation that lapses at expires_at.
-- Sizes and times only, no content.
create table content_usage (
    group_id uuid not null primary key,
    constraint content_usage_resident_fk foreign key (group_id) references resident_group (group_id)
);

create table content_reservation (
    id         uuid   not null primary key,
    group_id   uuid   not null,
    bytes      bigint not null,
    expires_at timestamp with time zone not null,
    constraint content_reservation_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index content_reservation_by_group on content_reservation (group_id, expires_at);

-- The resumable upload a version came from: at most one version per upload, however many requests race
-- to complete it.
alter table content_version add column upload_id uuid;
create unique index content_version_upload on content_version (upload_id);
