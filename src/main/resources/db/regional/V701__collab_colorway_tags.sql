-- A comment may be tagged with one of its style's colorways (the style page filters by it), and an
-- approval may be a colorway's own (null: the style's). A deleted colorway's comments stay, untagged;
-- its approvals go with it.
alter table collab_comment add column colorway_id uuid;
alter table collab_comment add constraint collab_comment_colorway_fk foreign key (colorway_id)
    references content_colorway (id) on delete set null;
create index collab_comment_by_colorway on collab_comment (colorway_id);

alter table collab_approval add column colorway_id uuid;
alter table collab_approval add constraint collab_approval_colorway_fk foreign key (colorway_id)
    references content_colorway (id) on delete cascade;
create index collab_approval_by_colorway on collab_approval (colorway_id, created_at);
