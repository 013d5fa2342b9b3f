-- TOTP of an account: the secret encrypted under the directory keys (bound to this table, column and
-- row), pending until confirmed; the last time step used, so that a code works once.
create table account_totp (
    account_id     uuid          not null primary key references account (id) on delete cascade,
    secret         varchar(1024) not null,
    confirmed_at   timestamp with time zone,
    last_used_step bigint,
    created_at     timestamp with time zone not null
);

-- Recovery codes: only the SHA-256 of each (high-entropy) code is kept; a used code is deleted.
create table recovery_code (
    account_id uuid        not null references account (id) on delete cascade,
    code_hash  varchar(64) not null,
    primary key (account_id, code_hash)
);
