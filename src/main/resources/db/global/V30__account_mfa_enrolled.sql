-- Whether the account has a second factor: it decides the shortest password the account may choose.
alter table account add column mfa_enrolled boolean default false not null;
