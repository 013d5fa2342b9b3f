-- A group's own security contacts (issue 18, routing): the channels its admins chose and the least severe
-- alert of the group they are sent. Targets and secrets are the group's data, encrypted under its keys.
create table monitoring_contact_setting (
    group_id     uuid        not null primary key,
    min_severity varchar(16) not null,
    constraint monitoring_contact_setting_resident_fk foreign key (group_id) references resident_group (group_id)
);

create table monitoring_contact_channel (
    id         uuid                     not null primary key,
    group_id   uuid                     not null,
    kind       varchar(16)              not null,
    name       varchar(200)             not null,
    target     varchar(4096)            not null,
    secret     varchar(1024),
    created_at timestamp with time zone not null,
    constraint monitoring_contact_channel_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index monitoring_contact_channel_by_group on monitoring_contact_channel (group_id);
