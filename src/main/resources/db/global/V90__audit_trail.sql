-- The platform trail (events of no group: staff, installation), the same shape as each group's trail in
-- its region (db/regional V90), encrypted under the directory's field key. One trail today, named by
-- trail_id (the nil UUID).
create table audit_entry (
    trail_id    uuid          not null,
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
    primary key (trail_id, seq)
);

create index audit_entry_by_time on audit_entry (trail_id, occurred_at);

create table audit_trail_head (
    trail_id  uuid        not null primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);

create table audit_seal (
    trail_id  uuid         not null,
    kind      varchar(16)  not null,
    seq       bigint       not null,
    hash      varchar(64)  not null,
    sealed_at timestamp with time zone not null,
    signature varchar(512) not null,
    primary key (trail_id, kind, seq)
);
