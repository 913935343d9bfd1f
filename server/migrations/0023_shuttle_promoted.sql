-- When a waitlisted booking took a freed seat, so the resident (and their group leader) are told
-- on their page that the waitlist moved them up.
ALTER TABLE shuttle_reservations ADD COLUMN promoted_at BIGINT;
