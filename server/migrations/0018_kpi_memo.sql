-- Figures kept per community for indicators that are costly over a whole street (reports memo).
-- Every write to the records such an indicator reads bumps its community's version in the same
-- transaction; a kept figure counts only while its version is the community's current one, so
-- a stale figure is never shown — it is recomputed from the records instead.
CREATE TABLE community_versions (
    community_id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);
CREATE TABLE kpi_memo (
    indicator TEXT NOT NULL,
    community_id BIGINT NOT NULL,
    year INTEGER NOT NULL,
    street_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    total BIGINT NOT NULL,
    qualifying BIGINT NOT NULL,
    sum_value DOUBLE PRECISION NOT NULL,
    columns TEXT NOT NULL,
    computed_at BIGINT NOT NULL,
    PRIMARY KEY (indicator, community_id, year)
);
CREATE INDEX kpi_memo_street ON kpi_memo(indicator, year, street_id);
-- The records behind each kept figure, in the indicator's order within the community.
CREATE TABLE kpi_memo_records (
    indicator TEXT NOT NULL,
    year INTEGER NOT NULL,
    street_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    position INTEGER NOT NULL,
    item TEXT NOT NULL,
    PRIMARY KEY (indicator, year, street_id, community_id, position)
) {{WITHOUT_ROWID}};

-- A minority resident's liaison at a given date (the year-end figures and their records ask
-- this per resident; the partial index above covers only active pairings).
CREATE INDEX pairings_resident ON pairings(resident_id, from_date);
