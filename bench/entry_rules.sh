#!/usr/bin/env bash
# Entry rules benchmark (SQLite): PEOPLE people (default 66,000; 60 % Chinese, the rest of
# 20 nationalities) and TRIPS trips (default 2,000; planned, abroad or stranded, to those
# countries); who a rule affects (GET /entry-rules/{id}/affected: nationality and
# travellers, in the office's scope, audited) for the UK (one nationality of 20) and for
# China (39,600 people), against GET /healthz in the same run; then one rule change
# (PATCH: a new version, alerts to the office of every traveller there) and one "notify
# affected" to everyone the UK rule affects (in-app and email, queued), each timed once, and
# the emails' delivery to an SMTP sink with the register read meanwhile.
# Usage: bench/entry_rules.sh [seconds-per-run]   (needs a release build: make server)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bin=${TONGXIN_BIN:-$PWD/build/release/tongxin}
secs=${1:-10}
people=${PEOPLE:-66000}
trips=${TRIPS:-2000}
out=$(mktemp -d /tmp/tongxin-rules-XXXXXX)
db=sqlite:$out/bench.db
file=$out/bench.db
port=$((23000 + RANDOM % 1000))
smtp_port=$((24000 + RANDOM % 1000))
server=""
sink=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; [ -n "$sink" ] && kill $sink 2>/dev/null; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$out"' EXIT

$bin demo --db "$db" --log-level warn >/dev/null
t0=$(date +%s.%N)
sqlite3 "$file" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
CREATE TEMP TABLE cc(k INTEGER PRIMARY KEY, code TEXT);
INSERT INTO cc VALUES (0,'GB'),(1,'FR'),(2,'US'),(3,'DE'),(4,'IT'),(5,'ES'),(6,'JP'),(7,'KR'),(8,'AU'),(9,'CA'),
  (10,'EG'),(11,'PK'),(12,'RU'),(13,'BR'),(14,'IN'),(15,'NG'),(16,'KE'),(17,'TH'),(18,'VN'),(19,'MX');
CREATE TEMP TABLE uu AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM units WHERE code IN
  ('SIE','SCS','SMAT','INTL','HR','CLINIC','LOGISTICS','FINANCE');
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $people - 1)
INSERT INTO people (unit_id, name_zh, name_latin, nationality, language, category, email, status, sort_name, search_text,
  created_at, updated_at)
SELECT (SELECT id FROM uu WHERE k = i % 8), '', printf('Bench %06d', i),
  CASE WHEN i % 10 < 6 THEN 'CN' ELSE (SELECT code FROM cc WHERE k = (i / 10) % 20) END,
  CASE WHEN i % 10 < 6 THEN 'zh-CN' ELSE 'en' END, CASE WHEN i % 10 < 6 THEN 'staff' ELSE 'foreign_staff' END,
  printf('bench%06d@bench.example', i), 'active', printf('bench %06d', i), printf('bench %06d', i),
  '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'
FROM n;
CREATE TEMP TABLE bp AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM people WHERE name_latin LIKE 'Bench %';
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $trips - 1)
INSERT INTO trips (person_id, purpose, countries, depart_on, return_on, status, location_country, created_at, updated_at)
SELECT (SELECT id FROM bp WHERE k = i * 31 % $people), 'Bench trip', (SELECT code FROM cc WHERE k = i % 20),
  '2026-11-01', '2026-12-20', CASE i % 3 WHEN 0 THEN 'planned' WHEN 1 THEN 'abroad' ELSE 'stranded' END,
  CASE WHEN i % 3 = 0 THEN '' ELSE (SELECT code FROM cc WHERE k = i % 20) END, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'
FROM n;
COMMIT;
ANALYZE;
SQL
t1=$(date +%s.%N)

: > "$out/sink.log"
python3 bench/smtp_sink.py "$smtp_port" "$out/sink.log" &
sink=$!
$bin serve --db "$db" --port "$port" --log-level warn --web-root /nonexistent --workers 16 --db-pool 8 \
  --notify-smtp-url "smtp://127.0.0.1:$smtp_port" --notify-smtp-from bench@tongxin.example &
