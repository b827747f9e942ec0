-- Indexed substring search over partners and letters (PostgreSQL): pg_trgm GIN indexes
-- serve LIKE '%...%'; the views give both databases one query shape.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX partners_search_trgm ON partners USING gin (search_text gin_trgm_ops);
CREATE VIEW partners_search AS SELECT id AS rowid, search_text FROM partners;
CREATE INDEX correspondence_search_trgm ON correspondence USING gin (search_text gin_trgm_ops);
CREATE VIEW correspondence_search AS SELECT id AS rowid, search_text FROM correspondence;
