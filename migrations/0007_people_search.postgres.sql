-- Indexed substring search over people (PostgreSQL). search_text keeps what every role
-- that sees the list may match (names, email, WeChat); search_ids the identifiers (ID or
-- passport numbers, phones), matched only for roles that see them unmasked. pg_trgm GIN
-- indexes serve LIKE '%...%'; the view gives both databases one query shape.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE people ADD COLUMN search_ids TEXT NOT NULL DEFAULT '';
UPDATE people SET search_text = translate(name_zh || ' ' || name_latin || ' ' || email || ' ' || wechat, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'),
  search_ids = translate(id_number || ' ' || phone, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');
CREATE INDEX people_search_text_trgm ON people USING gin (search_text gin_trgm_ops);
CREATE INDEX people_search_ids_trgm ON people USING gin (search_ids gin_trgm_ops);
CREATE VIEW people_search AS SELECT id AS rowid, search_text, search_ids FROM people;
