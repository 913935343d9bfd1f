-- Residents. Identity-card and phone numbers are stored encrypted (XChaCha20-Poly1305) with a
-- keyed hash beside them for exact lookup and a masked form for lists. Records are never
-- deleted: a resident who leaves gets moved_out.
CREATE TABLE residents (
    id {{ID}},
    name TEXT NOT NULL,
    pinyin TEXT NOT NULL,
    initials TEXT NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('M', 'F')),
    birth_date TEXT,
    ethnicity TEXT NOT NULL,
    political_status TEXT NOT NULL,
    household_id BIGINT REFERENCES households(id),
    relation TEXT NOT NULL DEFAULT 'other',
    id_enc TEXT,
    id_hash TEXT,
    id_masked TEXT NOT NULL DEFAULT '',
    phone_enc TEXT,
    phone_hash TEXT,
    phone_masked TEXT NOT NULL DEFAULT '',
    moved_in TEXT,
    moved_out TEXT,
    note TEXT NOT NULL DEFAULT '',
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_id BIGINT,
    building_id BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX residents_id_hash ON residents(id_hash);
CREATE INDEX residents_phone_hash ON residents(phone_hash);
CREATE INDEX residents_pinyin ON residents(pinyin, id);
CREATE INDEX residents_initials ON residents(initials, pinyin);
CREATE INDEX residents_community ON residents(community_id, pinyin);
CREATE INDEX residents_household ON residents(household_id);

CREATE TABLE resident_tags (
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    tag TEXT NOT NULL,
    PRIMARY KEY (resident_id, tag)
);
CREATE INDEX resident_tags_tag ON resident_tags(tag, resident_id);

-- Every 1- and 2-character substring of each name, for short Chinese queries that neither a
-- prefix index nor a trigram index can answer. A rename deletes the old name's rows by their
-- full key, so no index by resident is kept (each index costs every import row).
CREATE TABLE resident_grams (
    gram TEXT NOT NULL,
    pinyin TEXT NOT NULL,
    resident_id BIGINT NOT NULL REFERENCES residents(id)
);
CREATE INDEX resident_grams_lookup ON resident_grams(gram, pinyin, resident_id);
