-- Attachments of incidents (medical notes, photos of documents), kept in the database —
-- outside any web root, in the same backups, and shared by every server instance. The
-- content is base64 text so both databases store it the same way; files are size-limited.
CREATE TABLE incident_attachments (
  id {{PK}},
  incident_id BIGINT NOT NULL REFERENCES incidents(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data TEXT NOT NULL,
  uploaded_by BIGINT,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX incident_attachments_incident ON incident_attachments(incident_id);
