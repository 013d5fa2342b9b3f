-- sign_in_failure.subject_hash becomes a keyed hash (a blind index under the directory keys): the unkeyed
-- SHA-256 of a client address could be undone by hashing every IPv4 address. The rows are short-lived
-- throttle counters that cannot be re-keyed (the addresses are not known): they are dropped, which gives
-- every account and address its free attempts once more.
delete from sign_in_failure;
