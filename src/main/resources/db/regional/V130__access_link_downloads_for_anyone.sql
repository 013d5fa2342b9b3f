-- The group's switch that lets anyone holding a valid download link download through it (off: only
-- signed-in members of the group may). A setting, not content: not encrypted.
alter table access_security_policy add column link_downloads_for_anyone boolean default false not null;
