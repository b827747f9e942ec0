-- Community volunteering, part 1: households and their residents under the unit tree (the
-- community, its compounds, buildings and entrances are units), and the lockdown state of
-- each building with its history.
CREATE TABLE households (
  id {{PK}},
  unit_id BIGINT NOT NULL REFERENCES units(id),
  room TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (unit_id, room)
);
CREATE INDEX households_unit ON households(unit_id);

CREATE TABLE household_residents (
  person_id BIGINT PRIMARY KEY REFERENCES people(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  age_band TEXT NOT NULL DEFAULT '',
  elderly_alone INTEGER NOT NULL DEFAULT 0,
  chronic_illness INTEGER NOT NULL DEFAULT 0,
  pregnant INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX household_residents_household ON household_residents(household_id);

-- open, controlled (管控) or locked (封控); a building with no row is open.
CREATE TABLE building_lockdowns (
  unit_id BIGINT PRIMARY KEY REFERENCES units(id),
  state TEXT NOT NULL,
  since TEXT NOT NULL DEFAULT '',
  until TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  updated_by_name TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE INDEX building_lockdowns_state ON building_lockdowns(state);

CREATE TABLE building_lockdown_events (
  id {{PK}},
  unit_id BIGINT NOT NULL REFERENCES units(id),
  state TEXT NOT NULL,
  since TEXT NOT NULL DEFAULT '',
  until TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  actor_name TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX building_lockdown_events_unit ON building_lockdown_events(unit_id, id);
