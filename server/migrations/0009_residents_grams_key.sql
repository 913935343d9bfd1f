-- Name substrings keyed by (gram, pinyin, resident_id) alone: on SQLite the table is its own
-- index (WITHOUT ROWID), which halves the B-tree writes a large import makes for them.
CREATE TABLE resident_grams_keyed (
    gram TEXT NOT NULL,
    pinyin TEXT NOT NULL,
    resident_id BIGINT NOT NULL REFERENCES residents(id),
    PRIMARY KEY (gram, pinyin, resident_id)
) {{WITHOUT_ROWID}};
INSERT INTO resident_grams_keyed (gram, pinyin, resident_id)
    SELECT DISTINCT gram, pinyin, resident_id FROM resident_grams;
DROP TABLE resident_grams;
ALTER TABLE resident_grams_keyed RENAME TO resident_grams;
