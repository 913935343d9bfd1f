-- The notice board residents read in the app: announcements of a community (a shuttle's
-- booking notice, activities, reminders), published by staff, withdrawn rather than deleted.
CREATE TABLE notices (
    id {{ID}},
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    source_id BIGINT,
    published_by BIGINT,
    published_at BIGINT NOT NULL,
    withdrawn_at BIGINT,
    withdrawn_by BIGINT
);
CREATE INDEX notices_community ON notices(community_id, published_at);
CREATE INDEX notices_source ON notices(source, source_id);
