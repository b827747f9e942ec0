#!/usr/bin/env bash
# Broadcast benchmark (SQLite): PEOPLE people (default 66,000; 60 % Chinese, the rest
# foreign staff reading English; each with an email). One broadcast to everyone (the daily
# briefing's template with live figures), sent by hand: the request's time is the time to
# fill the template, resolve the audience and queue an email per person (plus in-app rows for
# the demo accounts) in one transaction. Then the outbox drains to an SMTP sink while a GET
# of the broadcasts list is probed every 0.2 s; the same GET probed before the sending is the
# baseline, with GET /healthz under wrk in the same run.
# Usage: bench/broadcasts.sh [seconds-per-run]   (needs a release build: make server)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bin=${TONGXIN_BIN:-$PWD/build/release/tongxin}
secs=${1:-10}
people=${PEOPLE:-66000}
out=$(mktemp -d /tmp/tongxin-broadcast-XXXXXX)
db=sqlite:$out/bench.db
file=$out/bench.db
port=$((25000 + RANDOM % 1000))
smtp_port=$((26000 + RANDOM % 1000))
server=""
sink=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; [ -n "$sink" ] && kill $sink 2>/dev/null; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$out"' EXIT

$bin demo --db "$db" --log-level warn >/dev/null
sqlite3 "$file" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
CREATE TEMP TABLE uu AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM units WHERE code IN
  ('SIE','SCS','SMAT','INTL','HR','CLINIC','LOGISTICS','FINANCE');
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $people - 1)
INSERT INTO people (unit_id, name_zh, name_latin, nationality, language, category, email, status, sort_name, search_text,
  created_at, updated_at)
SELECT (SELECT id FROM uu WHERE k = i % 8), '', printf('Bench %06d', i), CASE WHEN i % 10 < 6 THEN 'CN' ELSE 'GB' END,
  CASE WHEN i % 10 < 6 THEN 'zh-CN' ELSE 'en' END, CASE WHEN i % 10 < 6 THEN 'staff' ELSE 'foreign_staff' END,
  printf('bench%06d@bench.example', i), 'active', printf('bench %06d', i), printf('bench %06d', i),
  '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'
FROM n;
COMMIT;
ANALYZE;
SQL

: > "$out/sink.log"
python3 bench/smtp_sink.py "$smtp_port" "$out/sink.log" &
sink=$!
$bin serve --db "$db" --port "$port" --log-level warn --web-root /nonexistent --workers 16 --db-pool 8 \
  --notify-smtp-url "smtp://127.0.0.1:$smtp_port" --notify-smtp-from bench@tongxin.example &
server=$!
base="http://127.0.0.1:$port"
bench_wait
bench_login
id=$(post /api/v1/broadcasts '{"name":"Bench briefing","schedule":"manual","subject_zh":"{date} 疫情通报","subject_en":"Briefing, {date}","body_zh":"今日已报告 {reports_today} 人次，发热 {fevers_today} 人，医学观察 {in_observation} 人，在外 {abroad} 人。","body_en":"{reports_today} reports today, {fevers_today} with a fever, {in_observation} in observation, {abroad} abroad.","audience":null}' \
  | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)

echo "tongxin $($bin --version | cut -d' ' -f2), $(nproc) cores, $(date -u +%Y-%m-%d)," \
  "$(sqlite3 "$file" "SELECT COUNT(*) FROM people WHERE status = 'active'") active people"
echo
echo "| request | connections | req/s | median | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
run "GET /healthz (baseline)" 1 "$base/healthz"
run "GET /api/v1/broadcasts (the list)" 1 "${auth[@]}" "$base/api/v1/broadcasts"
t=$(curl -sf -o "$out/preview.json" -w '%{time_total}' "${auth[@]}" "$base/api/v1/broadcasts/$id/preview")
echo
echo "preview (figures now, the audience counted): $(awk "BEGIN { printf \"%.0f\", $t * 1000 }") ms — $(grep -o '"recipients":[0-9]*,"recipients_en":[0-9]*' "$out/preview.json")"

probe() {  # file: the list read every 0.2 s until $out/stop exists
  while kill -0 $server 2>/dev/null && [ ! -e "$out/stop" ]; do
    curl -s -o /dev/null -w '%{time_total}\n' "${auth[@]}" "$base/api/v1/broadcasts" >> "$1"
    sleep 0.2
  done
}
stats() { sort -n "$1" | awk '{ a[NR] = $1 } END { printf "median %.1f ms, max %.1f ms (%d probes)", a[int((NR + 1) / 2)] * 1000, a[NR] * 1000, NR }'; }
probe "$out/before.txt" & prober=$!
sleep 5; touch "$out/stop"; wait $prober || true; rm -f "$out/stop"
echo "the list before sending (every 0.2 s for 5 s): $(stats "$out/before.txt")"

t4=$(date +%s.%N)
t=$(curl -sf -o "$out/send.json" -w '%{time_total}' -b "$out/cj" -H "X-CSRF-Token: $csrf" -X POST "$base/api/v1/broadcasts/$id/send")
echo "send to everyone: $(awk "BEGIN { printf \"%.2f\", $t }") s — $(grep -o '"recipients":[0-9]*,"recipients_en":[0-9]*,"queued":[0-9]*' "$out/send.json")"
run_id=$(grep -o '"id":[0-9]*' "$out/send.json" | head -1 | cut -d: -f2)
probe "$out/during.txt" & prober=$!
q() { sqlite3 "$file" "PRAGMA busy_timeout=5000; $1" | tail -1; }
limit=${DRAIN_SECONDS:-600}
while [ "$(q "SELECT COUNT(*) FROM notifications WHERE batch = 'broadcast_run:$run_id' AND channel = 'email' AND status IN ('pending', 'sending')")" != 0 ]; do
  awk "BEGIN { exit !($(date +%s.%N) - $t4 > $limit) }" && { echo "  stopped waiting after $limit s"; break; }
  sleep 1
done
t5=$(date +%s.%N)
touch "$out/stop"; wait $prober || true
echo "the run's emails: $(q "SELECT group_concat(status || ' ' || n, ', ') FROM (SELECT status, COUNT(*) AS n FROM notifications WHERE batch = 'broadcast_run:$run_id' AND channel = 'email' GROUP BY status)")," \
  "$(awk "BEGIN { printf \"%.0f\", $t5 - $t4 }") s after the request ($(wc -l < "$out/sink.log") emails at the sink)"
echo "the list during the drain (every 0.2 s): $(stats "$out/during.txt")"
echo "server RSS after the run: $(( $(ps -o rss= -p $server) / 1024 )) MiB"
