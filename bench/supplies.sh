#!/usr/bin/env bash
# Supplies benchmark: ITEMS items (default 2,000) in STORES stores (default 50) with
# POSTINGS one-line postings (default 1,000,000) already in the ledger and the stock they
# add up to; then a store's stock on hand, an item's movement history page, posting
# throughput against POST /api/v1/echo (same server, same run), and a batch distribution
# to RECIPIENTS people (default 5,000) posted all-or-nothing; the reports over the whole
# ledger, a store's count sheet and its preview, and donation totals over DONATIONS
# donations in and as many out (default 20,000). SQLite.
# Usage: bench/supplies.sh [seconds-per-run]   (needs a release build: make server)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${TONGXIN_BIN:-$PWD/build/release/tongxin}
secs=${1:-10}
items=${ITEMS:-2000}
stores=${STORES:-50}
postings=${POSTINGS:-1000000}
recipients=${RECIPIENTS:-5000}
donations=${DONATIONS:-20000}
out=$(mktemp -d /tmp/tongxin-supplies-XXXXXX)
db=sqlite:$out/bench.db
file=$out/bench.db
port=$((20000 + RANDOM % 1000))
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$out"' EXIT
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
ms() { awk "BEGIN { printf \"%.1f\", $1 * 1000 }"; }

$bin demo --db "$db" --log-level warn >/dev/null
# The recipients: foreign staff of one school.
awk -v n="$recipients" 'BEGIN { print "外文姓名,国籍,类别,单位"; for (i = 0; i < n; i++) printf "Recipient %05d,GB,外籍工作人员,SIE\n", i }' \
  > "$out/people.csv"
$bin import people "$out/people.csv" --db "$db" --log-level warn >/dev/null

t0=$(date +%s.%N)
sqlite3 "$file" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $items)
INSERT INTO supply_items (code, name_zh, name_en, category, unit_zh, unit_en, decimals, batched, active, created_at, updated_at)
SELECT printf('B-%05d', i), printf('物资 %05d', i), printf('Item %05d', i), 'other', '件', 'piece', 0, 0, 1,
  '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $stores)
INSERT INTO supply_stores (unit_id, name_zh, name_en, location, active, created_at, updated_at)
SELECT (SELECT id FROM units WHERE code = 'LOGISTICS'), printf('库房 %02d', i), printf('Store %02d', i), '', 1,
  '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z' FROM n;
CREATE TEMP TABLE b_items AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM supply_items WHERE code LIKE 'B-%';
CREATE TEMP TABLE b_stores AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM supply_stores WHERE name_en LIKE 'Store %';
-- Posting i: of item (i / stores) mod items in store i mod stores, so every store holds every
-- item; a receipt of 2, or (one tenth of the ledger in four) an issue of 1.
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $postings - 1)
INSERT INTO supply_postings (id, kind, source, reason, store_id, reference, note, posted_at)
SELECT 1000000 + i, CASE WHEN (i / 100000) % 4 = 3 THEN 'issue' ELSE 'receipt' END,
  CASE WHEN (i / 100000) % 4 = 3 THEN '' ELSE 'purchase' END, '',
  (SELECT id FROM b_stores WHERE k = i % $stores), '', '', strftime('%Y-%m-%dT%H:%M:%SZ', '2026-01-01', '+' || (i / 30) || ' seconds')
FROM n;
INSERT INTO supply_posting_lines (posting_id, store_id, item_id, batch, expiry, qty_milli, pack_id, pack_count)
SELECT p.id, p.store_id, (SELECT id FROM b_items WHERE k = ((p.id - 1000000) / $stores) % $items), '', '',
  CASE WHEN p.kind = 'issue' THEN -1000 ELSE 2000 END, NULL, 0
FROM supply_postings p WHERE p.id >= 1000000;
INSERT INTO supply_stock (store_id, item_id, batch, expiry, qty_milli, updated_at)
SELECT store_id, item_id, '', '', SUM(qty_milli), '2026-12-01T00:00:00Z' FROM supply_posting_lines WHERE posting_id >= 1000000
GROUP BY store_id, item_id;
-- Donations: money in five currencies (a rate for each in force), goods given out by a
-- third party, one line each; spread over 2026.
INSERT OR IGNORE INTO exchange_rates (currency, valid_from, cny_micro, source, set_at)
VALUES ('GBP', '2026-01-01', 9120000, 'bench', '2026-01-01T00:00:00Z'),
       ('USD', '2026-01-01', 7100000, 'bench', '2026-01-01T00:00:00Z'),
       ('EUR', '2026-01-01', 7800000, 'bench', '2026-01-01T00:00:00Z'),
       ('JPY', '2026-01-01', 48000, 'bench', '2026-01-01T00:00:00Z');
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2 * $donations - 1)
INSERT INTO donations (id, direction, kind, unit_id, donor_id, recipient_kind, recipient_name, currency, amount_minor,
  donated_on, purpose, receipt_no, thanks, delivery, created_at, updated_at)
