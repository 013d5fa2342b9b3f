-- Pictures of a version's model rendered by a viewer's browser: a thumbnail and a turntable (frames around
-- the model, side by side in one image), one pair per (version, colorway). The images are files in the
-- group's blob store, encrypted like every file; a row holds only their ids, sizes and who rendered them.
--
-- colorway_id is null for the version's own look. It names a colorway (content_colorway, being added
-- beside this) but has no foreign key yet: once colorways have landed, add
--   foreign key (colorway_id) references content_colorway (id) on delete cascade.
-- There is no unique key on (version_id, colorway_id) either, since a null colorway would not be unique
-- on every database: a render is written under the lock of its version's row, which keeps it one per pair.
--
-- asked_at: when a viewer's page was last asked to render it, while it is not rendered yet; null means the
-- next viewer is asked (the scheduled job clears it once an asked viewer has not delivered for a while).
create table content_render (
    version_id     uuid        not null,
    colorway_id    uuid,
    group_id       uuid        not null,
    asked_at       timestamp with time zone,
    thumbnail_file varchar(128),
    turntable_file varchar(128),
    frames         integer,
    frame_width    integer,
    frame_height   integer,
    rendered_by    uuid,
    rendered_at    timestamp with time zone,
    constraint content_render_version_fk foreign key (version_id) references content_version (id) on delete cascade,
    constraint content_render_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index content_render_by_version on content_render (version_id);
create index content_render_unrendered on content_render (rendered_at, asked_at);
