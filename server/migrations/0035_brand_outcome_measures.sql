-- An outcome of a brand project names the figure that shows it — computed from the records the
-- project links (its events' audience, its partners' contributions, placements at its partner
-- employers), never typed in. `figure` stays for outcomes recorded before.
ALTER TABLE brand_outcomes ADD COLUMN measure TEXT CHECK (measure IS NULL OR measure IN
    ('events', 'audience', 'bookings', 'money_fen', 'in_kind_fen', 'volunteer_minutes', 'placements'));