SELECT 5000000 + i, CASE WHEN i % 2 = 0 THEN 'in' ELSE 'out' END, CASE WHEN i % 2 = 0 THEN 'money' ELSE 'goods' END,
  (SELECT id FROM units WHERE code = 'LOGISTICS'), (SELECT MIN(id) FROM donors),
  CASE WHEN i % 2 = 0 THEN '' ELSE 'hospital' END, CASE WHEN i % 2 = 0 THEN '' ELSE printf('Hospital %03d', i % 300) END,
  CASE WHEN i % 2 = 1 THEN '' ELSE (CASE (i / 2) % 5 WHEN 0 THEN 'GBP' WHEN 1 THEN 'USD' WHEN 2 THEN 'EUR' WHEN 3 THEN 'JPY' ELSE 'CNY' END) END,
  CASE WHEN i % 2 = 1 THEN 0 ELSE 100000 + i END,
  date('2026-01-01', '+' || (i % 330) || ' days'), 'bench', printf('B%07d', i),
  CASE WHEN i % 2 = 0 THEN 'to_thank' ELSE '' END, CASE WHEN i % 2 = 0 THEN '' ELSE 'delivered' END,
  '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'
FROM n;
INSERT INTO donation_lines (donation_id, line_no, item_id, qty_milli, pack_id, pack_count)
SELECT d.id, 1, (SELECT id FROM b_items WHERE k = d.id % $(( items < 50 ? items : 50 ))), 1000 * (1 + d.id % 100), NULL, 0
FROM donations d WHERE d.id >= 5000000 AND d.direction = 'out';
COMMIT;
ANALYZE;
SQL
t1=$(date +%s.%N)
echo "ledger: $(sqlite3 "$file" "SELECT COUNT(*) FROM supply_postings") postings, $(sqlite3 "$file" "SELECT COUNT(*) FROM supply_stock") stock rows, generated in $(calc "$t1 - $t0") s"

$bin serve --db "$db" --port "$port" --log-level warn --web-root /nonexistent --workers 16 --db-pool 8 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
curl -sf -c "$out/cj" -H 'Content-Type: application/json' -d '{"username":"office","password":"Tongxin2020!"}' \
  "$base/api/v1/auth/login" >"$out/login.json"
