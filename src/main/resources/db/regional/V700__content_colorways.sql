-- The colorways of a style: a name and a swatch colour (#rrggbb), both ciphertexts (Base64) under the
-- group's field key, bound to table, column and row (an unreleased line's colours are customer content);
-- an optional image (one of the style's versions), and each colorway's own approval status. Ids, status,
-- times and account ids are not content.
create table content_colorway (
    id               uuid          not null primary key,
    group_id         uuid          not null,
    style_id         uuid          not null,
    name             varchar(2000) not null,
    swatch           varchar(400)  not null,
    image_version_id uuid,
    status           varchar(16)   not null,
    status_by        uuid,
    status_at        timestamp with time zone,
    created_by       uuid          not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint content_colorway_style_fk foreign key (style_id) references content_style (id) on delete cascade,
    constraint content_colorway_image_fk foreign key (image_version_id) references content_version (id)
        on delete set null,
    constraint content_colorway_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index content_colorway_by_style on content_colorway (style_id, created_at);
