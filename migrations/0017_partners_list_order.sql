-- The partners list and the correspondence log read in these orders (country then name;
-- newest first): an index each, so a first page does not sort every row (bench/partners.sh:
-- the first page of 20,000 partners took 62 ms, sorted).
CREATE INDEX partners_order ON partners(status, country, name_en, id);
CREATE INDEX correspondence_dated ON correspondence(dated_on, id);
