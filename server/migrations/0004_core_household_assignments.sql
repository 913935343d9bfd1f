-- Households assigned to a person (for example the minority households a party-member liaison
-- is paired with). The module that makes the assignment keeps these rows; accounts with the
-- 'assigned' scope see exactly these households.
CREATE TABLE household_assignments (
    assignee_resident_id BIGINT NOT NULL,
    household_id BIGINT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (assignee_resident_id, household_id, source)
);
CREATE INDEX household_assignments_household ON household_assignments(household_id);
