-- The account a share link answers to once an admin has taken it over (null: its creator). A link lives
-- only while that account may still make links to its target.
alter table collab_link add column owned_by uuid;
