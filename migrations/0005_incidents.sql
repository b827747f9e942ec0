-- Emergency plans (应急预案) and incidents. A plan is an ordered list of steps for one
-- incident type; editing a plan writes a new version, and an incident keeps the steps of
-- the version it was opened under (copied into incident_steps).
CREATE TABLE incident_plans (
  id {{PK}},
  incident_type TEXT NOT NULL,
  version INTEGER NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  current INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by BIGINT,
  UNIQUE (incident_type, version)
);

CREATE TABLE incident_plan_steps (
  id {{PK}},
  plan_id BIGINT NOT NULL REFERENCES incident_plans(id),
  position INTEGER NOT NULL,
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  instructions_zh TEXT NOT NULL DEFAULT '',
  instructions_en TEXT NOT NULL DEFAULT '',
  owner_role TEXT NOT NULL,
  owner_unit_code TEXT NOT NULL DEFAULT '',
  due_minutes INTEGER NOT NULL,
  due_from TEXT NOT NULL DEFAULT 'start',
  UNIQUE (plan_id, position)
);

CREATE TABLE incidents (
  id {{PK}},
  incident_type TEXT NOT NULL,
  severity TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  title TEXT NOT NULL,
  person_id BIGINT REFERENCES people(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  location TEXT NOT NULL DEFAULT '',
  plan_id BIGINT NOT NULL REFERENCES incident_plans(id),
  assignee_id BIGINT REFERENCES users(id),
  outcome TEXT NOT NULL DEFAULT '',
  alert_id BIGINT UNIQUE,
  opened_by BIGINT,
  opened_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX incidents_status ON incidents(status, opened_at);
CREATE INDEX incidents_person ON incidents(person_id);

CREATE TABLE incident_steps (
  id {{PK}},
  incident_id BIGINT NOT NULL REFERENCES incidents(id),
  position INTEGER NOT NULL,
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  instructions_zh TEXT NOT NULL DEFAULT '',
  instructions_en TEXT NOT NULL DEFAULT '',
  owner_role TEXT NOT NULL,
  owner_unit_code TEXT NOT NULL DEFAULT '',
  due_at TEXT NOT NULL,
  done_at TEXT NOT NULL DEFAULT '',
  done_by BIGINT,
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (incident_id, position)
);
CREATE INDEX incident_steps_due ON incident_steps(done_at, due_at);

CREATE TABLE incident_people (
  incident_id BIGINT NOT NULL REFERENCES incidents(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  role TEXT NOT NULL,
  observation_plan_id BIGINT,
  added_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, person_id)
);
CREATE INDEX incident_people_person ON incident_people(person_id);

CREATE TABLE incident_events (
  id {{PK}},
  incident_id BIGINT NOT NULL REFERENCES incidents(id),
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX incident_events_incident ON incident_events(incident_id, id);
