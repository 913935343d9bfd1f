-- The unity committee (民族一家亲委员会) platform. Its members and their terms are posts of the
-- 'unity_committee' organisation (org_posts); this adds what its liaison officers do:
-- the households each is responsible for (history kept: reassigning ends the old assignment),
-- their log of contacts, education and care, the needs residents raise and where each went,
-- and the activities residents organise themselves (群众自发活动) with who took part.
CREATE TABLE officer_assignments (
    id {{ID}},
    household_id BIGINT NOT NULL REFERENCES households(id),
    officer_resident_id BIGINT NOT NULL REFERENCES residents(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_id BIGINT,
    building_id BIGINT,
    from_date TEXT NOT NULL,
    to_date TEXT,
    end_reason TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX officer_assignments_one_active ON officer_assignments(household_id) WHERE to_date IS NULL;
CREATE INDEX officer_assignments_officer ON officer_assignments(officer_resident_id, to_date);
CREATE INDEX officer_assignments_community ON officer_assignments(community_id, from_date);

CREATE TABLE officer_contacts (
    id {{ID}},
    household_id BIGINT NOT NULL REFERENCES households(id),
    resident_id BIGINT REFERENCES residents(id),
    officer_resident_id BIGINT NOT NULL REFERENCES residents(id),
    contacted_on TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('home_visit', 'phone', 'wechat', 'event')),
    purpose TEXT NOT NULL CHECK (purpose IN ('contact', 'education', 'care')),
    summary TEXT NOT NULL DEFAULT '',
    care_what TEXT NOT NULL DEFAULT '',
    value_fen BIGINT CHECK (value_fen IS NULL OR value_fen >= 0),
    helpers TEXT NOT NULL DEFAULT '',
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_id BIGINT,
    building_id BIGINT,
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX officer_contacts_household ON officer_contacts(household_id, contacted_on);
CREATE INDEX officer_contacts_community ON officer_contacts(community_id, contacted_on);
CREATE INDEX officer_contacts_officer ON officer_contacts(officer_resident_id, contacted_on);

-- A need goes open -> referred (to the line or platform that handles it, with the record it
-- became) -> solved, or closed (withdrawn, not a need) with a reason. Overdue: open or
-- referred past due_on.
CREATE TABLE committee_needs (
    id {{ID}},
    household_id BIGINT NOT NULL REFERENCES households(id),
    resident_id BIGINT REFERENCES residents(id),
    officer_resident_id BIGINT REFERENCES residents(id),
    raised_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('job', 'dispute', 'hardship', 'language', 'school', 'health', 'other')),
    description TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'referred', 'solved', 'closed')),
    handler TEXT CHECK (handler IS NULL OR handler IN ('rights_case', 'fund_disbursement', 'jobs', 'mutual_aid',
        'committee')),
    linked_id BIGINT,
    due_on TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT '',
    solved_on TEXT,
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_id BIGINT,
    building_id BIGINT,
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX committee_needs_community ON committee_needs(community_id, status, due_on);
CREATE INDEX committee_needs_household ON committee_needs(household_id);

CREATE TABLE selfhelp_activities (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    organiser_resident_id BIGINT NOT NULL REFERENCES residents(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL,
    held_on TEXT NOT NULL,
    expected BIGINT NOT NULL CHECK (expected >= 0),
    status TEXT NOT NULL CHECK (status IN ('proposed', 'registered', 'declined', 'withdrawn')),
    decision_note TEXT NOT NULL DEFAULT '',
    decided_by BIGINT,
    decided_at BIGINT,
    proposed_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX selfhelp_activities_community ON selfhelp_activities(community_id, status, held_on);

CREATE TABLE selfhelp_participants (
    activity_id BIGINT NOT NULL REFERENCES selfhelp_activities(id),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    PRIMARY KEY (activity_id, resident_id)
);
