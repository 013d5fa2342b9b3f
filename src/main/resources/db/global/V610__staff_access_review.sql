-- The staff access review: each time a platform admin confirmed that a staff account keeps its role.
create table staff_access_confirmation (
    id           uuid        not null primary key,
    account_id   uuid        not null references account (id) on delete cascade,
    staff_role   varchar(32) not null,
    confirmed_by uuid        not null,
    confirmed_at timestamp with time zone not null
);
create index staff_access_confirmation_account_idx on staff_access_confirmation (account_id, confirmed_at);
