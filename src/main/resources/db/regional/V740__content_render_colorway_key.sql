-- A render's colorway is one of its version's style's colorways (the service checks the style; this keeps the
-- row from outliving its colorway). Renders that name no colorway (none could be sent from a page yet; only
-- the API could name one) are removed first; their files go with the style's purge.
delete from content_render
 where colorway_id is not null
   and colorway_id not in (select id from content_colorway);

alter table content_render
    add constraint content_render_colorway_fk foreign key (colorway_id) references content_colorway (id)
        on delete cascade;
