-- Supplies (防疫物资、生活物资): a catalogue of items with pack units, stores owned by
-- units with their keepers, and an immutable ledger. Every movement is a posting with
-- signed lines; supply_stock holds the stock on hand per store, item and batch, kept up
-- to date by each posting in the same transaction and never below zero. Quantities are
-- integers in thousandths of the item's base unit (1.8 L of oil = 1800).
CREATE TABLE supply_items (
  id {{PK}},
  code TEXT NOT NULL UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL,
  unit_zh TEXT NOT NULL,
  unit_en TEXT NOT NULL DEFAULT '',
  decimals INTEGER NOT NULL DEFAULT 0,
  batched INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE supply_item_packs (
  id {{PK}},
  item_id BIGINT NOT NULL REFERENCES supply_items(id),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  factor_milli BIGINT NOT NULL
);
CREATE INDEX supply_item_packs_item ON supply_item_packs(item_id);

CREATE TABLE supply_stores (
  id {{PK}},
  unit_id BIGINT NOT NULL REFERENCES units(id),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX supply_stores_unit ON supply_stores(unit_id);

CREATE TABLE supply_store_keepers (
  store_id BIGINT NOT NULL REFERENCES supply_stores(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  PRIMARY KEY (store_id, user_id)
);

-- Low-stock threshold of an item in a store (in thousandths of the base unit).
CREATE TABLE supply_thresholds (
  store_id BIGINT NOT NULL REFERENCES supply_stores(id),
  item_id BIGINT NOT NULL REFERENCES supply_items(id),
  low_milli BIGINT NOT NULL,
  PRIMARY KEY (store_id, item_id)
);

CREATE TABLE supply_stock (
  store_id BIGINT NOT NULL REFERENCES supply_stores(id),
  item_id BIGINT NOT NULL REFERENCES supply_items(id),
  batch TEXT NOT NULL DEFAULT '',
  expiry TEXT NOT NULL DEFAULT '',
  qty_milli BIGINT NOT NULL CHECK (qty_milli >= 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (store_id, item_id, batch)
);

CREATE TABLE supply_postings (
  id {{PK}},
  kind TEXT NOT NULL,            -- receipt, issue, transfer, loss, adjustment, reversal
  source TEXT NOT NULL DEFAULT '',  -- receipts: purchase, donation, return, other
  reason TEXT NOT NULL DEFAULT '',
  store_id BIGINT NOT NULL REFERENCES supply_stores(id),
  to_store_id BIGINT REFERENCES supply_stores(id),
  reference TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  reverses_id BIGINT UNIQUE REFERENCES supply_postings(id),
  reversed_by BIGINT,
  posted_by BIGINT,
  posted_at TEXT NOT NULL
);
CREATE INDEX supply_postings_store ON supply_postings(store_id, id);

CREATE TABLE supply_posting_lines (
  id {{PK}},
  posting_id BIGINT NOT NULL REFERENCES supply_postings(id),
  store_id BIGINT NOT NULL REFERENCES supply_stores(id),
  item_id BIGINT NOT NULL REFERENCES supply_items(id),
  batch TEXT NOT NULL DEFAULT '',
  expiry TEXT NOT NULL DEFAULT '',
  qty_milli BIGINT NOT NULL,     -- signed: + into the store, - out of it
  pack_id BIGINT,
  pack_count BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX supply_posting_lines_posting ON supply_posting_lines(posting_id);
CREATE INDEX supply_posting_lines_item ON supply_posting_lines(item_id, id);
CREATE INDEX supply_posting_lines_store_item ON supply_posting_lines(store_id, item_id, id);
