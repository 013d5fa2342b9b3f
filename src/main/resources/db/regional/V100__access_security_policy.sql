-- The security policy of each group living in this region (one row per group, absent = the installation's
-- defaults). Settings only, no content: nothing is encrypted. The version counts changes (optimistic
-- concurrency for PUT, and the audit trail's reference).
create table access_security_policy (
    group_id            uuid          not null primary key,
    mfa_required        boolean       not null,
    idle_timeout_s      bigint,
    absolute_timeout_s  bigint,
    password_sign_in    boolean       not null,
    ip_allow_list       varchar(4000) not null,
    version             bigint        not null,
    changed_by          uuid,
    changed_at          timestamp with time zone not null,
    constraint access_security_policy_resident_fk foreign key (group_id) references resident_group (group_id)
);
