-- Performances and events of societies (and other organizations): when, where, how many came.
CREATE TABLE events (
    id {{ID}},
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    held_on TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('performance', 'cultural', 'charity', 'training', 'other')),
    place TEXT NOT NULL DEFAULT '',
    audience BIGINT NOT NULL DEFAULT 0 CHECK (audience >= 0),
    created_at BIGINT NOT NULL
);
CREATE INDEX events_community ON events(community_id, held_on);
CREATE INDEX events_org ON events(organization_id, held_on);

CREATE TABLE event_participants (
    event_id BIGINT NOT NULL REFERENCES events(id),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    PRIMARY KEY (event_id, resident_id)
);
