-- The material files (.mtl) of an OBJ version, one per colourway as OBJ exports make them: grouped into the
-- version, each naming the colorway it shows. Small text files, kept whole in the row: the file name and
-- the content are ciphertexts (Base64) under the group's field key, bound to table, column and row.
create table content_version_material (
    id          uuid           not null primary key,
    group_id    uuid           not null,
    version_id  uuid           not null,
    colorway_id uuid,
    filename    varchar(2000)  not null,
    content     varchar(120000) not null,
    size_bytes  bigint         not null,
    created_by  uuid           not null,
    created_at  timestamp with time zone not null,
    constraint content_version_material_version_fk foreign key (version_id) references content_version (id)
        on delete cascade,
    constraint content_version_material_colorway_fk foreign key (colorway_id) references content_colorway (id)
        on delete set null,
    constraint content_version_material_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index content_version_material_by_version on content_version_material (version_id, created_at);
