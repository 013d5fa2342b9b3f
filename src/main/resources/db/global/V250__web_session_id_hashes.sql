-- Web sessions are stored under the SHA-256 (hex) of their cookie's secret, never the secret itself.
-- Sessions stored under a clear id are ended: their owners sign in again.
delete from spring_session;
alter table spring_session alter column session_id set data type varchar(64);
