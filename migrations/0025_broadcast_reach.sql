-- How many of a sending's recipients got at least one message (an account, or an email or
-- phone the outbox could use), beside how many the audience matched.
ALTER TABLE broadcast_runs ADD COLUMN reached INTEGER NOT NULL DEFAULT 0;
