-- Comments, approvals, follows and share links of the styles of the groups that live in this region.
-- Bodies, notes and pins are ciphertexts (Base64) under the group's field key, bound to table, column
-- and row; ids, flags and times are not content. A link keeps only a hash of its token and an Argon2id
-- hash of its password.
create table collab_comment (
    id          uuid          not null primary key,
    group_id    uuid          not null,
    style_id    uuid          not null,
    version_id  uuid,
    author_id   uuid          not null,
    body        varchar(20000) not null,
    pin         varchar(2000),
    resolved    boolean       not null,
    resolved_by uuid,
    resolved_at timestamp with time zone,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint collab_comment_style_fk foreign key (style_id) references content_style (id) on delete cascade,
    constraint collab_comment_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index collab_comment_by_style on collab_comment (style_id, created_at);

create table collab_approval (
    id         uuid          not null primary key,
    group_id   uuid          not null,
    style_id   uuid          not null,
    status     varchar(16)   not null,
    note       varchar(8000) not null,
    actor_id   uuid          not null,
    created_at timestamp with time zone not null,
    constraint collab_approval_style_fk foreign key (style_id) references content_style (id) on delete cascade,
    constraint collab_approval_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index collab_approval_by_style on collab_approval (style_id, created_at);

create table collab_follow (
    account_id uuid not null,
    style_id   uuid not null,
    group_id   uuid not null,
    created_at timestamp with time zone not null,
    constraint collab_follow_pk primary key (account_id, style_id),
    constraint collab_follow_style_fk foreign key (style_id) references content_style (id) on delete cascade,
    constraint collab_follow_resident_fk foreign key (group_id) references resident_group (group_id)
);

create table collab_link (
    id             uuid         not null primary key,
    group_id       uuid         not null,
    target_id      uuid         not null,
    target_kind    varchar(16)  not null,
    token_hash     varchar(64)  not null,
    password_hash  varchar(255),
    allow_download boolean      not null,
    expires_at     timestamp with time zone not null,
    created_by     uuid         not null,
    created_at     timestamp with time zone not null,
    revoked_at     timestamp with time zone,
    constraint collab_link_resident_fk foreign key (group_id) references resident_group (group_id)
);

create unique index collab_link_token on collab_link (token_hash);
create index collab_link_by_target on collab_link (target_id);
