-- Indexed substring search over people (SQLite). search_text keeps what every role that
-- sees the list may match (names, email, WeChat); search_ids the identifiers (ID or
-- passport numbers, phones), matched only for roles that see them unmasked. An FTS5 table
-- with the trigram tokenizer indexes both; triggers keep it in step with people.
ALTER TABLE people ADD COLUMN search_ids TEXT NOT NULL DEFAULT '';
UPDATE people SET search_text = lower(name_zh || ' ' || name_latin || ' ' || email || ' ' || wechat),
  search_ids = lower(id_number || ' ' || phone);
CREATE VIRTUAL TABLE people_search USING fts5(search_text, search_ids, content='people', content_rowid='id', tokenize='trigram');
INSERT INTO people_search(people_search) VALUES ('rebuild');
CREATE TRIGGER people_search_ai AFTER INSERT ON people BEGIN INSERT INTO people_search(rowid, search_text, search_ids) VALUES (new.id, new.search_text, new.search_ids); END;
CREATE TRIGGER people_search_ad AFTER DELETE ON people BEGIN INSERT INTO people_search(people_search, rowid, search_text, search_ids) VALUES ('delete', old.id, old.search_text, old.search_ids); END;
CREATE TRIGGER people_search_au AFTER UPDATE OF search_text, search_ids ON people BEGIN INSERT INTO people_search(people_search, rowid, search_text, search_ids) VALUES ('delete', old.id, old.search_text, old.search_ids); INSERT INTO people_search(rowid, search_text, search_ids) VALUES (new.id, new.search_text, new.search_ids); END;
