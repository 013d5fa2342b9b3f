-- The keysets of each key owner (a group here; the directory in the global store), only ever wrapped:
-- by the owner's own key in the KMS, then by the store's key-encrypting key named in kek_name.
create table crypto_key_owner (
    owner_id      uuid        not null primary key,
    state         varchar(24) not null,
    created_at    timestamp with time zone not null,
    destroy_after timestamp with time zone,
    destroyed_at  timestamp with time zone
);

create table crypto_keyset (
    owner_id   uuid        not null,
    purpose    varchar(16) not null,
    kek_name   varchar(64) not null,
    wrapped    bytea       not null,
    revision   bigint      not null,
    updated_at timestamp with time zone not null,
    primary key (owner_id, purpose)
);

create index crypto_keyset_by_kek on crypto_keyset (kek_name);
