-- A comment written in the viewer may carry a picture of the view it was written on (issue 21 item 7).
-- The picture is a file of the group's blob store, encrypted like every file; the row names it and its
-- type (image/png or image/webp). Both null for a comment without one.
alter table collab_comment add column screenshot_file varchar(200);
alter table collab_comment add column screenshot_type varchar(32);
