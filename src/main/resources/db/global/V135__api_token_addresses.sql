-- The addresses each API token was used from, so that a use from a new one is on the audit trail. An
-- address is personal data: only a keyed hash of it (a blind index under the directory keys, bound to the
-- token) is kept, and at most a few per token (the least recently seen is dropped first).
create table api_token_address (
    token_id     uuid        not null references api_token (id) on delete cascade,
    address_hash varchar(64) not null,
    seen_at      timestamp with time zone not null,
    primary key (token_id, address_hash)
);

-- The address a token was last used from is kept encrypted from now on (it was in clear): the longer
-- column holds the ciphertext, and the addresses written before are forgotten.
alter table api_token alter column last_used_from set data type varchar(512);
update api_token set last_used_from = null;
