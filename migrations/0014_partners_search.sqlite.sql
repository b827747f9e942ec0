-- Indexed substring search over partners and letters (SQLite): FTS5 trigram tables over
-- the lower-case search_text columns, kept in step by triggers.
CREATE VIRTUAL TABLE partners_search USING fts5(search_text, content='partners', content_rowid='id', tokenize='trigram');
CREATE TRIGGER partners_search_ai AFTER INSERT ON partners BEGIN INSERT INTO partners_search(rowid, search_text) VALUES (new.id, new.search_text); END;
CREATE TRIGGER partners_search_ad AFTER DELETE ON partners BEGIN INSERT INTO partners_search(partners_search, rowid, search_text) VALUES ('delete', old.id, old.search_text); END;
CREATE TRIGGER partners_search_au AFTER UPDATE OF search_text ON partners BEGIN INSERT INTO partners_search(partners_search, rowid, search_text) VALUES ('delete', old.id, old.search_text); INSERT INTO partners_search(rowid, search_text) VALUES (new.id, new.search_text); END;
CREATE VIRTUAL TABLE correspondence_search USING fts5(search_text, content='correspondence', content_rowid='id', tokenize='trigram');
CREATE TRIGGER correspondence_search_ai AFTER INSERT ON correspondence BEGIN INSERT INTO correspondence_search(rowid, search_text) VALUES (new.id, new.search_text); END;
CREATE TRIGGER correspondence_search_ad AFTER DELETE ON correspondence BEGIN INSERT INTO correspondence_search(correspondence_search, rowid, search_text) VALUES ('delete', old.id, old.search_text); END;
CREATE TRIGGER correspondence_search_au AFTER UPDATE OF search_text ON correspondence BEGIN INSERT INTO correspondence_search(correspondence_search, rowid, search_text) VALUES ('delete', old.id, old.search_text); INSERT INTO correspondence_search(rowid, search_text) VALUES (new.id, new.search_text); END;
