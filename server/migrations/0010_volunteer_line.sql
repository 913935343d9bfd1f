-- Volunteer line (志愿线): activities of volunteer teams, sign-ups with a waitlist, check-in and
-- check-out, an append-only hours ledger, points and rewards.

-- Per-community rules; a community without a row uses the defaults written here.
CREATE TABLE volunteer_settings (
    community_id BIGINT PRIMARY KEY REFERENCES places(id),
    regular_min_minutes BIGINT NOT NULL DEFAULT 1200,
    regular_min_activities BIGINT NOT NULL DEFAULT 6,
    regular_months BIGINT NOT NULL DEFAULT 12,
    points_per_hour BIGINT NOT NULL DEFAULT 10,
    updated_at BIGINT NOT NULL
);

-- Points per hour for one kind of service, overriding the community's default.
CREATE TABLE volunteer_point_rules (
    community_id BIGINT NOT NULL REFERENCES places(id),
    kind TEXT NOT NULL,
    points_per_hour BIGINT NOT NULL CHECK (points_per_hour >= 0),
    PRIMARY KEY (community_id, kind)
);

CREATE TABLE volunteer_activities (
    id {{ID}},
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    capacity BIGINT NOT NULL CHECK (capacity > 0),
    confirmed_count BIGINT NOT NULL DEFAULT 0 CHECK (confirmed_count >= 0 AND confirmed_count <= capacity),
    status TEXT NOT NULL DEFAULT 'published',
    checkin_code TEXT NOT NULL,
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX volunteer_activities_community ON volunteer_activities(community_id, starts_at);
CREATE INDEX volunteer_activities_org ON volunteer_activities(organization_id, starts_at);

-- One row per resident and activity. status: confirmed | waitlisted | cancelled. The
-- activity's confirmed_count moves in the same transaction and its CHECK caps it at capacity.
CREATE TABLE volunteer_signups (
    id {{ID}},
    activity_id BIGINT NOT NULL REFERENCES volunteer_activities(id),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    status TEXT NOT NULL,
    signed_up_at BIGINT NOT NULL,
    signed_up_by BIGINT,
    checked_in_at BIGINT,
    checked_out_at BIGINT,
    UNIQUE (activity_id, resident_id)
);
CREATE INDEX volunteer_signups_resident ON volunteer_signups(resident_id);
CREATE INDEX volunteer_signups_queue ON volunteer_signups(activity_id, status, signed_up_at);

-- The hours ledger. entry: record (the organiser's record of service) | reversal (cancels one
-- record in full, with a reason). A corrected amount is a reversal plus a new record.
-- Rows are never updated or deleted.
CREATE TABLE volunteer_hours (
    id {{ID}},
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    activity_id BIGINT REFERENCES volunteer_activities(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    served_on TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    kind TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT '',
    entry TEXT NOT NULL,
    reverses_id BIGINT REFERENCES volunteer_hours(id),
    reason TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX volunteer_hours_resident ON volunteer_hours(resident_id, served_on);
CREATE INDEX volunteer_hours_community ON volunteer_hours(community_id, served_on);
CREATE INDEX volunteer_hours_activity ON volunteer_hours(activity_id);
-- A record is reversed at most once.
CREATE UNIQUE INDEX volunteer_hours_reversal ON volunteer_hours(reverses_id);

-- A volunteer's objection to a record; resolved by a correction or by upholding the record.
CREATE TABLE volunteer_disputes (
    id {{ID}},
    hours_id BIGINT NOT NULL REFERENCES volunteer_hours(id),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    resolution TEXT NOT NULL DEFAULT '',
    resolved_by BIGINT,
    created_at BIGINT NOT NULL,
    resolved_at BIGINT
);
CREATE INDEX volunteer_disputes_community ON volunteer_disputes(community_id, status);

-- Points ledger (append-only) and each resident's balance kept in the same transactions; the
-- CHECK keeps a balance from ever going below zero.
CREATE TABLE volunteer_points (
    id {{ID}},
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    community_id BIGINT NOT NULL,
    delta BIGINT NOT NULL,
    source TEXT NOT NULL,
    hours_id BIGINT REFERENCES volunteer_hours(id),
    redemption_id BIGINT,
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX volunteer_points_resident ON volunteer_points(resident_id, id);
CREATE TABLE volunteer_point_balances (
    resident_id BIGINT PRIMARY KEY REFERENCES residents(id),
    balance BIGINT NOT NULL CHECK (balance >= 0)
);

CREATE TABLE volunteer_rewards (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    points BIGINT NOT NULL CHECK (points > 0),
    stock BIGINT NOT NULL CHECK (stock >= 0),
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);
CREATE INDEX volunteer_rewards_community ON volunteer_rewards(community_id);

CREATE TABLE volunteer_redemptions (
    id {{ID}},
    reward_id BIGINT NOT NULL REFERENCES volunteer_rewards(id),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    community_id BIGINT NOT NULL,
    points BIGINT NOT NULL,
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX volunteer_redemptions_resident ON volunteer_redemptions(resident_id);

-- 志愿服务证明: numbered per year, with the figures as they stood when issued.
CREATE TABLE volunteer_certificates (
    id {{ID}},
    number TEXT NOT NULL UNIQUE,
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    activities BIGINT NOT NULL,
    content TEXT NOT NULL,
    issuer TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    issued_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX volunteer_certificates_resident ON volunteer_certificates(resident_id);
