-- An account's e-mail address and display name, both personal data: encrypted under the directory keys
-- (bound to this table, column and row). The address is found and kept unique through a blind index (a
-- keyed hash of the normalised address), never through the address itself.
alter table account add column email varchar(1024);
alter table account add column email_index varchar(64);
alter table account add column display_name varchar(1024);
create unique index account_email_index_idx on account (email_index);
