-- Break-glass accounts (issue 15): the managed accounts a single sign-on only group still lets sign in with
-- a password (and MFA), so that an outage of its identity provider does not lock its admins out. Ids only.
create table access_break_glass (
    group_id   uuid not null,
    account_id uuid not null,
    named_by   uuid not null,
    named_at   timestamp with time zone not null,
    constraint access_break_glass_pk primary key (group_id, account_id),
    constraint access_break_glass_resident_fk foreign key (group_id) references resident_group (group_id)
);
