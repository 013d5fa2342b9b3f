-- Staff access requests (Customer Lockbox, issue 19): a support or security staff member asks one group's
-- admins for a scope on one node, for at most 8 hours. The reason and ticket are staff's words, not customer
-- content. An approved request grants until expires_at unless revoked_at is set; authorization reads this
-- table at every request (no cache), so a revocation holds on every node at once.
create table access_request (
    id           uuid          not null primary key,
    group_id     uuid          not null,
    requester_id uuid          not null,
    scope        varchar(32)   not null,
    node_id      uuid          not null,
    reason       varchar(2000) not null,
    ticket       varchar(200)  not null,
    duration_s   bigint        not null,
    status       varchar(16)   not null,
    requested_at timestamp with time zone not null,
    decided_by   uuid,
    decided_at   timestamp with time zone,
    expires_at   timestamp with time zone,
    revoked_by   uuid,
    revoked_at   timestamp with time zone,
    constraint access_request_resident_fk foreign key (group_id) references resident_group (group_id)
);

create index access_request_by_group on access_request (group_id, requested_at);
create index access_request_by_requester on access_request (requester_id, requested_at);
