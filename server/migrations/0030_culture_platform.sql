-- The ethnic culture platform (民族文化活动平台): venues (the 社区民族之家) and their rooms,
-- bookings of a room by time slot, branded series and their events, museum visits, and the
-- museum's catalogue with condition checks and loans.
{{POSTGRES}}CREATE EXTENSION IF NOT EXISTS btree_gist;{{/POSTGRES}}
CREATE TABLE venues (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    area_m2 DOUBLE PRECISION NOT NULL CHECK (area_m2 > 0),
    opened_on TEXT,
    closed_on TEXT,
    description TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (community_id, name)
);

-- Opening hours are local times (HH:MM, UTC+8); closed_weekdays lists ISO weekdays ("1" Monday …
-- "7" Sunday) separated by commas.
CREATE TABLE rooms (
    id {{ID}},
    venue_id BIGINT NOT NULL REFERENCES venues(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('hall', 'museum', 'reading', 'craft', 'reception', 'rehearsal', 'meeting',
        'other')),
    area_m2 DOUBLE PRECISION CHECK (area_m2 IS NULL OR area_m2 > 0),
    capacity BIGINT NOT NULL CHECK (capacity >= 0),
    opens TEXT NOT NULL,
    closes TEXT NOT NULL,
    closed_weekdays TEXT NOT NULL DEFAULT '',
    bookable INTEGER NOT NULL DEFAULT 1,
    auto_approve INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    UNIQUE (venue_id, name)
);

-- Days a venue is closed (holidays, maintenance).
CREATE TABLE venue_closures (
    venue_id BIGINT NOT NULL REFERENCES venues(id),
    closed_on TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (venue_id, closed_on)
);

-- A booking holds its slot while requested, approved, used or marked no-show; rejected and
-- cancelled ones free it. Weekly bookings share a recurrence_id (the first booking's id).
CREATE TABLE room_bookings (
    id {{ID}},
    room_id BIGINT NOT NULL REFERENCES rooms(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    purpose TEXT NOT NULL,
    booker_kind TEXT NOT NULL CHECK (booker_kind IN ('society', 'team', 'resident', 'partner', 'community')),
    organization_id BIGINT REFERENCES organizations(id),
    resident_id BIGINT REFERENCES residents(id),
    booker_name TEXT NOT NULL DEFAULT '',
    expected BIGINT NOT NULL DEFAULT 0 CHECK (expected >= 0),
    status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'cancelled', 'used', 'no_show')),
    holds_slot INTEGER NOT NULL,
    recurrence_id BIGINT,
    decision_note TEXT NOT NULL DEFAULT '',
    decided_by BIGINT,
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (holds_slot = CASE WHEN status IN ('rejected', 'cancelled') THEN 0 ELSE 1 END)
    {{POSTGRES}},
    EXCLUDE USING gist (room_id WITH =, int8range(starts_at, ends_at) WITH &&) WHERE (holds_slot = 1){{/POSTGRES}}
);
CREATE INDEX room_bookings_room ON room_bookings(room_id, starts_at);
CREATE INDEX room_bookings_community ON room_bookings(community_id, starts_at);
CREATE INDEX room_bookings_recurrence ON room_bookings(recurrence_id);

-- Branded series (蓉城一家亲民族剧场, 民族创意工坊 …) and their events.
CREATE TABLE culture_series (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    started_on TEXT NOT NULL,
    ended_on TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (community_id, name)
);

CREATE TABLE culture_events (
    id {{ID}},
    series_id BIGINT NOT NULL REFERENCES culture_series(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    held_on TEXT NOT NULL,
    room_id BIGINT REFERENCES rooms(id),
    booking_id BIGINT REFERENCES room_bookings(id),
    place TEXT NOT NULL DEFAULT '',
    audience BIGINT NOT NULL DEFAULT 0 CHECK (audience >= 0),
    description TEXT NOT NULL DEFAULT '',
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX culture_events_community ON culture_events(community_id, held_on);
CREATE INDEX culture_events_series ON culture_events(series_id, held_on);

CREATE TABLE culture_event_performers (
    event_id BIGINT NOT NULL REFERENCES culture_events(id),
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    PRIMARY KEY (event_id, organization_id)
);

-- Museum visits as counted at the door: a group (with its name) or individuals, per day.
CREATE TABLE museum_visits (
    id {{ID}},
    venue_id BIGINT NOT NULL REFERENCES venues(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    visited_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('group', 'individual')),
    group_name TEXT NOT NULL DEFAULT '',
    people BIGINT NOT NULL CHECK (people > 0),
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX museum_visits_community ON museum_visits(community_id, visited_on);

-- The museum's catalogue. A lender's name is shown publicly only with their consent.
CREATE TABLE exhibits (
    id {{ID}},
    venue_id BIGINT NOT NULL REFERENCES venues(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    ethnicity TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('costume', 'craft', 'instrument', 'document', 'photograph', 'other')),
    description TEXT NOT NULL DEFAULT '',
    materials TEXT NOT NULL DEFAULT '',
    dimensions TEXT NOT NULL DEFAULT '',
    provenance TEXT NOT NULL CHECK (provenance IN ('donated', 'lent', 'purchased', 'made')),
    source_name TEXT NOT NULL DEFAULT '',
    source_resident_id BIGINT REFERENCES residents(id),
    source_consent INTEGER NOT NULL DEFAULT 0,
    acquired_on TEXT,
    agreement TEXT NOT NULL DEFAULT '',
    room_id BIGINT REFERENCES rooms(id),
    showcase TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('on_display', 'in_store', 'on_loan', 'returned')),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (community_id, number)
);
CREATE INDEX exhibits_community ON exhibits(community_id, ethnicity, category);

CREATE TABLE exhibit_checks (
    id {{ID}},
    exhibit_id BIGINT NOT NULL REFERENCES exhibits(id),
    checked_on TEXT NOT NULL,
    condition TEXT NOT NULL CHECK (condition IN ('good', 'fair', 'poor', 'damaged')),
    note TEXT NOT NULL DEFAULT '',
    checked_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX exhibit_checks_exhibit ON exhibit_checks(exhibit_id, checked_on);

-- Loans out of the museum (to another museum or event) and in (an exhibit lent to it), each
-- with its due date and, once back, its return.
CREATE TABLE exhibit_loans (
    id {{ID}},
    exhibit_id BIGINT NOT NULL REFERENCES exhibits(id),
    direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
    party TEXT NOT NULL,
    from_date TEXT NOT NULL,
    due_on TEXT NOT NULL,
    returned_on TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX exhibit_loans_exhibit ON exhibit_loans(exhibit_id, returned_on);
