-- Single-use links mailed to an account's owner: password reset, and confirmation of a new e-mail
-- address. Only the SHA-256 of the link's secret (256 random bits) is kept; the new address of an e-mail
-- change is encrypted under the directory keys, bound to this table, column and row.
create table account_link (
    id         uuid          not null primary key,
    token_hash varchar(64)   not null,
    account_id uuid          not null references account (id) on delete cascade,
    purpose    varchar(16)   not null,
    new_email  varchar(1024),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);
create unique index account_link_token_idx on account_link (token_hash);
create index account_link_account_idx on account_link (account_id, purpose);
