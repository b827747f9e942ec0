-- Indexes for the people list at 100,000 people (figures in bench/README.md). Every list
-- filters on status: the page comes from (status, sort_name, id) in order, and counts run
-- on covering (status, <filter>, unit_id) indexes, the scope being a set of unit ids.
DROP INDEX people_category;
DROP INDEX people_sort_name;
CREATE INDEX people_status_sort ON people(status, sort_name, id);
CREATE INDEX people_status_unit ON people(status, unit_id);
CREATE INDEX people_status_category ON people(status, category, unit_id);
CREATE INDEX people_status_nationality ON people(status, nationality, unit_id);
