#!/usr/bin/env bash
# Health check-in benchmark: PEOPLE people (default 50,000) with DAYS days (default 100) of
# two reports a day already stored (100 days = 10 million reports), then wrk against the
# check-in POST (through the group writer), today's dashboard and a 5,000-person unit's
# missing list, with POST /api/v1/echo (same stack, no database) as the baseline, all in
# one run. SQLite by default; DB=postgresql://... for PostgreSQL (history not generated).
# Usage: bench/checkin.sh [seconds-per-run]   (needs a release build: make server)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/build/release/tongxin
secs=${1:-10}
people=${PEOPLE:-50000}
days=${DAYS:-100}
out=$(mktemp -d /tmp/tongxin-checkin-XXXXXX)
db=${DB:-sqlite:$out/bench.db}
port=$((19000 + RANDOM % 1000))
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$out"' EXIT
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

$bin demo --db "$db" --log-level warn >/dev/null
units=(SIE SCS SMAT INTL HR CLINIC LOGISTICS FINANCE HQ WHUT)  # all within the office's scope
awk -v n="$people" -v units="${units[*]}" 'BEGIN {
  split(units, u, " ");
  print "外文姓名,国籍,类别,单位";
  for (i = 0; i < n; i++) printf "Bench %06d,GB,外籍工作人员,%s\n", i, u[i % 10 + 1];
}' > "$out/people.csv"
# Imports of at most 50,000 rows each.
split -l 50000 -d --additional-suffix=.csv <(tail -n +2 "$out/people.csv") "$out/part"
for f in "$out"/part*.csv; do
  (head -1 "$out/people.csv"; cat "$f") > "$f.with-header"
  $bin import people "$f.with-header" --db "$db" --log-level warn >/dev/null
done

if [[ "$db" == sqlite:* ]]; then
  file=${db#sqlite:}
  t0=$(date +%s.%N)
  sqlite3 "$file" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
WITH RECURSIVE d(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM d WHERE n < $days),
     s(slot, name) AS (VALUES (0, 'morning'), (1, 'afternoon'))
INSERT INTO health_checkins (person_id, day, slot, slot_name, temperature_tenths, method, symptoms, symptom_other,
  location, location_country, contact, remarks, channel, recorded_by, late, version, submitted_at, updated_at)
SELECT p.id, date('now', '-' || d.n || ' days'), s.slot, s.name, 360 + abs(random() % 9), 'armpit', '', '', 'campus',
  '', 'none', '', 'self', NULL, 0, 1, date('now', '-' || d.n || ' days') || 'T01:00:00Z',
  date('now', '-' || d.n || ' days') || 'T01:00:00Z'
FROM d, s, people p WHERE p.name_latin LIKE 'Bench %';
SQL
  t1=$(date +%s.%N)
  history=$(sqlite3 "$file" "SELECT COUNT(*) FROM health_checkins")
  echo "history: $history stored reports generated in $(calc "$t1 - $t0") s"
fi

$bin serve --db "$db" --port "$port" --log-level warn --web-root /nonexistent --workers 16 --db-pool 8 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
curl -sf -c "$out/cj" -H 'Content-Type: application/json' -d '{"username":"office","password":"Tongxin2020!"}' \
  "$base/api/v1/auth/login" >"$out/login.json"
csrf=$(sed -E 's/.*"csrf_token":"([0-9a-f]+)".*/\1/' "$out/login.json")
post() { curl -sf -b "$out/cj" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d "$2" "$base$1"; }
export TOKEN=$(post /api/v1/auth/tokens '{"name":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
ids=$(curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/v1/people?q=bench&sort=created_at&page_size=1" | sed -E 's/.*"items":\[\{"id":([0-9]+).*"total":([0-9]+).*/\1 \2/')
export MIN_ID=${ids% *}
export MAX_ID=$((MIN_ID + ${ids#* } - 1))
today=$(curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/v1/health/today" | sed -E 's/.*"day":"([0-9-]+)".*/\1/')
# A slot open all day for everyone, whatever time the benchmark runs.
person_ids=$(seq -s, "$MIN_ID" "$MAX_ID")
echo "{\"name\":\"bench\",\"kind\":\"observation\",\"start_date\":\"$today\",\"observation_days\":2,\"person_ids\":[$person_ids],\"slots\":[{\"name\":\"day\",\"start\":\"00:00\",\"end\":\"24:00\"}]}" > "$out/plan.json"
post /api/v1/health/plans "@$out/plan.json" >/dev/null
curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/v1/health/today" >/dev/null  # builds today's roster
tomorrow=$(date -u -d "$today + 1 day" +%Y-%m-%d)
curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/v1/health/today?day=$tomorrow" >/dev/null  # and tomorrow's

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

echo "tongxin $($bin --version | cut -d' ' -f2), $(nproc) cores, $(date -u +%Y-%m-%d), db ${db%%:*}, $people people"
echo
echo "| request | connections | req/s | median latency | non-2xx |"
echo "|---|---|---|---|---|"
BENCH_PATH=/api/v1/echo run "POST /api/v1/echo (baseline, same body)" 64 -s bench/checkin.lua "$base"
run "POST /api/v1/health/checkins/on-behalf" 64 -s bench/checkin.lua "$base"
BENCH_PATH=/api/v1/echo run "POST /api/v1/echo (baseline again)" 64 -s bench/checkin.lua "$base"
sie=$(curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/v1/units" | grep -o '"id":[0-9]*,"code":"SIE"' | grep -o '[0-9]*')
run "GET /api/v1/health/today" 1 -H "Authorization: Bearer $TOKEN" "$base/api/v1/health/today"
run "GET /api/v1/health/roster (missing, 5,000-person unit)" 1 -H "Authorization: Bearer $TOKEN" \
  "$base/api/v1/health/roster?slot=0&status=missing&unit_id=$sie&page_size=50"
echo
echo "server RSS after the runs: $(( $(ps -o rss= -p $server) / 1024 )) MiB"
[[ "$db" == sqlite:* ]] && echo "WAL after the runs: $(( $(stat -c %s "${db#sqlite:}-wal" 2>/dev/null || echo 0) / 1048576 )) MiB"
