-- Which group each comment and share link belongs to (ids only), and where a link's token lives, so
-- /comments/{id}, /links/{id} and /s/{token} find their region without asking every region.
create table collab_home (
    id       uuid        not null primary key,
    group_id uuid        not null,
    kind     varchar(16) not null,
    token_hash varchar(64)
);

create index collab_home_by_group on collab_home (group_id);
create unique index collab_home_token on collab_home (token_hash);

-- In-app notifications: ids only; the text is rendered when read, from what the reader may still see.
create table collab_notification (
    id         uuid        not null primary key,
    account_id uuid        not null,
    kind       varchar(32) not null,
    group_id   uuid        not null,
    target_id  uuid        not null,
    subject_id uuid,
    actor_id   uuid,
    created_at timestamp with time zone not null,
    read_at    timestamp with time zone
);

create index collab_notification_by_account on collab_notification (account_id, created_at);

-- Which kinds of notification each person also wants by e-mail (absent: the default, yes).
create table collab_notification_setting (
    account_id uuid        not null,
    kind       varchar(32) not null,
    by_email   boolean     not null,
    constraint collab_notification_setting_pk primary key (account_id, kind)
);
