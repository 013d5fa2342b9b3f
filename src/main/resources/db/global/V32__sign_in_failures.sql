-- Failed sign-ins, counted per account and per client address and apart per factor (password, one-time
-- code), in the global store so that every node throttles alike. The subject is a SHA-256 of what was
-- typed or where it came from, so a password typed into the username field is not kept.
create table sign_in_failure (
    subject_hash    varchar(64) not null,
    factor          varchar(16) not null,
    failures        integer     not null,
    last_failure_at timestamp with time zone not null,
    constraint sign_in_failure_pk primary key (subject_hash, factor)
);
