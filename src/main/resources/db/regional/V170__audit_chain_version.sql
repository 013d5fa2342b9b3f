-- Chain version 2: an entry's hash covers its plaintexts and a secret salt (hash_salt, a ciphertext
-- under the trail's field key, bound to its row like the other encrypted columns), no longer its
-- ciphertexts, so a key rotation re-encrypts entries without breaking the chain. Existing entries stay
-- version 1 (hashed over their ciphertexts) until the re-encryption after a key rotation re-chains them.
alter table audit_entry add column chain_version smallint default 1 not null;
alter table audit_entry add column hash_salt varchar(2000);
