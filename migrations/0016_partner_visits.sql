-- Visits (来访与出访): a partner's delegation received (the Pakistani embassy's third
-- secretary visiting Pakistani students and postdocs) or ours abroad; who came, who hosted,
-- the people visited (from people), what was discussed and promised, follow-up actions with
-- owners and dates, and photos. A visit is part of the partner's history.
CREATE TABLE partner_visits (
  id {{PK}},
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  direction TEXT NOT NULL DEFAULT 'incoming',     -- incoming (they came), outgoing (we went)
  visited_on TEXT NOT NULL,                       -- YYYY-MM-DD
  place TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT '',
  hosts TEXT NOT NULL DEFAULT '',                 -- who received them (or went), free text
  discussed TEXT NOT NULL DEFAULT '',
  promised TEXT NOT NULL DEFAULT '',
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX partner_visits_partner ON partner_visits(partner_id, visited_on, id);
CREATE INDEX partner_visits_day ON partner_visits(visited_on, id);

CREATE TABLE partner_visitors (
  id {{PK}},
  visit_id BIGINT NOT NULL REFERENCES partner_visits(id),
  name TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  nationality TEXT NOT NULL DEFAULT ''            -- ISO 3166-1 alpha-2, '' = not given
);
CREATE INDEX partner_visitors_visit ON partner_visitors(visit_id, id);

CREATE TABLE partner_visit_people (
  visit_id BIGINT NOT NULL REFERENCES partner_visits(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (visit_id, person_id)
);
CREATE INDEX partner_visit_people_person ON partner_visit_people(person_id, visit_id);

CREATE TABLE partner_visit_actions (
  id {{PK}},
  visit_id BIGINT NOT NULL REFERENCES partner_visits(id),
  action TEXT NOT NULL,
  owner_id BIGINT REFERENCES users(id),
  due_on TEXT NOT NULL DEFAULT '',
  done_at TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX partner_visit_actions_visit ON partner_visit_actions(visit_id, id);
CREATE INDEX partner_visit_actions_open ON partner_visit_actions(done_at, due_on);

CREATE TABLE partner_visit_photos (
  id {{PK}},
  visit_id BIGINT NOT NULL REFERENCES partner_visits(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data TEXT NOT NULL,
  uploaded_by BIGINT,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX partner_visit_photos_visit ON partner_visit_photos(visit_id, id);
