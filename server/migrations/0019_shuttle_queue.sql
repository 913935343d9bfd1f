-- Waitlist numbers: each trip hands out queue numbers in order (waitlist_seq), and records the
-- numbers of those who left the queue (promoted to a seat or cancelled). A waiting resident's
-- position is their number less the departures ahead of them, which a rush of thousands can
-- answer without counting the whole queue for every attempt.
ALTER TABLE shuttle_trips ADD COLUMN waitlist_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE shuttle_reservations ADD COLUMN queue_no BIGINT;
CREATE TABLE shuttle_queue_exits (
    trip_id BIGINT NOT NULL,
    queue_no BIGINT NOT NULL,
    PRIMARY KEY (trip_id, queue_no)
) {{WITHOUT_ROWID}};
UPDATE shuttle_reservations SET queue_no = (
    SELECT count(*) FROM shuttle_reservations w WHERE w.trip_id = shuttle_reservations.trip_id
    AND w.status = 'waitlisted' AND (w.booked_at < shuttle_reservations.booked_at
    OR (w.booked_at = shuttle_reservations.booked_at AND w.id <= shuttle_reservations.id)))
WHERE status = 'waitlisted';
UPDATE shuttle_trips SET waitlist_seq = (
    SELECT coalesce(max(queue_no), 0) FROM shuttle_reservations r WHERE r.trip_id = shuttle_trips.id);
CREATE INDEX shuttle_reservations_waitlist ON shuttle_reservations(trip_id, status, queue_no);
