-- Notifications: one outbox for email (sent over SMTP by a sender that claims rows, retries
-- with back-off and never sends a row twice) and in-app notices (delivered by being here).
-- dedup_key makes every enqueue idempotent: a job that runs twice, or on two instances,
-- queues a notification once.
CREATE TABLE notifications (
  id {{PK}},
  channel TEXT NOT NULL,
  kind TEXT NOT NULL,
  user_id BIGINT REFERENCES users(id) ON DELETE CASCADE,
  person_id BIGINT REFERENCES people(id),
  address TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL DEFAULT '',
  dedup_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_at TEXT NOT NULL DEFAULT '',
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT '',
  read_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notifications_due ON notifications(channel, status, next_attempt_at);
CREATE INDEX notifications_user ON notifications(user_id, id);
CREATE INDEX notifications_created ON notifications(created_at);

-- Work a scheduled job did once (reminders of a slot, escalations): the key is claimed in
-- the same transaction as the work, so a second instance or a second tick skips it.
CREATE TABLE job_marks (
  mark_key TEXT PRIMARY KEY,
  done_at TEXT NOT NULL
);

ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';

-- Alerts: why one was escalated, and when staff were told of it being raised / escalated.
ALTER TABLE health_alerts ADD COLUMN escalation TEXT NOT NULL DEFAULT '';
ALTER TABLE health_alerts ADD COLUMN notified_at TEXT NOT NULL DEFAULT '';
ALTER TABLE health_alerts ADD COLUMN escalation_notified_at TEXT NOT NULL DEFAULT '';
CREATE INDEX health_alerts_notify ON health_alerts(notified_at);
