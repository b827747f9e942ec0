-- Trips abroad (因公临时出国（境）and private travel): a traveller (a person) with purpose,
-- destinations, planned and actual dates, approval reference, contact abroad and flights;
-- status planned → abroad → stranded → returning → observation → home (or cancelled).
-- A stranded traveller has a reason, a position and needs; the office logs what it and the
-- embassy did, with costs. Arrival home starts an observation plan in health monitoring.
CREATE TABLE trips (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL DEFAULT 'official',          -- official (因公), private (因私)
  purpose TEXT NOT NULL DEFAULT '',
  countries TEXT NOT NULL DEFAULT '',             -- ISO 3166-1 alpha-2, comma-separated
  cities TEXT NOT NULL DEFAULT '',
  depart_on TEXT NOT NULL,                        -- planned, YYYY-MM-DD
  return_on TEXT NOT NULL,                        -- planned (moved when a new return is planned)
  departed_on TEXT NOT NULL DEFAULT '',           -- actual
  returned_on TEXT NOT NULL DEFAULT '',           -- actual arrival home
  approval_ref TEXT NOT NULL DEFAULT '',
  contact_abroad TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned',
  stranded_reason TEXT NOT NULL DEFAULT '',       -- flights_cancelled, entry_ban, illness, other
  location TEXT NOT NULL DEFAULT '',              -- where the traveller is now
  location_country TEXT NOT NULL DEFAULT '',
  needs TEXT NOT NULL DEFAULT '',                 -- tickets, money, visa_extension, medicine, other
  needs_note TEXT NOT NULL DEFAULT '',
  position_at TEXT NOT NULL DEFAULT '',           -- when position or needs last changed
  observation_plan_id BIGINT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX trips_person ON trips(person_id, depart_on);
CREATE INDEX trips_status ON trips(status, return_on, id);
CREATE INDEX trips_order ON trips(depart_on, id);

CREATE TABLE trip_legs (
  id {{PK}},
  trip_id BIGINT NOT NULL REFERENCES trips(id),
  flight TEXT NOT NULL DEFAULT '',
  from_place TEXT NOT NULL DEFAULT '',
  to_place TEXT NOT NULL DEFAULT '',
  depart_at TEXT NOT NULL DEFAULT '',             -- local, YYYY-MM-DDTHH:MM
  arrive_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX trip_legs_trip ON trip_legs(trip_id, id);

-- The trip's history: status changes, position and needs updates, and the assistance log
-- (party: office, embassy, traveller, other; with an optional cost in minor units).
CREATE TABLE trip_events (
  id {{PK}},
  trip_id BIGINT NOT NULL REFERENCES trips(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,                             -- created, status, position, assistance
  status_from TEXT NOT NULL DEFAULT '',
  status_to TEXT NOT NULL DEFAULT '',
  party TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  cost_minor BIGINT NOT NULL DEFAULT 0,
  currency TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',              -- position: where, and what was needed
  needs TEXT NOT NULL DEFAULT '',
  return_on TEXT NOT NULL DEFAULT '',             -- status: a new planned return
  actor_id BIGINT,
  actor_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX trip_events_trip ON trip_events(trip_id, id);
