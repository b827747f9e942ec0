-- Duty shifts (值班): a community's posts, their shifts and who signed up for each.
CREATE TABLE duty_posts (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES units(id),
  group_id BIGINT REFERENCES volunteer_groups(id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX duty_posts_community ON duty_posts(community_id);

CREATE TABLE duty_shifts (
  id {{PK}},
  post_id BIGINT NOT NULL REFERENCES duty_posts(id),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  capacity INTEGER NOT NULL DEFAULT 1,
  skill TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (post_id, starts_at)
);
CREATE INDEX duty_shifts_starts ON duty_shifts(starts_at);

CREATE TABLE shift_signups (
  shift_id BIGINT NOT NULL REFERENCES duty_shifts(id),
  person_id BIGINT NOT NULL REFERENCES volunteers(person_id),
  signed_at TEXT NOT NULL,
  PRIMARY KEY (shift_id, person_id)
);
CREATE INDEX shift_signups_person ON shift_signups(person_id);

-- A volunteer's iCalendar feed: the hash of the secret in its address (revoked: no row).
CREATE TABLE calendar_feeds (
  person_id BIGINT PRIMARY KEY REFERENCES volunteers(person_id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
