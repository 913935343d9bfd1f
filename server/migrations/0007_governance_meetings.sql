-- Deliberation meetings of self-governance bodies (议事会, 业委会, 楼栋长): agenda, attendees,
-- and resolutions whose follow-up status is tracked until done.
CREATE TABLE deliberation_meetings (
    id {{ID}},
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    held_on TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    agenda TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX deliberation_meetings_org ON deliberation_meetings(organization_id, held_on);

CREATE TABLE meeting_attendance (
    meeting_id BIGINT NOT NULL REFERENCES deliberation_meetings(id),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    PRIMARY KEY (meeting_id, resident_id)
);

CREATE TABLE meeting_resolutions (
    id {{ID}},
    meeting_id BIGINT NOT NULL REFERENCES deliberation_meetings(id),
    content TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    due_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    status_note TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL
);
CREATE INDEX meeting_resolutions_meeting ON meeting_resolutions(meeting_id);
