-- The employment platform's programmes: trainings (employment training, pre-job practical
-- training 岗前实训, entrepreneurship training) with their sessions, enrolments, attendance and
-- completion, their cost and who paid it; employers' postings and the seekers matched to them,
-- whose details go to the employer only with the seeker's consent; and incubation projects with
-- their founders, mentors and milestones, graduating into a registered business.
CREATE TABLE job_trainings (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    course TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('employment', 'practical', 'entrepreneurship')),
    provider TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    cost_fen BIGINT NOT NULL CHECK (cost_fen >= 0),
    paid_by TEXT NOT NULL CHECK (paid_by IN ('government', 'community', 'employer', 'partner', 'resident', 'free')),
    payer_organization_id BIGINT REFERENCES organizations(id),
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX job_trainings_community ON job_trainings(community_id, starts_on);

CREATE TABLE job_training_sessions (
    id {{ID}},
    training_id BIGINT NOT NULL REFERENCES job_trainings(id),
    held_on TEXT NOT NULL,
    topic TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX job_training_sessions_training ON job_training_sessions(training_id, held_on);

-- Completing writes the seeker's step (trained, or practical_training for 岗前实训); step_id is it.
CREATE TABLE job_training_enrolments (
    training_id BIGINT NOT NULL REFERENCES job_trainings(id),
    seeker_id BIGINT NOT NULL REFERENCES job_seekers(id),
    enrolled_on TEXT NOT NULL,
    completed_on TEXT,
    step_id BIGINT REFERENCES job_steps(id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (training_id, seeker_id)
) {{WITHOUT_ROWID}};
CREATE INDEX job_training_enrolments_seeker ON job_training_enrolments(seeker_id);

CREATE TABLE job_training_attendance (
    session_id BIGINT NOT NULL REFERENCES job_training_sessions(id),
    seeker_id BIGINT NOT NULL REFERENCES job_seekers(id),
    PRIMARY KEY (session_id, seeker_id)
) {{WITHOUT_ROWID}};

ALTER TABLE job_steps ADD COLUMN training_id BIGINT REFERENCES job_trainings(id);

CREATE TABLE job_postings (
    id {{ID}},
    employer_id BIGINT NOT NULL REFERENCES job_employers(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    requirements TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '',
    wage_min_fen BIGINT CHECK (wage_min_fen IS NULL OR wage_min_fen >= 0),
    wage_max_fen BIGINT CHECK (wage_max_fen IS NULL OR wage_max_fen >= 0),
    places INTEGER NOT NULL CHECK (places > 0),
    posted_on TEXT NOT NULL,
    closes_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (wage_min_fen IS NULL OR wage_max_fen IS NULL OR wage_max_fen >= wage_min_fen)
);
CREATE INDEX job_postings_community ON job_postings(community_id, status, posted_on);

-- A seeker proposed for a posting. Their details go to the employer (status 'shared') only once
-- they consented: at registration (consent_to_share), on the phone themselves, or told to a
-- worker who records how.
CREATE TABLE job_matches (
    id {{ID}},
    posting_id BIGINT NOT NULL REFERENCES job_postings(id),
    seeker_id BIGINT NOT NULL REFERENCES job_seekers(id),
    community_id BIGINT NOT NULL,
    score INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'consented', 'declined', 'shared', 'hired')),
    consent_by TEXT CHECK (consent_by IN ('registration', 'resident', 'worker')),
    consent_how TEXT NOT NULL DEFAULT '',
    consent_at BIGINT,
    shared_by BIGINT,
    shared_at BIGINT,
    placement_id BIGINT REFERENCES job_placements(id),
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (posting_id, seeker_id)
);
CREATE INDEX job_matches_seeker ON job_matches(seeker_id);

CREATE TABLE job_incubations (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    brand TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    started_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('incubating', 'graduated', 'stopped')),
    ended_on TEXT,
    business_id BIGINT REFERENCES job_businesses(id),
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (community_id, name)
);

CREATE TABLE job_incubation_founders (
    incubation_id BIGINT NOT NULL REFERENCES job_incubations(id),
    seeker_id BIGINT NOT NULL REFERENCES job_seekers(id),
    PRIMARY KEY (incubation_id, seeker_id)
) {{WITHOUT_ROWID}};

CREATE TABLE job_incubation_mentors (
    id {{ID}},
    incubation_id BIGINT NOT NULL REFERENCES job_incubations(id),
    name TEXT NOT NULL,
    expertise TEXT NOT NULL DEFAULT '',
    organization_id BIGINT REFERENCES organizations(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX job_incubation_mentors_incubation ON job_incubation_mentors(incubation_id);

CREATE TABLE job_incubation_milestones (
    id {{ID}},
    incubation_id BIGINT NOT NULL REFERENCES job_incubations(id),
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done_on TEXT,
    evidence TEXT NOT NULL DEFAULT '',
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX job_incubation_milestones_incubation ON job_incubation_milestones(incubation_id, due_on);
