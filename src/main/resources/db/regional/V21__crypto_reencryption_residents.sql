-- Re-encryption progress is group content of its region like any other: it refers to a resident group.
alter table crypto_reencryption
    add constraint crypto_reencryption_resident_fk foreign key (group_id) references resident_group (group_id);
