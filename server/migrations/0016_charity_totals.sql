-- Donation totals by community, year, channel and form, and each project's income, kept in the
-- same transactions as the donations and their reversals, so that the public disclosure and the
-- yearly figures read a few rows however many donations there are.
CREATE TABLE charity_totals (
    community_id BIGINT NOT NULL,
    year TEXT NOT NULL,
    channel TEXT NOT NULL,
    form TEXT NOT NULL,
    street_id BIGINT NOT NULL,
    donations BIGINT NOT NULL,
    amount_fen BIGINT NOT NULL,
    PRIMARY KEY (community_id, year, channel, form)
);
ALTER TABLE charity_projects ADD COLUMN income_fen BIGINT NOT NULL DEFAULT 0;
INSERT INTO charity_totals (community_id, year, channel, form, street_id, donations, amount_fen)
    SELECT d.community_id, substr(d.donated_on, 1, 4), d.channel, d.form, min(d.street_id), count(*), sum(d.amount_fen)
    FROM charity_donations d
    WHERE NOT EXISTS (SELECT 1 FROM charity_transactions x WHERE x.reverses_id = d.transaction_id)
    GROUP BY d.community_id, substr(d.donated_on, 1, 4), d.channel, d.form;
UPDATE charity_projects SET income_fen = coalesce((SELECT sum(d.amount_fen) FROM charity_donations d WHERE
    d.project_id = charity_projects.id AND NOT EXISTS (SELECT 1 FROM charity_transactions x WHERE
    x.reverses_id = d.transaction_id)), 0);

-- Receipt numbers run per community and year.
CREATE TABLE charity_receipt_sequences (
    community_id BIGINT NOT NULL,
    year TEXT NOT NULL,
    last_number BIGINT NOT NULL,
    PRIMARY KEY (community_id, year)
);
INSERT INTO charity_receipt_sequences (community_id, year, last_number)
    SELECT community_id, substr(donated_on, 1, 4), count(*) FROM charity_donations
    GROUP BY community_id, substr(donated_on, 1, 4);
CREATE INDEX charity_donations_street ON charity_donations(street_id, donated_on);
-- Epidemic-prevention donations are few among many: their own (partial) indexes.
CREATE INDEX charity_donations_epidemic ON charity_donations(community_id, donated_on) WHERE epidemic = 1;
CREATE INDEX charity_donations_epidemic_street ON charity_donations(street_id, donated_on) WHERE epidemic = 1;
