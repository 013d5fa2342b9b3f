-- API tokens: only the SHA-256 of the secret is kept; the secret is shown once, at creation.
create table api_token (
    id             uuid         not null primary key,
    account_id     uuid         not null references account (id) on delete cascade,
    name           varchar(100) not null,
    token_hash     varchar(64)  not null,
    scopes         varchar(64)  not null,
    created_at     timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    last_used_at   timestamp with time zone,
    last_used_from varchar(64)
);
create unique index api_token_hash_idx on api_token (token_hash);
create index api_token_account_idx on api_token (account_id);
