-- Notices (通知公告, 服务指南): bilingual, with one language possibly a translation still
-- pending; a category; an audience (everyone when it has no rows, else anyone matching a
-- row: a role, a unit's subtree, a category of people, a nationality); a workflow draft ->
-- review -> approved (published from publish_at until expire_at) or withdrawn. Read
-- receipts and acknowledgements per account.
CREATE TABLE announcements (
  id {{PK}},
  category TEXT NOT NULL,                        -- service_guide, procedure, protection_reminder, policy
  title_zh TEXT NOT NULL DEFAULT '',
  title_en TEXT NOT NULL DEFAULT '',
  body_zh TEXT NOT NULL DEFAULT '',
  body_en TEXT NOT NULL DEFAULT '',
  pending_lang TEXT NOT NULL DEFAULT '',         -- '' | zh | en: that side is a translation to come
  status TEXT NOT NULL DEFAULT 'draft',          -- draft, review, approved, withdrawn
  publish_at TEXT NOT NULL DEFAULT '',           -- ISO UTC; set on approval when empty
  expire_at TEXT NOT NULL DEFAULT '',            -- '' = does not expire
  pinned INTEGER NOT NULL DEFAULT 0,
  is_public INTEGER NOT NULL DEFAULT 0,          -- on the public page and feed, no login
  ack_required INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT,
  created_by_name TEXT NOT NULL DEFAULT '',
  submitted_by BIGINT,
  submitted_by_name TEXT NOT NULL DEFAULT '',
  reviewed_by BIGINT,
  reviewed_by_name TEXT NOT NULL DEFAULT '',
  review_note TEXT NOT NULL DEFAULT '',
  announced_at TEXT NOT NULL DEFAULT '',         -- when its audience was told it is out
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX announcements_live ON announcements(status, publish_at, expire_at);

CREATE TABLE announcement_audiences (
  announcement_id BIGINT NOT NULL REFERENCES announcements(id),
  kind TEXT NOT NULL,                            -- role, unit, category, nationality
  value TEXT NOT NULL,                           -- role name, unit id, category, ISO country code
  PRIMARY KEY (announcement_id, kind, value)
);

CREATE TABLE announcement_receipts (
  announcement_id BIGINT NOT NULL REFERENCES announcements(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  read_at TEXT NOT NULL,
  acked_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (announcement_id, user_id)
);
