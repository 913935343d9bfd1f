-- Street -> community -> grid -> building, with each place's ancestors kept beside it so that
-- scope filters are one indexed comparison.
CREATE TABLE places (
    id {{ID}},
    kind TEXT NOT NULL CHECK (kind IN ('street', 'community', 'grid', 'building')),
    parent_id BIGINT REFERENCES places(id),
    name TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    lat DOUBLE PRECISION,
    lng DOUBLE PRECISION,
    street_id BIGINT,
    community_id BIGINT,
    grid_id BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (parent_id, name)
);
CREATE INDEX places_parent ON places(parent_id);
CREATE INDEX places_kind ON places(kind, community_id);

CREATE TABLE households (
    id {{ID}},
    building_id BIGINT NOT NULL REFERENCES places(id),
    unit TEXT NOT NULL DEFAULT '',
    room TEXT NOT NULL,
    address TEXT NOT NULL,
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (building_id, unit, room)
);
CREATE INDEX households_community ON households(community_id);
CREATE INDEX households_grid ON households(grid_id);
