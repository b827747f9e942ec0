-- Health monitoring (双测温两报告): report plans, the daily roster of expected reports,
-- check-ins with their correction history, health inquiries, alerts and per-unit counters.
CREATE TABLE report_plans (
  id {{PK}},
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  unit_id BIGINT REFERENCES units(id),
  category TEXT NOT NULL DEFAULT '',
  time_zone TEXT NOT NULL,
  slots TEXT NOT NULL,
  late_minutes INTEGER NOT NULL DEFAULT 240,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE report_plan_people (
  plan_id BIGINT NOT NULL REFERENCES report_plans(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (plan_id, person_id)
);

CREATE TABLE health_days (
  day TEXT PRIMARY KEY,
  built_at TEXT NOT NULL
);

CREATE TABLE health_roster (
  day TEXT NOT NULL,
  slot INTEGER NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  plan_id BIGINT NOT NULL REFERENCES report_plans(id),
  slot_name TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  late_until TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'missing',
  checkin_id BIGINT,
  PRIMARY KEY (day, slot, person_id)
);
CREATE INDEX health_roster_unit ON health_roster(day, slot, status, unit_id);
CREATE INDEX health_roster_person ON health_roster(person_id, day);

CREATE TABLE health_checkins (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  day TEXT NOT NULL,
  slot INTEGER NOT NULL,
  slot_name TEXT NOT NULL,
  temperature_tenths INTEGER NOT NULL,
  method TEXT NOT NULL,
  symptoms TEXT NOT NULL DEFAULT '',
  symptom_other TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL,
  location_country TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT 'none',
  remarks TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL DEFAULT 'self',
  recorded_by BIGINT,
  late INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  submitted_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (day, slot, person_id)
);
CREATE INDEX health_checkins_person ON health_checkins(person_id, day);

CREATE TABLE health_checkin_history (
  id {{PK}},
  checkin_id BIGINT NOT NULL REFERENCES health_checkins(id),
  version INTEGER NOT NULL,
  data TEXT NOT NULL,
  replaced_at TEXT NOT NULL,
  replaced_by BIGINT
);
CREATE INDEX health_history_checkin ON health_checkin_history(checkin_id);

CREATE TABLE health_inquiries (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  channel TEXT NOT NULL,
  answer TEXT NOT NULL,
  asked_by BIGINT,
  asked_at TEXT NOT NULL
);
CREATE INDEX health_inquiries_person ON health_inquiries(person_id, asked_at);

CREATE TABLE health_alerts (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  checkin_id BIGINT NOT NULL REFERENCES health_checkins(id),
  day TEXT NOT NULL,
  slot INTEGER NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open',
  recheck_due_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (checkin_id, kind)
);
CREATE INDEX health_alerts_status ON health_alerts(status, created_at);
CREATE INDEX health_alerts_person ON health_alerts(person_id, created_at);

CREATE TABLE health_counts (
  day TEXT NOT NULL,
  slot INTEGER NOT NULL,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  slot_name TEXT NOT NULL,
  expected INTEGER NOT NULL DEFAULT 0,
  reported INTEGER NOT NULL DEFAULT 0,
  late INTEGER NOT NULL DEFAULT 0,
  alerts INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, slot, unit_id)
);
