-- Community volunteering, part 1: the university's people deployed to communities (下沉),
-- their skills and availability, each deployment's community and period, and the
-- temporary groups (临时党支部, 工作组) they form there with their leaders.
CREATE TABLE volunteers (
  person_id BIGINT PRIMARY KEY REFERENCES people(id),
  skills TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  availability TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE deployments (
  id {{PK}},
  person_id BIGINT NOT NULL REFERENCES volunteers(person_id),
  community_id BIGINT NOT NULL REFERENCES units(id),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL DEFAULT '',
  reports_to TEXT NOT NULL DEFAULT '',
  duty TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX deployments_person ON deployments(person_id);
CREATE INDEX deployments_community ON deployments(community_id);

CREATE TABLE volunteer_groups (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES units(id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  duties TEXT NOT NULL DEFAULT '',
  chat_group TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX volunteer_groups_community ON volunteer_groups(community_id);

CREATE TABLE volunteer_group_members (
  group_id BIGINT NOT NULL REFERENCES volunteer_groups(id),
  person_id BIGINT NOT NULL REFERENCES volunteers(person_id),
  leader INTEGER NOT NULL DEFAULT 0,
  joined_at TEXT NOT NULL,
  PRIMARY KEY (group_id, person_id)
);
CREATE INDEX volunteer_group_members_person ON volunteer_group_members(person_id);
