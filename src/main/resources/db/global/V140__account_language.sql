-- The language an account chose for the pages (a BCP 47 tag such as en or pt-PT); null: the browser's.
-- A preference, not personal content: kept in clear.
alter table account add column language varchar(16);
