-- Counting a caller's partners (the list's total) reads the status and the keeping unit of
-- every partner in scope: an index on both answers it without visiting the rows (a count of
-- 20,000 partners read 3,000 table pages). partners_list (status, country, id) is covered by
-- partners_order (status, country, name_en, id) and goes.
DROP INDEX partners_list;
CREATE INDEX partners_scope ON partners(status, unit_id);
