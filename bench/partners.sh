#!/usr/bin/env bash
# Partners benchmark (SQLite): PARTNERS partners (default 20,000) with a contact each and
# LETTERS letters (default 200,000) in the correspondence; substring searches (Latin and
# Chinese) over partners and letters on the trigram index, against GET /healthz in the same
# run; then a mass letter to MAIL partners (default 500): made from a filter, sent, each
# letter rendered as a PDF, logged with it and emailed with it attached to an SMTP sink on
# this machine (bench/smtp_sink.py), timed from /send until the sink has the last email,
# with a partner search's latency measured while it runs and before.
# Usage: bench/partners.sh [seconds-per-run]   (needs a release build: make server)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bin=${TONGXIN_BIN:-$PWD/build/release/tongxin}
secs=${1:-10}
partners=${PARTNERS:-20000}
letters=${LETTERS:-200000}
mail=${MAIL:-500}
out=$(mktemp -d /tmp/tongxin-partners-XXXXXX)
db=sqlite:$out/bench.db
file=$out/bench.db
port=$((21000 + RANDOM % 1000))
smtp_port=$((22000 + RANDOM % 1000))
server=""
sink=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; [ -n "$sink" ] && kill $sink 2>/dev/null; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$out"' EXIT

$bin demo --db "$db" --log-level warn >/dev/null
t0=$(date +%s.%N)
sqlite3 "$file" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
BEGIN;
CREATE TEMP TABLE cc(k INTEGER PRIMARY KEY, code TEXT, city TEXT);
INSERT INTO cc VALUES (0,'GB','London'),(1,'FR','Paris'),(2,'US','Boston'),(3,'DE','Berlin'),(4,'IT','Milan'),
  (5,'ES','Madrid'),(6,'JP','Kyoto'),(7,'KR','Seoul'),(8,'AU','Perth'),(9,'CA','Toronto'),(10,'EG','Cairo'),
  (11,'PK','Lahore'),(12,'RU','Kazan'),(13,'BR','Recife'),(14,'IN','Pune'),(15,'NG','Lagos'),(16,'KE','Nairobi'),
  (17,'TH','Chiang Mai'),(18,'VN','Hue'),(19,'MX','Puebla');
-- Partner i: "Bench University 00042 of Paris" / "基准大学00042"; the first MAIL ones tagged for the mass letter.
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $partners - 1)
INSERT INTO partners (unit_id, kind, name_zh, name_en, country, city, languages, tags, status, search_text, created_at, updated_at)
SELECT (SELECT id FROM units WHERE code = 'INTL'), 'university', printf('基准大学%05d', i),
  printf('Bench University %05d of %s', i, c.city), c.code, c.city, 'en',
  CASE WHEN i < $mail THEN 'bench,mail' ELSE 'bench' END, 'active',
  lower(printf('基准大学%05d Bench University %05d of %s %s %s bench%s Contact %05d', i, i, c.city, c.city, c.code,
    CASE WHEN i < $mail THEN ' mail' ELSE '' END, i)),
  '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'
FROM n JOIN cc c ON c.k = i % 20;
INSERT INTO partner_contacts (partner_id, name, title, honorific, email, language, is_primary, active, created_at, updated_at)
SELECT id, printf('Contact %05d', id), 'President', 'Professor', printf('president%05d@bench.example', id), 'en', 1, 1,
  '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z' FROM partners WHERE tags LIKE 'bench%';
CREATE TEMP TABLE bp AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM partners WHERE tags LIKE 'bench%';
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $letters - 1)
INSERT INTO correspondence (partner_id, direction, channel, dated_on, subject, summary, language, thread_id, search_text,
  created_at, updated_at)
SELECT (SELECT id FROM bp WHERE k = i % $partners), CASE WHEN i % 2 = 0 THEN 'in' ELSE 'out' END, 'email',
  date('2020-01-01', '+' || (i % 2000) || ' days'), printf('Letter %06d on exchange programme %d', i, i % 97),
  printf('Summary of letter %06d: students, staff and the summer school.', i), 'en', NULL,
  lower(printf('Letter %06d on exchange programme %d Summary of letter %06d: students, staff and the summer school.', i, i % 97, i)),
  '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'
FROM n;
UPDATE correspondence SET thread_id = id WHERE thread_id IS NULL;
COMMIT;
ANALYZE;
SQL
t1=$(date +%s.%N)

: > "$out/sink.log"
python3 bench/smtp_sink.py "$smtp_port" "$out/sink.log" &
sink=$!
$bin serve --db "$db" --port "$port" --log-level warn --web-root /nonexistent --workers 16 --db-pool 8 \
  --notify-smtp-url "smtp://127.0.0.1:$smtp_port" --notify-smtp-from bench@tongxin.example --jobs-interval-seconds 1 &
server=$!
base="http://127.0.0.1:$port"
bench_wait
bench_login

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

echo "tongxin $($bin --version | cut -d' ' -f2), $(nproc) cores, $(date -u +%Y-%m-%d)," \
  "$(sqlite3 "$file" 'SELECT COUNT(*) FROM partners') partners, $(sqlite3 "$file" 'SELECT COUNT(*) FROM correspondence') letters" \
  "(loaded in $(awk "BEGIN { printf \"%.0f\", $t1 - $t0 }") s)"
