-- Community shuttle (社区接驳车), after 南山社区's free vaccination shuttle: services with a
-- destination and eligibility, trips with a vehicle and its seats, stops at compound gates with
-- times, and reservations (one per resident and trip). booked_count moves in the same
-- transaction as each confirmation and its CHECK keeps it within the seats; the unique index is
-- the last guard against a second seat for one resident.
CREATE TABLE shuttle_services (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    destination TEXT NOT NULL,
    operator TEXT NOT NULL DEFAULT '',
    min_age BIGINT,
    max_age BIGINT,
    notes TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);

-- status: open | closed (boarding finished; confirmed but not boarded became no-shows)
CREATE TABLE shuttle_trips (
    id {{ID}},
    service_id BIGINT NOT NULL REFERENCES shuttle_services(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    trip_date TEXT NOT NULL,
    departs_at BIGINT NOT NULL,
    booking_deadline BIGINT NOT NULL,
    vehicle TEXT NOT NULL,
    seats BIGINT NOT NULL CHECK (seats > 0),
    booked_count BIGINT NOT NULL DEFAULT 0 CHECK (booked_count >= 0 AND booked_count <= seats),
    status TEXT NOT NULL DEFAULT 'open',
    created_at BIGINT NOT NULL
);
CREATE INDEX shuttle_trips_community ON shuttle_trips(community_id, trip_date);

CREATE TABLE shuttle_stops (
    id {{ID}},
    trip_id BIGINT NOT NULL REFERENCES shuttle_trips(id),
    seq BIGINT NOT NULL,
    name TEXT NOT NULL,
    stop_time TEXT NOT NULL
);
CREATE INDEX shuttle_stops_trip ON shuttle_stops(trip_id, seq);

-- status: confirmed | waitlisted | cancelled | boarded | no_show
CREATE TABLE shuttle_reservations (
    id {{ID}},
    trip_id BIGINT NOT NULL REFERENCES shuttle_trips(id),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    stop_id BIGINT NOT NULL REFERENCES shuttle_stops(id),
    status TEXT NOT NULL,
    booked_by BIGINT,
    booked_at BIGINT NOT NULL,
    boarded_at BIGINT,
    UNIQUE (trip_id, resident_id)
);
CREATE INDEX shuttle_reservations_queue ON shuttle_reservations(trip_id, status, booked_at);
