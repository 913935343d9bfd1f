-- ID-number masks keep only the first 3 characters and the check character: the old mask
-- (first 6, last 4) hid exactly the birth date, which is shown beside it (issue: at least 10,000
-- candidates for a full number from what a role sees). The new mask is derived from the old one.
UPDATE residents SET id_masked = substr(id_masked, 1, 3) || substr('********************', 1, length(id_masked) - 4)
    || substr(id_masked, length(id_masked), 1)
WHERE length(id_masked) >= 10;

-- The audit chain's format: 1 = SHA-256 over separated fields (unkeyed), 2 = HMAC-SHA-256 keyed
-- with a key derived from the key file, fields length-prefixed. Entries of version 1 are
-- re-sealed once, at the first start that has the key, after their old chain has been verified.
ALTER TABLE audit_head ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
UPDATE audit_head SET version = 2 WHERE seq = 0;

-- Login throttling keys per (account, address), per account and per address; the last failure
-- time drives the per-account slow-down.
ALTER TABLE login_throttle ADD COLUMN last_failure_at BIGINT NOT NULL DEFAULT 0;
