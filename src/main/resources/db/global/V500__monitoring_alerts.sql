-- The installation's own alerts (of no customer group; a group's alerts are in its region). The dedup key is
-- kept as a keyed hash (it may name an address) and, for routing, encrypted with the summary and the
-- details under the directory's key. open_key is the hash while the alert is not resolved: the unique index
-- folds concurrent raises of one key into one open alert, and a resolved alert's key opens a new one.
create table monitoring_alert (
    id              uuid                     not null primary key,
    group_id        uuid,
    detection       varchar(100)             not null,
    severity        varchar(16)              not null,
    category        varchar(16)              not null,
    dedup_hash      varchar(64)              not null,
    open_key        varchar(64),
    dedup_key       varchar(4096)            not null,
    summary         varchar(4096)            not null,
    details         varchar(65536)           not null,
    signals         bigint                   not null,
    first_seen      timestamp with time zone not null,
    last_seen       timestamp with time zone not null,
    status          varchar(16)              not null,
    acknowledged_by uuid,
    acknowledged_at timestamp with time zone,
    resolved_by     uuid,
    resolved_at     timestamp with time zone,
    escalated_at    timestamp with time zone,
    constraint monitoring_alert_installation check (group_id is null)
);

create unique index monitoring_alert_open on monitoring_alert (open_key);
create index monitoring_alert_by_time on monitoring_alert (first_seen, id);

-- What happened to an alert, for the console: opened, repeated (one entry per run of repeats), acknowledged,
-- resolved, escalated; who, and how many signals it had then.
create table monitoring_alert_timeline (
    id       uuid                     not null primary key,
    seq      bigint generated always as identity,
    alert_id uuid                     not null,
    group_id uuid,
    changed_at timestamp with time zone not null,
    kind     varchar(16)              not null,
    signals  bigint                   not null,
    by_account uuid,
    constraint monitoring_alert_timeline_alert_fk foreign key (alert_id) references monitoring_alert (id) on delete cascade
);

create index monitoring_alert_timeline_by_alert on monitoring_alert_timeline (alert_id, seq);
