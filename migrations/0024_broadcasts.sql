-- Broadcasts (当日疫情通报): a message written from a template in both languages whose
-- placeholders are filled from live figures (reports, fevers, people in observation,
-- travellers abroad) and from figures an editor types (the city case numbers), sent to an
-- audience, each recipient in their language: daily at a local time, once at an instant,
-- or only when sent by hand. Every sending is a run, kept with the text as sent in both
-- languages and the figures used, and its outbox rows carry the run (notifications.batch).
CREATE TABLE broadcasts (
  id {{PK}},
  name TEXT NOT NULL,
  subject_zh TEXT NOT NULL DEFAULT '',
  subject_en TEXT NOT NULL DEFAULT '',
  body_zh TEXT NOT NULL DEFAULT '',
  body_en TEXT NOT NULL DEFAULT '',
  schedule TEXT NOT NULL DEFAULT 'daily',
  send_time TEXT NOT NULL DEFAULT '08:00',
  send_at TEXT NOT NULL DEFAULT '',
  by_email INTEGER NOT NULL DEFAULT 1,
  active INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_by_name TEXT NOT NULL DEFAULT '',
  updated_by_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE broadcast_audiences (
  broadcast_id BIGINT NOT NULL REFERENCES broadcasts(id),
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (broadcast_id, kind, value)
);

-- The figures an editor types: a key used as a placeholder, its labels and its value.
CREATE TABLE broadcast_figures (
  broadcast_id BIGINT NOT NULL REFERENCES broadcasts(id),
  figure_key TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  label_zh TEXT NOT NULL DEFAULT '',
  label_en TEXT NOT NULL DEFAULT '',
  value TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by_name TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (broadcast_id, figure_key)
);

-- run_key makes a sending happen once: "b<id>:<local day>" for the daily one, "b<id>:once",
-- "b<id>:hand:<instant>" for one sent by hand.
CREATE TABLE broadcast_runs (
  id {{PK}},
  broadcast_id BIGINT NOT NULL REFERENCES broadcasts(id),
  run_key TEXT NOT NULL UNIQUE,
  started_at TEXT NOT NULL,
  sent_by_name TEXT NOT NULL DEFAULT '',
  subject_zh TEXT NOT NULL DEFAULT '',
  subject_en TEXT NOT NULL DEFAULT '',
  body_zh TEXT NOT NULL DEFAULT '',
  body_en TEXT NOT NULL DEFAULT '',
  figures TEXT NOT NULL DEFAULT '[]',
  recipients INTEGER NOT NULL DEFAULT 0,
  recipients_en INTEGER NOT NULL DEFAULT 0,
  queued INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX broadcast_runs_broadcast ON broadcast_runs(broadcast_id, id);

ALTER TABLE notifications ADD COLUMN batch TEXT NOT NULL DEFAULT '';
CREATE INDEX notifications_batch ON notifications(batch, id);