csrf=$(sed -E 's/.*"csrf_token":"([0-9a-f]+)".*/\1/' "$out/login.json")
post() { curl -sf -b "$out/cj" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d "$2" "$base$1"; }
export TOKEN=$(post /api/v1/auth/tokens '{"name":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
auth=(-H "Authorization: Bearer $TOKEN")
export STORE=$(sqlite3 "$file" "SELECT MIN(id) FROM supply_stores WHERE name_en LIKE 'Store %'")
export ITEM_MIN=$(sqlite3 "$file" "SELECT MIN(id) FROM supply_items WHERE code LIKE 'B-%'")
export ITEM_MAX=$(sqlite3 "$file" "SELECT MAX(id) FROM supply_items WHERE code LIKE 'B-%'")
item=$(( (ITEM_MIN + ITEM_MAX) / 2 ))

run() {  # name, connections, wrk arguments...
  local name=$1 c=$2
  shift 2
  local r
  r=$(wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"${secs}s" --latency "$@")
  local errors
  errors=$(echo "$r" | awk '/Non-2xx/ {print $NF}')
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$c" "$(echo "$r" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$r" | awk '$1=="50%" {print $2}')" "${errors:-0}"
}

echo "tongxin $($bin --version | cut -d' ' -f2), $(nproc) cores, $(date -u +%Y-%m-%d), $items items, $stores stores"
echo "store $STORE holds $(curl -sf "${auth[@]}" "$base/api/v1/supplies/stores/$STORE/stock" | grep -o '"item_id"' | wc -l) stock rows;" \
  "item $item has $(sqlite3 "$file" "SELECT COUNT(*) FROM supply_posting_lines WHERE item_id = $item") movements"
echo
echo "| request | connections | req/s | median latency | non-2xx |"
echo "|---|---|---|---|---|"
run "GET /healthz (baseline)" 1 "$base/healthz"
run "GET /api/v1/supplies/stores/{id}/stock (a store's stock on hand)" 1 "${auth[@]}" "$base/api/v1/supplies/stores/$STORE/stock"
run "GET /api/v1/supplies/items/{id}/movements (history, first page of 50)" 1 "${auth[@]}" \
  "$base/api/v1/supplies/items/$item/movements?page_size=50"
run "same, page 5 in one store" 1 "${auth[@]}" "$base/api/v1/supplies/items/$item/movements?page_size=50&page=5&store_id=$STORE"
BENCH_PATH=/api/v1/echo run "POST /api/v1/echo (baseline, same body)" 64 -s bench/supplies.lua "$base"
run "POST /api/v1/supplies/postings (receipt, one line)" 64 -s bench/supplies.lua "$base"
run "same, 8 connections" 8 -s bench/supplies.lua "$base"
BENCH_PATH=/api/v1/echo run "POST /api/v1/echo (baseline again)" 64 -s bench/supplies.lua "$base"

# A batch distribution: the package to every recipient, from a store stocked for them.
sie=$(curl -sf "${auth[@]}" "$base/api/v1/units" | grep -o '"id":[0-9]*,"code":"SIE"' | grep -o '[0-9]*')
lines="[{\"item_id\":$ITEM_MIN,\"quantity\":5},{\"item_id\":$((ITEM_MIN + 1)),\"quantity\":2},{\"item_id\":$((ITEM_MIN + 2)),\"quantity\":30},{\"item_id\":$((ITEM_MIN + 3)),\"quantity\":1},{\"item_id\":$((ITEM_MIN + 4)),\"quantity\":1}]"
stock_lines=$(echo "$lines" | sed -E "s/\"quantity\":([0-9]+)/\"quantity\":\1$(printf '0%.0s' $(seq ${#recipients}))/g")
post /api/v1/supplies/postings "{\"kind\":\"receipt\",\"source\":\"donation\",\"store_id\":$STORE,\"lines\":$stock_lines}" >/dev/null
body="{\"store_id\":$STORE,\"title\":\"bench\",\"lines\":$lines,\"recipients\":{\"unit_id\":$sie,\"category\":\"foreign_staff\"}}"
preview=$(curl -s -o "$out/preview.json" -w '%{time_total}' "${auth[@]}" -H 'Content-Type: application/json' -d "$body" \
  "$base/api/v1/supplies/distributions/preview")
made=$(curl -s -o "$out/dist.json" -w '%{http_code} %{time_total}' "${auth[@]}" -H 'Content-Type: application/json' -d "$body" \
  "$base/api/v1/supplies/distributions")
count=$(sed -E 's/.*"recipient_count":([0-9]+).*/\1/' "$out/dist.json")
batch="batch distribution of 5 items to $count recipients: preview $(ms "$preview") ms; posted (HTTP ${made% *}) in $(ms "${made#* }") ms"

# Reports over the whole ledger (every posting is in January 2026), a count sheet, donations.
echo
echo "| request | connections | req/s | median latency | non-2xx |"
echo "|---|---|---|---|---|"
run "GET /healthz (baseline)" 1 "$base/healthz"
run "GET reports/movements, 2026-01, every store ($postings lines)" 1 "${auth[@]}" \
  "$base/api/v1/supplies/reports/movements?from=2026-01-01&to=2026-01-31"
run "same, one store ($((postings / stores)) lines)" 1 "${auth[@]}" \
  "$base/api/v1/supplies/reports/movements?from=2026-01-01&to=2026-01-31&store_id=$STORE"
run "same, one item day by day ($((postings / items)) lines)" 1 "${auth[@]}" \
  "$base/api/v1/supplies/reports/movements?from=2026-01-01&to=2026-01-31&item_id=$item"
run "GET reports/distributions, last 30 days (the batch above)" 1 "${auth[@]}" "$base/api/v1/supplies/reports/distributions"
run "GET donations/totals, 2026, in ($donations, five currencies)" 1 "${auth[@]}" \
  "$base/api/v1/supplies/donations/totals?direction=in&from=2026-01-01&to=2026-12-31"
run "GET donations/totals, 2026, out ($donations, by item and recipient)" 1 "${auth[@]}" \
  "$base/api/v1/supplies/donations/totals?direction=out&from=2026-01-01&to=2026-12-31"
sheet=$(curl -s -o "$out/sheet.xlsx" -w '%{http_code} %{time_total}' "${auth[@]}" "$base/api/v1/supplies/stores/$STORE/count-sheet")
# Counted: ten times the books on every row, so every row is a difference to preview.
mkdir "$out/sheet" && (cd "$out/sheet" && unzip -q ../sheet.xlsx &&
  sed -i -E 's#<c r="F([0-9]+)"><v>([0-9]+)</v></c></row>#<c r="F\1"><v>\2</v></c><c r="G\1"><v>\20</v></c></row>#g' \
    xl/worksheets/sheet1.xml && zip -q -r ../counted.xlsx .)
counted=$(curl -s -o "$out/counted.json" -w '%{http_code} %{time_total}' "${auth[@]}" \
  -H 'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' --data-binary "@$out/counted.xlsx" \
  "$base/api/v1/supplies/stores/$STORE/stocktake/preview")
rows=$( (grep -o '"item_id"' "$out/counted.json" || true) | wc -l)

echo
echo "count sheet of store $STORE: $(( $(stat -c %s "$out/sheet.xlsx") / 1024 )) KiB (HTTP ${sheet% *}) in $(ms "${sheet#* }") ms;" \
  "read back and previewed ($rows rows, HTTP ${counted% *}) in $(ms "${counted#* }") ms"
echo "$batch"
echo "server RSS after the runs: $(( $(ps -o rss= -p $server) / 1024 )) MiB"
