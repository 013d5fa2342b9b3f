-- The name parts a directory sends for a user (SCIM name.givenName, name.familyName), encrypted as the
-- external id is: returned as sent, not guessed from the display name.
alter table scim_user add column given_name varchar(2048);
alter table scim_user add column family_name varchar(2048);
