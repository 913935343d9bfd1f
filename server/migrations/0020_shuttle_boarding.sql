-- Boarding passes (a random code per reservation, shown as a QR code on the resident's phone or
-- printed by their group leader), volunteers on trips and stops (their hours go to the volunteer
-- ledger when boarding closes), and eligibility by declaration: a service may ask residents to
-- confirm a statement (e.g. not yet vaccinated); only the time of that confirmation is stored,
-- never health details, and it is cleared when the trip closes.
ALTER TABLE shuttle_services ADD COLUMN declaration TEXT NOT NULL DEFAULT '';
ALTER TABLE shuttle_reservations ADD COLUMN pass_code TEXT;
ALTER TABLE shuttle_reservations ADD COLUMN declared_at BIGINT;
CREATE UNIQUE INDEX shuttle_reservations_pass ON shuttle_reservations(trip_id, pass_code);
CREATE TABLE shuttle_volunteers (
    id {{ID}},
    trip_id BIGINT NOT NULL REFERENCES shuttle_trips(id),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    stop_id BIGINT REFERENCES shuttle_stops(id),
    minutes BIGINT NOT NULL CHECK (minutes > 0 AND minutes <= 720),
    hours_id BIGINT,
    assigned_by BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (trip_id, resident_id)
);
CREATE INDEX shuttle_volunteers_resident ON shuttle_volunteers(resident_id);
