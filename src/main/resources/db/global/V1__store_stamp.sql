-- What this store was made for; one row, written when the store is first initialised.
create table selvedge_store_stamp (
    store           varchar(64)  not null primary key,
    environment     varchar(16)  not null,
    installation_id varchar(64)  not null,
    demo_data       boolean      not null,
    stamped_at      timestamp with time zone not null
);
