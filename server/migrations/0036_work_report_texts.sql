-- The work report's prose as a community or street edited it: one sentence's template per place,
-- year and language. The figures stay placeholders bound to the indicators; only the words around
-- them are kept here. A sentence without a row reads as the report's default.
CREATE TABLE work_report_texts (
    place_id BIGINT NOT NULL,
    year BIGINT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
    sentence TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_by BIGINT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (place_id, year, lang, sentence)
);
