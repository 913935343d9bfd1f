-- Service line (服务线): the 15-minute service circle's service points, and mutual aid (互助)
-- between residents.

-- age_groups: comma-separated elderly,adult,youth,child.
CREATE TABLE service_points (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    lat DOUBLE PRECISION NOT NULL,
    lng DOUBLE PRECISION NOT NULL,
    opening_hours TEXT NOT NULL DEFAULT '',
    age_groups TEXT NOT NULL DEFAULT '',
    services TEXT NOT NULL DEFAULT '',
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX service_points_community ON service_points(community_id, kind);

-- A request for help or an offer of it. A match pairs a request with a helper (and the offer
-- they made, if any); completion records the time given, which may count as volunteer hours.
-- status: open | matched | completed | cancelled.
CREATE TABLE mutual_aid (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('request', 'offer')),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    age_group TEXT NOT NULL,
    title TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    helper_resident_id BIGINT REFERENCES residents(id),
    offer_id BIGINT REFERENCES mutual_aid(id),
    minutes BIGINT,
    hours_id BIGINT REFERENCES volunteer_hours(id),
    completed_on TEXT,
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX mutual_aid_community ON mutual_aid(community_id, status, kind);
CREATE INDEX mutual_aid_resident ON mutual_aid(resident_id);
