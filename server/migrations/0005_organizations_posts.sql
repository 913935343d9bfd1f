-- Organizations of every kind, with posts held by residents over terms. A post that ended keeps
-- its term_to; "backbone" (骨干) is derived: anyone holding a post other than 'member'.
CREATE TABLE organizations (
    id {{ID}},
    kind TEXT NOT NULL CHECK (kind IN ('party_group', 'party_branch', 'owners_committee', 'deliberation_council',
        'building_heads', 'volunteer_team', 'society', 'unity_committee', 'rights_centre', 'jobs_centre',
        'federation', 'partner')),
    name TEXT NOT NULL,
    parent_id BIGINT REFERENCES organizations(id),
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    ethnic_work INTEGER NOT NULL DEFAULT 0,
    founded_on TEXT,
    dissolved_on TEXT,
    description TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (community_id, kind, name)
);
CREATE INDEX organizations_community ON organizations(community_id, kind);

CREATE TABLE org_posts (
    id {{ID}},
    organization_id BIGINT NOT NULL REFERENCES organizations(id),
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    post TEXT NOT NULL,
    term_from TEXT NOT NULL,
    term_to TEXT,
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    ended_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX org_posts_org ON org_posts(organization_id, term_to);
CREATE INDEX org_posts_resident ON org_posts(resident_id);
CREATE INDEX org_posts_community ON org_posts(community_id, post);
