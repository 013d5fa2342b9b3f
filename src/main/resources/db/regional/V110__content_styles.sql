-- Styles of the workrooms of the groups that live in this region. Name, description and tags are
-- ciphertexts (Base64) under the group's field key, bound to table, column and row; ids, status, times
-- and account ids are not. A deleted style keeps its row until it is purged; so does a style whose
-- workroom was purged (no foreign key to tenancy_node: the content module purges it after the workroom).
create table content_style (
    id          uuid          not null primary key,
    group_id    uuid          not null,
    workroom_id uuid          not null,
    name        varchar(2000) not null,
    description varchar(12000) not null,
    tags        varchar(12000) not null,
    status      varchar(16)   not null,
    status_by   uuid,
    status_at   timestamp with time zone,
    created_by  uuid          not null,
    created_at  timestamp with time zone not null,
    updated_by  uuid          not null,
    updated_at  timestamp with time zone not null,
    deleted_at  timestamp with time zone,
    constraint content_style_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index content_style_by_workroom on content_style (group_id, workroom_id);
create index content_style_deleted on content_style (deleted_at);

-- One blind index (a keyed hash, never the tag) per tag of a style, for filtering by tag.
create table content_style_tag (
    style_id  uuid          not null,
    group_id  uuid          not null,
    tag_index bytea       not null,
    constraint content_style_tag_pk primary key (style_id, tag_index),
    constraint content_style_tag_style_fk foreign key (style_id) references content_style (id) on delete cascade,
    constraint content_style_tag_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index content_style_tag_lookup on content_style_tag (group_id, tag_index);

create table content_favourite (
    account_id uuid not null,
    style_id   uuid not null,
    group_id   uuid not null,
    created_at timestamp with time zone not null,
    constraint content_favourite_pk primary key (account_id, style_id),
    constraint content_favourite_style_fk foreign key (style_id) references content_style (id) on delete cascade,
    constraint content_favourite_resident_fk foreign key (group_id) references resident_group (group_id)
);

-- The versions of a style: each a file in the group's blob store (encrypted as it streamed in), its
-- original file name and SHA-256 encrypted; size and media type are not content.
create table content_version (
    id             uuid          not null primary key,
    group_id       uuid          not null,
    style_id       uuid          not null,
    number         integer       not null,
    filename       varchar(2000) not null,
    content_type   varchar(255)  not null,
    size_bytes     bigint        not null,
    sha256         varchar(400)  not null,
    file_id        varchar(128)  not null,
    thumbnail_file varchar(128),
    thumbnail_type varchar(64),
    created_by     uuid          not null,
    created_at     timestamp with time zone not null,
    constraint content_version_number unique (style_id, number),
    constraint content_version_style_fk foreign key (style_id) references content_style (id) on delete cascade,
    constraint content_version_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index content_version_by_group on content_version (group_id);

-- Resumable (tus) uploads in progress: each PATCH is stored as its own encrypted part (a file of its
-- own), so the offset is the sum of the parts that were stored; the file name is a ciphertext.
create table content_upload (
    id            uuid          not null primary key,
    group_id      uuid          not null,
    style_id      uuid          not null,
    filename      varchar(2000) not null,
    content_type  varchar(255)  not null,
    length_bytes  bigint        not null,
    offset_bytes  bigint        not null,
    created_by    uuid          not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    constraint content_upload_style_fk foreign key (style_id) references content_style (id) on delete cascade,
    constraint content_upload_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index content_upload_expiry on content_upload (expires_at);

create table content_upload_part (
    upload_id  uuid         not null,
    part_no    integer      not null,
    group_id   uuid         not null,
    file_id    varchar(128) not null,
    size_bytes bigint       not null,
    constraint content_upload_part_pk primary key (upload_id, part_no),
    constraint content_upload_part_upload_fk foreign key (upload_id) references content_upload (id) on delete cascade,
    constraint content_upload_part_resident_fk foreign key (group_id) references resident_group (group_id)
);
