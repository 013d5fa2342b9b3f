-- Where alerts are sent (issue 18, routing). The installation's teams, their channels and the rules that map
-- an alert's category and severity (and optionally its group) to teams. A channel's target (an address or a
-- URL) and its secret (a webhook's signing secret, a PagerDuty routing key) are encrypted under the
-- directory's key; kinds, ids and severities are not.
create table monitoring_team (
    id         uuid                     not null primary key,
    slug       varchar(64)              not null,
    name       varchar(200)             not null,
    created_at timestamp with time zone not null,
    constraint monitoring_team_slug unique (slug)
);

create table monitoring_channel (
    id         uuid                     not null primary key,
    team_id    uuid                     not null,
    kind       varchar(16)              not null,
    name       varchar(200)             not null,
    target     varchar(4096)            not null,
    secret     varchar(1024),
    created_at timestamp with time zone not null,
    constraint monitoring_channel_team_fk foreign key (team_id) references monitoring_team (id) on delete cascade
);

create index monitoring_channel_by_team on monitoring_channel (team_id);

create table monitoring_rule (
    id           uuid                     not null primary key,
    category     varchar(16)              not null,
    min_severity varchar(16)              not null,
    group_id     uuid,
    team_id      uuid                     not null,
    created_at   timestamp with time zone not null,
    constraint monitoring_rule_team_fk foreign key (team_id) references monitoring_team (id) on delete cascade
);

insert into monitoring_team (id, slug, name, created_at) values
    ('5e1ed9e0-0000-4000-8000-000000000001', 'security', 'Security', current_timestamp),
    ('5e1ed9e0-0000-4000-8000-000000000002', 'operations', 'Operations', current_timestamp),
    ('5e1ed9e0-0000-4000-8000-000000000003', 'network', 'Network engineering', current_timestamp);

insert into monitoring_rule (id, category, min_severity, group_id, team_id, created_at) values
    ('5e1ed9e0-0000-4000-8000-000000000011', 'SECURITY', 'INFO', null, '5e1ed9e0-0000-4000-8000-000000000001',
        current_timestamp),
    ('5e1ed9e0-0000-4000-8000-000000000012', 'OPERATIONS', 'INFO', null, '5e1ed9e0-0000-4000-8000-000000000002',
        current_timestamp),
    ('5e1ed9e0-0000-4000-8000-000000000013', 'NETWORK', 'INFO', null, '5e1ed9e0-0000-4000-8000-000000000003',
        current_timestamp);

-- One row per (alert change, channel): the unique key makes a redelivered AlertChanged write nothing twice.
-- The rendered message (alert facts only: AlertSignal carries no customer content by contract) is encrypted
-- under the directory's key. A row stays until it is sent; a channel that is down keeps its rows.
create table monitoring_delivery (
    id                uuid                     not null primary key,
    alert_id          uuid                     not null,
    change_kind       varchar(16)              not null,
    changed_at        timestamp with time zone not null,
    channel_id        uuid                     not null,
    channel_group_id  uuid,
    alert             varchar(16000)           not null,
    attempts          integer                  not null,
    next_attempt_at   timestamp with time zone not null,
    last_error        varchar(500),
    failure_reported  boolean                  not null,
    sent_at           timestamp with time zone,
    created_at        timestamp with time zone not null,
    constraint monitoring_delivery_once unique (alert_id, change_kind, changed_at, channel_id)
);

create index monitoring_delivery_due on monitoring_delivery (sent_at, next_attempt_at);