server=$!
base="http://127.0.0.1:$port"
bench_wait
bench_login
rule() { post /api/v1/entry-rules "{\"country\":\"$1\",\"measure\":\"entry_ban\",\"summary_en\":\"Bench ban\",\"effective_from\":\"2026-12-01\"}" \
  | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2; }
gb=$(rule GB)
cn=$(rule CN)

total() { curl -sf "${auth[@]}" "$base/api/v1/entry-rules/$1/affected" | grep -o '"total":[0-9]*' | cut -d: -f2; }

echo "tongxin $($bin --version | cut -d' ' -f2), $(nproc) cores, $(date -u +%Y-%m-%d)," \
  "$(sqlite3 "$file" 'SELECT COUNT(*) FROM people') people, $(sqlite3 "$file" 'SELECT COUNT(*) FROM trips') trips" \
  "(loaded in $(awk "BEGIN { printf \"%.0f\", $t1 - $t0 }") s); the UK rule affects $(total "$gb"), China's $(total "$cn")"
echo
echo "| request | connections | req/s | median | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
run "GET /healthz (baseline)" 1 "$base/healthz"
run "GET /api/v1/entry-rules (the register)" 1 "${auth[@]}" "$base/api/v1/entry-rules"
run "GET /api/v1/entry-rules/{GB}/affected (first page of 50)" 1 "${auth[@]}" "$base/api/v1/entry-rules/$gb/affected"
run "GET /api/v1/entry-rules/{CN}/affected (39,600 people; first page)" 1 "${auth[@]}" "$base/api/v1/entry-rules/$cn/affected"

once() {  # name, method, path, body
  local t
  t=$(curl -sf -o "$out/once.json" -w '%{time_total}' -b "$out/cj" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -X "$2" -d "$4" "$base$3")
  echo "$1: $(awk "BEGIN { printf \"%.1f\", $t * 1000 }") ms — $(head -c 160 "$out/once.json" | tr -d '\n')"
}
echo
once "PATCH the UK rule (new version; the office alerted of the travellers there)" PATCH "/api/v1/entry-rules/$gb" \
  '{"effective_to":"2027-01-31"}'
echo "  travellers alerted: $(grep -o '"travellers_alerted":[0-9]*' "$out/once.json" | cut -d: -f2)"
t4=$(date +%s.%N)
once "notify everyone the UK rule affects" POST "/api/v1/entry-rules/$gb/notify" '{}'

# The register read every 0.2 s while the emails drain.
(while kill -0 $server 2>/dev/null && [ ! -e "$out/done" ]; do
   curl -s -o /dev/null -w '%{time_total}\n' "${auth[@]}" "$base/api/v1/entry-rules" >> "$out/during.txt"
   sleep 0.2
 done) &
prober=$!
q() { sqlite3 "$file" "PRAGMA busy_timeout=5000; $1" | tail -1; }
# Until the entry rule's emails are out of the outbox (or 300 s); the check-in reminders to
# the bench's 66,000 people go through the same outbox and SMTP sink meanwhile.
while [ "$(q "SELECT COUNT(*) FROM notifications WHERE kind = 'entry_rule' AND channel = 'email' AND status IN ('pending', 'sending')")" != 0 ]; do
  awk "BEGIN { exit !($(date +%s.%N) - $t4 > 300) }" && { echo "  gave up after 300 s"; break; }
  sleep 0.2
done
t5=$(date +%s.%N)
touch "$out/done"
wait $prober || true
echo "  the rule's emails: $(q "SELECT group_concat(status || ' ' || n, ', ') FROM (SELECT status, COUNT(*) AS n FROM notifications WHERE kind = 'entry_rule' AND channel = 'email' GROUP BY status)")," \
  "out of the outbox $(awk "BEGIN { printf \"%.1f\", $t5 - $t4 }") s after the request (all emails at the sink: $(wc -l < "$out/sink.log"));" \
  "the register meanwhile (every 0.2 s): median" \
  "$(sort -n "$out/during.txt" | awk '{ a[NR] = $1 } END { printf "%.1f ms, max %.1f ms (%d probes)", a[int((NR + 1) / 2)] * 1000, a[NR] * 1000, NR }')"
once "notify again (everyone told already)" POST "/api/v1/entry-rules/$gb/notify" '{}'
echo "server RSS after the run: $(( $(ps -o rss= -p $server) / 1024 )) MiB"
