-- Progress of the background jobs that re-encrypt a group's data after its key rotated, one row per
-- participant (a module's ReEncryptable): visible, and resumed from cursor_id after a crash.
create table crypto_reencryption (
    job_id      uuid         not null,
    participant varchar(100) not null,
    group_id    uuid         not null,
    finished    boolean      not null,
    cursor_id   varchar(200),
    rewritten   bigint       not null,
    last_error  varchar(500),
    started_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    primary key (job_id, participant)
);

create index crypto_reencryption_unfinished on crypto_reencryption (finished);
