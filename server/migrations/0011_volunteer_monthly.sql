-- Each volunteer's minutes and activities per month, kept in the same transactions as the hours
-- ledger (a record adds, a reversal subtracts), so that year-end indicators over millions of
-- entries read a few thousand rows. `activities` counts standing records of an activity: a
-- record with an activity adds one, its reversal takes it away.
CREATE TABLE volunteer_monthly (
    community_id BIGINT NOT NULL,
    month TEXT NOT NULL,
    resident_id BIGINT NOT NULL,
    street_id BIGINT NOT NULL,
    minutes BIGINT NOT NULL,
    activities BIGINT NOT NULL,
    PRIMARY KEY (community_id, month, resident_id)
) {{WITHOUT_ROWID}};
CREATE INDEX volunteer_monthly_street ON volunteer_monthly(street_id, month);
INSERT INTO volunteer_monthly (community_id, month, resident_id, street_id, minutes, activities)
    SELECT community_id, substr(served_on, 1, 7), resident_id, min(street_id), sum(minutes),
           sum(CASE WHEN activity_id IS NULL THEN 0 WHEN entry = 'record' THEN 1 ELSE -1 END)
    FROM volunteer_hours GROUP BY community_id, substr(served_on, 1, 7), resident_id;
