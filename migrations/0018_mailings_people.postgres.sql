-- Letters to our own people (issue 11, item 4): a mass letter addresses either partners'
-- contacts (audience 'partners') or people (audience 'people', foreign staff say); a
-- recipient is a contact or a person.
ALTER TABLE mailings ADD COLUMN audience TEXT NOT NULL DEFAULT 'partners';
ALTER TABLE mailing_recipients ALTER COLUMN partner_id DROP NOT NULL;
ALTER TABLE mailing_recipients ALTER COLUMN contact_id DROP NOT NULL;
ALTER TABLE mailing_recipients ADD COLUMN person_id BIGINT REFERENCES people(id);
CREATE UNIQUE INDEX mailing_recipients_person ON mailing_recipients(mailing_id, person_id);
