-- Compounds (小区/院落): where self-governance, owners' committees and shuttle stops are
-- organised. A compound belongs to one community and its buildings belong to it; grids still
-- group buildings for grid workers and carry the place scope, so a building has both a grid
-- (its parent in the place tree) and a compound. A building records its floors and units so
-- that its page can draw them as a grid.
CREATE TABLE compounds (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL REFERENCES places(id),
    name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    lat DOUBLE PRECISION,
    lng DOUBLE PRECISION,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (community_id, name)
);
ALTER TABLE places ADD COLUMN compound_id BIGINT REFERENCES compounds(id);
ALTER TABLE places ADD COLUMN floors BIGINT;
ALTER TABLE places ADD COLUMN units BIGINT;
CREATE INDEX places_compound ON places(compound_id);
ALTER TABLE shuttle_stops ADD COLUMN compound_id BIGINT REFERENCES compounds(id);
