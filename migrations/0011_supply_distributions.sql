-- Distributions of supplies to people and units (发放): package templates, and batch
-- distributions posted all-or-nothing as one issue posting per recipient, so that an
-- undelivered share goes back to stock by reversing that recipient's posting. Each
-- recipient confirms receipt on their phone, or staff record who received it.
CREATE TABLE supply_packages (
  id {{PK}},
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- What one package holds, in thousandths of each item's base unit.
CREATE TABLE supply_package_lines (
  package_id BIGINT NOT NULL REFERENCES supply_packages(id),
  item_id BIGINT NOT NULL REFERENCES supply_items(id),
  qty_milli BIGINT NOT NULL CHECK (qty_milli > 0),
  PRIMARY KEY (package_id, item_id)
);

CREATE TABLE supply_distributions (
  id {{PK}},
  store_id BIGINT NOT NULL REFERENCES supply_stores(id),
  package_id BIGINT REFERENCES supply_packages(id),
  title TEXT NOT NULL,
  planned_for TEXT NOT NULL DEFAULT '',     -- local day YYYY-MM-DD
  status TEXT NOT NULL,                     -- planned, posted, cancelled
  note TEXT NOT NULL DEFAULT '',
  recipient_count INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  posted_by BIGINT,
  posted_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX supply_distributions_store ON supply_distributions(store_id, id);

-- What each recipient gets (the same for every recipient of a distribution).
CREATE TABLE supply_distribution_lines (
  distribution_id BIGINT NOT NULL REFERENCES supply_distributions(id),
  item_id BIGINT NOT NULL REFERENCES supply_items(id),
  qty_milli BIGINT NOT NULL CHECK (qty_milli > 0),
  PRIMARY KEY (distribution_id, item_id)
);

CREATE TABLE supply_distribution_recipients (
  id {{PK}},
  distribution_id BIGINT NOT NULL REFERENCES supply_distributions(id),
  person_id BIGINT REFERENCES people(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),  -- the person's unit, or the receiving unit
  name TEXT NOT NULL,                            -- as printed on the sign-off sheet
  posting_id BIGINT REFERENCES supply_postings(id),
  status TEXT NOT NULL DEFAULT 'pending',        -- pending, received, returned
  received_at TEXT NOT NULL DEFAULT '',
  received_by_user BIGINT,                       -- who confirmed: the recipient or staff
  received_by_name TEXT NOT NULL DEFAULT '',     -- staff record: who took the goods
  returned_at TEXT NOT NULL DEFAULT '',
  return_posting_id BIGINT REFERENCES supply_postings(id)
);
CREATE INDEX supply_distribution_recipients_dist ON supply_distribution_recipients(distribution_id, id);
CREATE INDEX supply_distribution_recipients_person ON supply_distribution_recipients(person_id, id);
