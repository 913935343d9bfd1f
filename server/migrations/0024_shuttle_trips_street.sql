-- A street's trips of a year (the shuttle.boarded figure at street scope) without reading every
-- reservation of the street.
CREATE INDEX shuttle_trips_street ON shuttle_trips(street_id, trip_date);
