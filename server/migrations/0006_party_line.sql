-- The party line: one-to-one pairing of each minority resident with a party-member liaison
-- (history kept: re-pairing ends the old pairing), visits to households, and study sessions
-- (三会一课) with their attendance.
CREATE TABLE pairings (
    id {{ID}},
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    liaison_resident_id BIGINT NOT NULL REFERENCES residents(id),
    household_id BIGINT,
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_id BIGINT,
    building_id BIGINT,
    from_date TEXT NOT NULL,
    to_date TEXT,
    end_reason TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX pairings_one_active ON pairings(resident_id) WHERE to_date IS NULL;
CREATE INDEX pairings_liaison ON pairings(liaison_resident_id, to_date);
CREATE INDEX pairings_community ON pairings(community_id, from_date);

CREATE TABLE visits (
    id {{ID}},
    household_id BIGINT NOT NULL REFERENCES households(id),
    liaison_resident_id BIGINT NOT NULL REFERENCES residents(id),
    visit_date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('home', 'phone', 'group_assistance')),
    findings TEXT NOT NULL DEFAULT '',
    needs TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT '',
    follow_up_status TEXT NOT NULL CHECK (follow_up_status IN ('none', 'open', 'done')),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_id BIGINT,
    building_id BIGINT,
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX visits_household ON visits(household_id, visit_date);
CREATE INDEX visits_community ON visits(community_id, visit_date);

CREATE TABLE study_sessions (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    organization_id BIGINT REFERENCES organizations(id),
    kind TEXT NOT NULL CHECK (kind IN ('branch_assembly', 'branch_committee', 'group_meeting', 'party_lecture')),
    held_on TEXT NOT NULL,
    topic TEXT NOT NULL,
    ethnic_policy INTEGER NOT NULL DEFAULT 0,
    minutes TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX study_sessions_community ON study_sessions(community_id, held_on);

CREATE TABLE study_attendance (
    session_id BIGINT NOT NULL REFERENCES study_sessions(id),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    PRIMARY KEY (session_id, resident_id)
);
