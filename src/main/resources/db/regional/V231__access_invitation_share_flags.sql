-- An invitation made by sharing with an e-mail address (issue 15: sharing never grants without the
-- invitee's consent) carries the share's download and upload allowances to the grant made on acceptance.
alter table access_invitation add column allow_download boolean not null default false;
alter table access_invitation add column allow_upload boolean not null default false;
