-- Each group's audit trail, append-only and hash-chained: entry n carries the hash of entry n-1
-- (prev_hash) and its own hash over its stored fields, ciphertexts included. The actor's and target's
-- names, the address and the user agent are ciphertexts (Base64) under the group's field key, bound to
-- table, column and row (group_id#seq); ids, kinds, actions, outcomes, times and request ids are not.
create table audit_entry (
    group_id    uuid          not null,
    seq         bigint        not null,
    occurred_at timestamp with time zone not null,
    actor_kind  varchar(16)   not null,
    actor_id    varchar(64),
    actor_name  varchar(2000),
    address     varchar(2000),
    user_agent  varchar(4000),
    action      varchar(128)  not null,
    target_kind varchar(64)   not null,
    target_id   varchar(256),
    target_name varchar(2000),
    outcome     varchar(16)   not null,
    request_id  varchar(128),
    prev_hash   varchar(64)   not null,
    hash        varchar(64)   not null,
    primary key (group_id, seq),
    constraint audit_entry_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index audit_entry_by_time on audit_entry (group_id, occurred_at);

-- The head of each trail: appends lock this row, so concurrent writers never fork the chain.
create table audit_trail_head (
    group_id  uuid        not null primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null,
    constraint audit_trail_head_resident_fk foreign key (group_id) references resident_group (group_id)
);

-- Signed heads, apart from the entries: seals (every hour) and retention checkpoints (where the kept
-- chain starts after a purge). The signature (Base64) is the region's signing key's.
create table audit_seal (
    group_id  uuid         not null,
    kind      varchar(16)  not null,
    seq       bigint       not null,
    hash      varchar(64)  not null,
    sealed_at timestamp with time zone not null,
    signature varchar(512) not null,
    primary key (group_id, kind, seq),
    constraint audit_seal_resident_fk foreign key (group_id) references resident_group (group_id)
);
