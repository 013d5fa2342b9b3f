-- Accounts of people: platform staff (staff_role set) and, with later migrations, customers.
create table account (
    id              uuid         not null primary key,
    username        varchar(64)  not null,
    password_hash   varchar(255),
    staff_role      varchar(32),
    status          varchar(16)  not null,
    created_at      timestamp with time zone not null,
    last_sign_in_at timestamp with time zone
);
create unique index account_username_idx on account (username);

-- One-time links that create the first platform admin; only a hash of the secret is kept.
create table setup_link (
    token_hash varchar(64) not null primary key,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);
