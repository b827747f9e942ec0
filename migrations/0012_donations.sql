-- Donations (捐赠): donors, money and goods received, and coordinated donations out to
-- hospitals and communities. Money is kept in integer minor units of its ISO 4217
-- currency; a dated exchange-rate table kept by finance gives the CNY equivalent at the
-- rate in force on the donation's date. Goods received post a receipt into a store, goods
-- given from our stock post an issue; goods arranged from a third party move no stock.
CREATE TABLE donors (
  id {{PK}},
  unit_id BIGINT NOT NULL REFERENCES units(id),   -- the unit that keeps the record
  kind TEXT NOT NULL,                             -- institution, company, person
  name_zh TEXT NOT NULL DEFAULT '',
  name_en TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',          -- personal data: read audited
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX donors_unit ON donors(unit_id);

-- CNY per one unit of a currency from a day on, in millionths (GBP 8.8745 = 8874500).
CREATE TABLE exchange_rates (
  currency TEXT NOT NULL,
  valid_from TEXT NOT NULL,                       -- local day YYYY-MM-DD
  cny_micro BIGINT NOT NULL CHECK (cny_micro > 0),
  source TEXT NOT NULL DEFAULT '',
  set_by BIGINT,
  set_at TEXT NOT NULL,
  PRIMARY KEY (currency, valid_from)
);

CREATE TABLE donations (
  id {{PK}},
  direction TEXT NOT NULL,                        -- in, out
  kind TEXT NOT NULL,                             -- money, goods
  unit_id BIGINT NOT NULL REFERENCES units(id),   -- the unit responsible
  donor_id BIGINT REFERENCES donors(id),          -- in: who gave; out: the third party, if any
  recipient_kind TEXT NOT NULL DEFAULT '',        -- out: hospital, community, school, other
  recipient_name TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL DEFAULT '',
  amount_minor BIGINT NOT NULL DEFAULT 0,
  store_id BIGINT REFERENCES supply_stores(id),   -- goods through our stock
  posting_id BIGINT REFERENCES supply_postings(id),
  donated_on TEXT NOT NULL,                       -- local day YYYY-MM-DD
  purpose TEXT NOT NULL DEFAULT '',
  receipt_no TEXT NOT NULL DEFAULT '',
  thanks TEXT NOT NULL DEFAULT '',                -- in: to_thank, letter_sent, acknowledged
  thanks_at TEXT NOT NULL DEFAULT '',
  delivery TEXT NOT NULL DEFAULT '',              -- out: pending, delivered
  delivered_on TEXT NOT NULL DEFAULT '',
  delivered_to TEXT NOT NULL DEFAULT '',          -- who signed for it
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX donations_date ON donations(direction, donated_on, id);
CREATE INDEX donations_donor ON donations(donor_id);
CREATE UNIQUE INDEX donations_receipt ON donations(direction, receipt_no) WHERE receipt_no <> '';

-- Goods of a donation, in thousandths of each item's base unit; pack_id and pack_count
-- keep the unit it was counted in (12 barrels), for totals in that unit.
CREATE TABLE donation_lines (
  donation_id BIGINT NOT NULL REFERENCES donations(id),
  line_no INTEGER NOT NULL,
  item_id BIGINT NOT NULL REFERENCES supply_items(id),
  qty_milli BIGINT NOT NULL CHECK (qty_milli > 0),
  pack_id BIGINT REFERENCES supply_item_packs(id),
  pack_count BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (donation_id, line_no)
);

-- Letters, receipts, delivery notes: as incident attachments, in the database.
CREATE TABLE donation_documents (
  id {{PK}},
  donation_id BIGINT NOT NULL REFERENCES donations(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data TEXT NOT NULL,
  uploaded_by BIGINT,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX donation_documents_donation ON donation_documents(donation_id);
