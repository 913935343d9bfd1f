-- Rights centre (居民权益维护中心): cases of legal aid, dispute mediation, psychological
-- counselling and rights protection. A case is seen only by its assigned staff and the centre's
-- head; sessions are appended, never edited; a mediation ends in an agreement (written, or a
-- verbal one recorded) whose fulfilment is checked before the case is archived. Closed cases
-- are read-only.
-- kind: legal_aid | mediation | counselling | rights
-- status: registered | in_progress | agreement | closed
-- outcome (when closed): resolved | unresolved | withdrawn | referred
CREATE TABLE cases (
    id {{ID}},
    number TEXT NOT NULL UNIQUE,
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'registered',
    title TEXT NOT NULL,
    applicant_resident_id BIGINT REFERENCES residents(id),
    applicant_name TEXT NOT NULL,
    respondent TEXT NOT NULL DEFAULT '',
    facts TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL,
    assigned_user_id BIGINT REFERENCES users(id),
    staff_role TEXT,
    outcome TEXT,
    registered_on TEXT NOT NULL,
    resolved_on TEXT,
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX cases_community ON cases(community_id, kind, status);
CREATE INDEX cases_assigned ON cases(assigned_user_id);
CREATE INDEX cases_resolved ON cases(community_id, outcome, resolved_on);

CREATE TABLE case_sessions (
    id {{ID}},
    case_id BIGINT NOT NULL REFERENCES cases(id),
    held_on TEXT NOT NULL,
    staff_user_id BIGINT REFERENCES users(id),
    notes TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX case_sessions_case ON case_sessions(case_id, held_on);

-- form: written | verbal. fulfilment: pending | fulfilled | not_fulfilled
CREATE TABLE mediation_agreements (
    id {{ID}},
    case_id BIGINT NOT NULL UNIQUE REFERENCES cases(id),
    form TEXT NOT NULL,
    parties TEXT NOT NULL,
    content TEXT NOT NULL,
    mediator_user_id BIGINT REFERENCES users(id),
    signed_on TEXT NOT NULL,
    fulfilment TEXT NOT NULL DEFAULT 'pending',
    fulfilment_checked_on TEXT,
    fulfilment_note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
