-- Attachments of notices (the service guide's forms, a procedure's flow chart), kept in
-- the database like incidents' attachments: readable by the notice's readers, and by
-- anyone for a public notice.
CREATE TABLE announcement_files (
  id {{PK}},
  announcement_id BIGINT NOT NULL REFERENCES announcements(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data TEXT NOT NULL,
  uploaded_by BIGINT,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX announcement_files_announcement ON announcement_files(announcement_id);
