-- An administrator's password reset: the user must choose a new password at their next login
-- before anything else is allowed.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
