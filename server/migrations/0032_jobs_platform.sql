-- The employment and entrepreneurship platform (民族就业创业平台): job seekers and their path as
-- dated steps, certificates, employers, placements with their 3- and 6-month follow-ups, and
-- businesses residents founded (company or 个体工商户, with the 统一社会信用代码).
CREATE TABLE job_seekers (
    id {{ID}},
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_id BIGINT,
    building_id BIGINT,
    registered_on TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('centre', 'self', 'committee')),
    need_id BIGINT,
    skills TEXT NOT NULL DEFAULT '',
    education TEXT NOT NULL CHECK (education IN ('none', 'primary', 'junior', 'senior', 'vocational', 'college',
        'bachelor', 'postgraduate')),
    languages TEXT NOT NULL DEFAULT '',
    wishes TEXT NOT NULL DEFAULT '',
    availability TEXT NOT NULL DEFAULT '',
    constraints TEXT NOT NULL DEFAULT '',
    consent_to_share INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('active', 'placed', 'business', 'closed')),
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX job_seekers_community ON job_seekers(community_id, registered_on);
CREATE INDEX job_seekers_resident ON job_seekers(resident_id);

-- A seeker's path: registered → trained → practical_training → internship → placed, or →
-- incubation → business_registered; each step dated, with who helped.
CREATE TABLE job_steps (
    id {{ID}},
    seeker_id BIGINT NOT NULL REFERENCES job_seekers(id),
    step TEXT NOT NULL CHECK (step IN ('registered', 'trained', 'practical_training', 'internship', 'placed',
        'incubation', 'business_registered')),
    on_date TEXT NOT NULL,
    helper TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    placement_id BIGINT,
    business_id BIGINT,
    community_id BIGINT NOT NULL,
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX job_steps_seeker ON job_steps(seeker_id, on_date);
CREATE INDEX job_steps_community ON job_steps(community_id, step, on_date);

CREATE TABLE job_certificates (
    id {{ID}},
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    seeker_id BIGINT REFERENCES job_seekers(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    issuer TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    verified_by BIGINT,
    verified_at BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (issuer, number)
);
CREATE INDEX job_certificates_community ON job_certificates(community_id, issued_on);

CREATE TABLE job_employers (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    organization_id BIGINT REFERENCES organizations(id),
    contact TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    UNIQUE (community_id, name)
);

CREATE TABLE job_placements (
    id {{ID}},
    seeker_id BIGINT NOT NULL REFERENCES job_seekers(id),
    employer_id BIGINT NOT NULL REFERENCES job_employers(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    position TEXT NOT NULL,
    started_on TEXT NOT NULL,
    wage_fen BIGINT CHECK (wage_fen IS NULL OR wage_fen >= 0),
    helper TEXT NOT NULL DEFAULT '',
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX job_placements_community ON job_placements(community_id, started_on);

-- Whether the placed resident is still employed 3 and 6 months after starting.
CREATE TABLE job_followups (
    placement_id BIGINT NOT NULL REFERENCES job_placements(id),
    months INTEGER NOT NULL CHECK (months IN (3, 6)),
    checked_on TEXT NOT NULL,
    employed INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (placement_id, months)
) {{WITHOUT_ROWID}};

CREATE TABLE job_businesses (
    id {{ID}},
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    seeker_id BIGINT REFERENCES job_seekers(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('company', 'individual')),
    credit_code TEXT NOT NULL UNIQUE,
    registered_on TEXT NOT NULL,
    closed_on TEXT,
    brand TEXT NOT NULL DEFAULT '',
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX job_businesses_community ON job_businesses(community_id, registered_on);
