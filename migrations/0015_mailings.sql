-- Letter templates and mass letters (国际合作与交流): a template in Chinese and English (and
-- optionally a third language) with merge fields, a letterhead and a signature; a mass
-- letter sends it to the contacts of the partners a filter chose, one PDF per recipient in
-- the recipient's language, by email through the outbox with the PDF attached, each logged
-- in the correspondence.

-- Files sent with an outbox email (a mass letter's PDF), deleted with their row.
CREATE TABLE notification_files (
  id {{PK}},
  notification_id BIGINT NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  data TEXT NOT NULL                              -- base64
);
CREATE INDEX notification_files_notification ON notification_files(notification_id);

CREATE TABLE letter_templates (
  id {{PK}},
  unit_id BIGINT NOT NULL REFERENCES units(id),   -- the unit that keeps it
  name TEXT NOT NULL,
  subject_zh TEXT NOT NULL DEFAULT '',
  body_zh TEXT NOT NULL DEFAULT '',
  subject_en TEXT NOT NULL DEFAULT '',
  body_en TEXT NOT NULL DEFAULT '',
  third_lang TEXT NOT NULL DEFAULT '',            -- ISO 639-1 ("fr"), '' = none
  subject_third TEXT NOT NULL DEFAULT '',
  body_third TEXT NOT NULL DEFAULT '',
  letterhead_zh TEXT NOT NULL DEFAULT '',         -- lines at the top: institution, address
  letterhead_en TEXT NOT NULL DEFAULT '',
  signer_name_zh TEXT NOT NULL DEFAULT '',
  signer_name_en TEXT NOT NULL DEFAULT '',
  signer_title_zh TEXT NOT NULL DEFAULT '',
  signer_title_en TEXT NOT NULL DEFAULT '',
  signature_png TEXT NOT NULL DEFAULT '',         -- base64 PNG, '' = none
  letterhead_png TEXT NOT NULL DEFAULT '',        -- base64 PNG logo, '' = none
  active INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX letter_templates_unit ON letter_templates(unit_id, id);

CREATE TABLE mailings (
  id {{PK}},
  unit_id BIGINT NOT NULL REFERENCES units(id),
  template_id BIGINT NOT NULL REFERENCES letter_templates(id),
  title TEXT NOT NULL,
  dated_on TEXT NOT NULL,                         -- the letters' date
  filter TEXT NOT NULL DEFAULT '{}',              -- how the recipients were chosen (JSON)
  status TEXT NOT NULL DEFAULT 'draft',           -- draft, sending, done
  created_by BIGINT,
  created_at TEXT NOT NULL,
  started_at TEXT NOT NULL DEFAULT '',
  finished_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mailings_status ON mailings(status, id);

-- One row per contact: a contact gets a mass letter once (the unique key), and its email
-- once (the outbox's dedup key names the mailing and the contact).
CREATE TABLE mailing_recipients (
  id {{PK}},
  mailing_id BIGINT NOT NULL REFERENCES mailings(id),
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  contact_id BIGINT NOT NULL REFERENCES partner_contacts(id),
  lang TEXT NOT NULL,                             -- zh, en or the template's third language
  status TEXT NOT NULL DEFAULT 'pending',         -- pending, working, sent, no_email, failed
  error TEXT NOT NULL DEFAULT '',
  letter_id BIGINT REFERENCES correspondence(id),
  notification_id BIGINT,
  claimed_at TEXT NOT NULL DEFAULT '',
  done_at TEXT NOT NULL DEFAULT '',
  UNIQUE (mailing_id, contact_id)
);
CREATE INDEX mailing_recipients_work ON mailing_recipients(status, mailing_id, id);
