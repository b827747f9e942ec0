-- The entry-control register (入境管制措施): per country, the measures in force — entry
-- ban, visa suspension, quarantine of N days and where, test requirements, flight
-- restrictions — with the days they run, their source (issuing authority, reference, URL)
-- and who entered them. Every change is a new version (a snapshot), so a rule's history
-- reads as a diff. Who was told of which version, and when, is kept per person.
CREATE TABLE entry_rules (
  id {{PK}},
  country TEXT NOT NULL,                          -- ISO 3166-1 alpha-2
  measure TEXT NOT NULL,                          -- entry_ban, visa_suspension, quarantine, test_required,
                                                  -- flight_restriction, other
  summary_zh TEXT NOT NULL DEFAULT '',
  summary_en TEXT NOT NULL DEFAULT '',
  quarantine_days INTEGER NOT NULL DEFAULT 0,
  quarantine_place TEXT NOT NULL DEFAULT '',
  effective_from TEXT NOT NULL,                   -- YYYY-MM-DD
  effective_to TEXT NOT NULL DEFAULT '',          -- '' = until further notice
  source_authority TEXT NOT NULL DEFAULT '',
  source_ref TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT,
  created_by_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_by_name TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE INDEX entry_rules_country ON entry_rules(country, effective_from, id);
CREATE INDEX entry_rules_order ON entry_rules(updated_at, id);

CREATE TABLE entry_rule_versions (
  id {{PK}},
  rule_id BIGINT NOT NULL REFERENCES entry_rules(id),
  version INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor_id BIGINT,
  actor_name TEXT NOT NULL DEFAULT '',
  data TEXT NOT NULL                              -- JSON: the rule's fields at this version
);
CREATE UNIQUE INDEX entry_rule_versions_rule ON entry_rule_versions(rule_id, version);

-- "Notify affected": one row per person told of a version of a rule.
CREATE TABLE entry_rule_notices (
  id {{PK}},
  rule_id BIGINT NOT NULL REFERENCES entry_rules(id),
  version INTEGER NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people(id),
  reason TEXT NOT NULL DEFAULT '',                -- nationality, traveller
  lang TEXT NOT NULL DEFAULT '',
  channels TEXT NOT NULL DEFAULT '',              -- app, email (comma-separated); '' = no way to reach them
  at TEXT NOT NULL,
  actor_id BIGINT,
  actor_name TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX entry_rule_notices_person ON entry_rule_notices(rule_id, version, person_id);
CREATE INDEX entry_rule_notices_rule ON entry_rule_notices(rule_id, person_id, version);
-- Who a country's rules concern, by name a page at a time: nationals read from the index
-- alone (the unit for the caller's scope), without the people's rows.
CREATE INDEX people_nationality_sort ON people(status, nationality, sort_name, unit_id);
