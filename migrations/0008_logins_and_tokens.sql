-- Login throttling per account and per client address, devices that logged in before
-- (their right password is never throttled), and API tokens that expire.
CREATE TABLE login_address_attempts (
  ip TEXT PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0,
  first_failure_at TEXT NOT NULL DEFAULT '',
  locked_until TEXT NOT NULL DEFAULT ''
);
CREATE TABLE known_devices (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX known_devices_user ON known_devices(user_id);
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_action_at ON audit_log(action, at);
