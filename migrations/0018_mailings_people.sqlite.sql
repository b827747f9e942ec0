-- Letters to our own people (issue 11, item 4): a mass letter addresses either partners'
-- contacts (audience 'partners') or people (audience 'people', foreign staff say); a
-- recipient is a contact or a person. SQLite cannot drop NOT NULL, so the recipients
-- table is rebuilt with its rows and indexes.
ALTER TABLE mailings ADD COLUMN audience TEXT NOT NULL DEFAULT 'partners';
CREATE TABLE mailing_recipients_new (
  id {{PK}},
  mailing_id BIGINT NOT NULL REFERENCES mailings(id),
  partner_id BIGINT REFERENCES partners(id),
  contact_id BIGINT REFERENCES partner_contacts(id),
  person_id BIGINT REFERENCES people(id),
  lang TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  error TEXT NOT NULL DEFAULT '',
  letter_id BIGINT REFERENCES correspondence(id),
  notification_id BIGINT,
  claimed_at TEXT NOT NULL DEFAULT '',
  done_at TEXT NOT NULL DEFAULT '',
  UNIQUE (mailing_id, contact_id)
);
INSERT INTO mailing_recipients_new (id, mailing_id, partner_id, contact_id, lang, status, error, letter_id,
                                    notification_id, claimed_at, done_at)
  SELECT id, mailing_id, partner_id, contact_id, lang, status, error, letter_id, notification_id, claimed_at, done_at
  FROM mailing_recipients;
DROP TABLE mailing_recipients;
ALTER TABLE mailing_recipients_new RENAME TO mailing_recipients;
CREATE INDEX mailing_recipients_work ON mailing_recipients(status, mailing_id, id);
CREATE UNIQUE INDEX mailing_recipients_person ON mailing_recipients(mailing_id, person_id);
