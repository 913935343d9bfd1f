-- The resource linkage platform (民族资源联动平台): partner organisations (an organizations row of
-- kind 'partner' with what the platform needs to know of it), their co-building agreements,
-- brand projects with their partners, the records they ran (culture events, room bookings, fund
-- projects), what each partner contributed — money as a donation in the fund, hours as entries
-- of the volunteer ledger, never a second ledger — and their outcomes.
CREATE TABLE partners (
    id {{ID}},
    organization_id BIGINT NOT NULL UNIQUE REFERENCES organizations(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('chamber_of_commerce', 'enterprise', 'social_organization', 'school',
        'hospital', 'government')),
    contact TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX partners_community ON partners(community_id);

CREATE TABLE partner_agreements (
    id {{ID}},
    partner_id BIGINT NOT NULL REFERENCES partners(id),
    community_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    signed_on TEXT NOT NULL,
    ends_on TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= signed_on)
);
CREATE INDEX partner_agreements_partner ON partner_agreements(partner_id, ends_on);

CREATE TABLE brand_projects (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    goals TEXT NOT NULL DEFAULT '',
    started_on TEXT NOT NULL,
    ended_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('planned', 'running', 'finished')),
    description TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (community_id, name)
);

CREATE TABLE brand_project_partners (
    project_id BIGINT NOT NULL REFERENCES brand_projects(id),
    partner_id BIGINT NOT NULL REFERENCES partners(id),
    role TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (project_id, partner_id)
) {{WITHOUT_ROWID}};

-- Records of other modules a project ran: each link is the record's id, never a copy of it.
CREATE TABLE brand_project_links (
    project_id BIGINT NOT NULL REFERENCES brand_projects(id),
    kind TEXT NOT NULL CHECK (kind IN ('culture_event', 'room_booking', 'charity_project')),
    record_id BIGINT NOT NULL,
    PRIMARY KEY (project_id, kind, record_id)
) {{WITHOUT_ROWID}};

CREATE TABLE brand_contributions (
    id {{ID}},
    project_id BIGINT NOT NULL REFERENCES brand_projects(id),
    partner_id BIGINT NOT NULL REFERENCES partners(id),
    community_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('money', 'in_kind', 'volunteer_hours')),
    donation_id BIGINT REFERENCES charity_donations(id),
    volunteer_record_id BIGINT REFERENCES volunteer_hours(id),
    what TEXT NOT NULL DEFAULT '',
    value_fen BIGINT CHECK (value_fen IS NULL OR value_fen > 0),
    on_date TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    CHECK ((kind = 'money' AND donation_id IS NOT NULL AND value_fen IS NULL)
        OR (kind = 'in_kind' AND value_fen IS NOT NULL AND donation_id IS NULL)
        OR (kind = 'volunteer_hours' AND volunteer_record_id IS NOT NULL AND value_fen IS NULL))
);
CREATE INDEX brand_contributions_project ON brand_contributions(project_id);
CREATE UNIQUE INDEX brand_contributions_donation ON brand_contributions(donation_id);
CREATE UNIQUE INDEX brand_contributions_hours ON brand_contributions(volunteer_record_id);

CREATE TABLE brand_outcomes (
    id {{ID}},
    project_id BIGINT NOT NULL REFERENCES brand_projects(id),
    on_date TEXT NOT NULL,
    what TEXT NOT NULL,
    figure TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX brand_outcomes_project ON brand_outcomes(project_id, on_date);
