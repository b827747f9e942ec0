-- Partners (国际合作与交流): institutions we correspond with (universities, embassies and
-- consulates, hospitals, companies, foundations, NGOs), their contacts, the departments
-- they are assigned to, and the correspondence log (letters and emails in and out, their
-- threads, scanned attachments and answers due). Donors may be partners.
CREATE TABLE partners (
  id {{PK}},
  unit_id BIGINT NOT NULL REFERENCES units(id),   -- the unit that keeps the record
  kind TEXT NOT NULL,                             -- university, embassy, consulate, hospital, company, foundation, ngo, government, other
  name_zh TEXT NOT NULL DEFAULT '',
  name_en TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL,                          -- ISO 3166-1 alpha-2
  city TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT 'en',           -- ISO 639-1 codes for letters, preferred first ("en,fr")
  tags TEXT NOT NULL DEFAULT '',                  -- comma-separated (agreement type, region)
  website TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active',          -- active, merged
  merged_into BIGINT REFERENCES partners(id),
  search_text TEXT NOT NULL DEFAULT '',           -- lower-case names, city, tags, contact names
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX partners_list ON partners(status, country, id);

-- Departments a partner is assigned to: their staff see it.
CREATE TABLE partner_units (
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  PRIMARY KEY (partner_id, unit_id)
);
CREATE INDEX partner_units_unit ON partner_units(unit_id, partner_id);

-- Contacts: personal data (lists mask email and phone; exports are audited).
CREATE TABLE partner_contacts (
  id {{PK}},
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  name TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',                 -- President, Third Secretary
  honorific TEXT NOT NULL DEFAULT '',             -- Professor, Dr, H.E., 尊敬的
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',              -- ISO 639-1; '' = the partner's first
  is_primary INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX partner_contacts_partner ON partner_contacts(partner_id, id);

ALTER TABLE donors ADD COLUMN partner_id BIGINT REFERENCES partners(id);
CREATE INDEX donors_partner ON donors(partner_id);

-- Letters and emails in and out. thread_id is the first letter of its thread (itself for
-- a new one); reply_to the letter answered. answer_by: the day an answer is due (the
-- handler is reminded through the outbox); answered_at is set when a reply is logged.
CREATE TABLE correspondence (
  id {{PK}},
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  contact_id BIGINT REFERENCES partner_contacts(id),
  direction TEXT NOT NULL,                        -- in, out
  channel TEXT NOT NULL,                          -- email, post, diplomatic_note, in_person
  dated_on TEXT NOT NULL,                         -- the letter's date, YYYY-MM-DD
  subject TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',              -- ISO 639-1
  thread_id BIGINT,
  reply_to BIGINT REFERENCES correspondence(id),
  answer_needed INTEGER NOT NULL DEFAULT 0,
  answer_by TEXT NOT NULL DEFAULT '',
  answered_at TEXT NOT NULL DEFAULT '',
  reminded_at TEXT NOT NULL DEFAULT '',
  handled_by BIGINT REFERENCES users(id),
  search_text TEXT NOT NULL DEFAULT '',           -- lower-case subject and summary
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX correspondence_partner ON correspondence(partner_id, dated_on, id);
CREATE INDEX correspondence_list ON correspondence(direction, dated_on, id);
CREATE INDEX correspondence_thread ON correspondence(thread_id, dated_on, id);
CREATE INDEX correspondence_due ON correspondence(answer_needed, answered_at, answer_by);

-- Scanned letters: as incident attachments, in the database.
CREATE TABLE correspondence_attachments (
  id {{PK}},
  letter_id BIGINT NOT NULL REFERENCES correspondence(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data TEXT NOT NULL,
  uploaded_by BIGINT,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX correspondence_attachments_letter ON correspondence_attachments(letter_id);
