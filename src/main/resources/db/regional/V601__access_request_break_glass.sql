-- Break-glass (issue 19): emergency access to one group opened by two platform admins, at most one hour,
-- kept beside the customer-approved requests; the follow-up note is required before either opens another.
alter table access_request add column kind varchar(16) default 'REQUEST' not null;
alter table access_request add column follow_up varchar(4000);
alter table access_request add column follow_up_at timestamp with time zone;
