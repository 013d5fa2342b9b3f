-- Invitations to a group, with the role they grant on a node. The e-mail address is personal data:
-- encrypted under the group's keys, found through a blind index. The link's secret is never stored,
-- only its SHA-256 hash (the secret has 256 bits, so a plain hash is enough).
create table access_invitation (
    id           uuid          not null primary key,
    group_id     uuid          not null,
    node_id      uuid          not null,
    role         varchar(32)   not null,
    email        varchar(1024) not null,
    email_index  varchar(64)  not null,
    token_hash   varchar(64)  not null,
    status       varchar(16)   not null,
    invited_by   uuid          not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    sent_count   integer       not null,
    accepted_by  uuid,
    ended_at     timestamp with time zone,
    constraint access_invitation_token_uk unique (token_hash),
    constraint access_invitation_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index access_invitation_by_group on access_invitation (group_id, created_at);