echo "\"rsity 01234\" matches $(curl -sf "${auth[@]}" "$base/api/v1/partners?q=$(enc 'rsity 01234')" | grep -o '"total":[0-9]*');" \
  "\"基准大学0123\" $(curl -sf "${auth[@]}" "$base/api/v1/partners?q=$(enc '基准大学0123')" | grep -o '"total":[0-9]*');" \
  "letters \"letter 012345\" $(curl -sf "${auth[@]}" "$base/api/v1/partners/letters?q=$(enc 'letter 012345')" | grep -o '"total":[0-9]*')"
echo
echo "| request | connections | req/s | median | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
run "GET /healthz (baseline)" 1 "$base/healthz"
run "GET /api/v1/partners?q=rsity 01234 (Latin, mid-word)" 1 "${auth[@]}" "$base/api/v1/partners?q=$(enc 'rsity 01234')"
run "GET /api/v1/partners?q=基准大学0123 (Chinese)" 1 "${auth[@]}" "$base/api/v1/partners?q=$(enc '基准大学0123')"
run "GET /api/v1/partners?q=paris (a city: 1,000 matches, first page)" 1 "${auth[@]}" "$base/api/v1/partners?q=paris"
run "GET /api/v1/partners?q=…&country=FR (search and filter)" 1 "${auth[@]}" "$base/api/v1/partners?q=$(enc 'rsity 0')&country=FR"
run "GET /api/v1/partners/letters?q=letter 012345 (one of 200,000)" 1 "${auth[@]}" "$base/api/v1/partners/letters?q=$(enc 'letter 012345')"
run "GET /api/v1/partners/letters?q=programme 42 (2,000 matches)" 1 "${auth[@]}" "$base/api/v1/partners/letters?q=$(enc 'programme 42 ')"
run "GET /api/v1/partners (first page, no search)" 1 "${auth[@]}" "$base/api/v1/partners"

# The mass letter: a template, the MAIL partners tagged "mail", sent.
intl=$(curl -sf "${auth[@]}" "$base/api/v1/units" | grep -o '"id":[0-9]*,"code":"INTL"' | grep -o '[0-9]*' | head -1)
tpl=$(post /api/v1/partners/templates "{\"unit_id\":$intl,\"name\":\"Bench\",\"subject_en\":\"A letter to {{partner.name}}\",\
\"body_en\":\"Dear {{contact.honorific}} {{contact.name}},\\n\\nOn behalf of the university we send {{partner.name}} our support.\\n\\n{{date}}\",\
\"subject_zh\":\"致{{partner.name}}的信\",\"body_zh\":\"{{contact.honorific}}{{contact.name}}：\\n\\n谨致问候。\",\
\"signer_name_en\":\"Zhang Qingjie\",\"signer_title_en\":\"President\"}" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
t2=$(date +%s.%N)
mailing=$(post /api/v1/partners/mailings "{\"template_id\":$tpl,\"title\":\"Bench\",\"dated_on\":\"2026-12-01\",\"filter\":{\"tag\":\"mail\"}}" \
  | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
t3=$(date +%s.%N)
total=$(curl -sf "${auth[@]}" "$base/api/v1/partners/mailings/$mailing" | grep -o '"total":[0-9]*' | cut -d: -f2)
post "/api/v1/partners/mailings/$mailing/send" '{}' >/dev/null
t4=$(date +%s.%N)
# A partner search, every 0.2 s, while the letters go out.
(while kill -0 $server 2>/dev/null && [ ! -e "$out/done" ]; do
   curl -s -o /dev/null -w '%{time_total}\n' "${auth[@]}" "$base/api/v1/partners?q=$(enc 'rsity 01234')" >> "$out/during.txt"
   sleep 0.2
 done) &
prober=$!
while [ "$(wc -l < "$out/sink.log")" -lt "$total" ]; do
  sleep 0.2
  if awk "BEGIN { exit !($(date +%s.%N) - $t4 > 600) }"; then echo "gave up after 600 s"; break; fi
done
t5=$(date +%s.%N)
touch "$out/done"
wait $prober || true
status=$(curl -sf "${auth[@]}" "$base/api/v1/partners/mailings/$mailing")
echo
echo "mass letter to $total contacts: made (recipients chosen) in $(awk "BEGIN { printf \"%.2f\", $t3 - $t2 }") s;" \
  "from /send to the sink's last email $(awk "BEGIN { printf \"%.1f\", $t5 - $t4 }") s" \
  "($(awk "BEGIN { printf \"%.0f\", $total / ($t5 - $t4) }") letters/s);" \
  "sent $(echo "$status" | grep -o '"sent":[0-9]*' | cut -d: -f2), failed $(echo "$status" | grep -o '"failed":[0-9]*' | cut -d: -f2)," \
  "delivered $(echo "$status" | grep -o '"delivered":[0-9]*' | cut -d: -f2)"
echo "emails: $(wc -l < "$out/sink.log"), mean size $(awk '{ s += $2 } END { printf "%.0f", s / NR / 1024 }' "$out/sink.log") KiB;" \
  "correspondence logged: $(sqlite3 "$file" "SELECT COUNT(*) FROM correspondence WHERE created_at >= '2026-12-02'")"
sort -n "$out/during.txt" | awk '{ a[NR] = $1 } END { printf "partner search while sending: %d requests, median %.1f ms, max %.1f ms\n", NR, a[int((NR + 1) / 2)] * 1000, a[NR] * 1000 }'
echo "server RSS after the run: $(( $(ps -o rss= -p $server) / 1024 )) MiB"
