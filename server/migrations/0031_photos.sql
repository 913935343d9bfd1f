-- Photos of a module's records (a museum exhibit, a self-organised activity, a series event):
-- the re-encoded image without metadata, its thumbnail and the image's SHA-256, checked when it
-- is served. `owner_kind` names the record's kind, `owner_id` its id; the module that owns the
-- kind decides who may see and add them.
CREATE TABLE photos (
    id {{ID}},
    owner_kind TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    source_type TEXT NOT NULL CHECK (source_type IN ('jpeg', 'png', 'webp')),
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    image {{BLOB}} NOT NULL,
    thumb {{BLOB}} NOT NULL,
    uploaded_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX photos_owner ON photos (owner_kind, owner_id, id);
