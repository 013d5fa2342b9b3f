-- The outbox publication each entry was written for: a delivery repeated after a crash (between the
-- append and the publication's completion) finds its entry and writes no second one.
alter table audit_entry add column delivery_id uuid;
create unique index audit_entry_delivery on audit_entry (trail_id, delivery_id);
