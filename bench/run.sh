#!/usr/bin/env bash
# People-list benchmark: 100,000 people imported through the CLI, then wrk against the
# list endpoints, with /healthz on the same server as the baseline measured in the same run.
# Usage: bench/run.sh [seconds-per-run]   (needs a release build: make server)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/tongxin
secs=${1:-10}
out=$(mktemp -d /tmp/tongxin-bench-XXXXXX)
db="sqlite:$out/bench.db"
port=$((19000 + RANDOM % 1000))
trap 'kill $server 2>/dev/null || true; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$out"' EXIT

$bin demo --db "$db" --log-level warn >/dev/null
units=(SIE SCS SMAT INTL HR CLINIC LOGISTICS FINANCE COMM-A-1 COMM-A-2)
countries=(GB US DE FR JP KR IN NG BR CA AU RU IT ES PK EG MX TH VN ID)
for part in 1 2; do
  awk -v part="$part" -v units="${units[*]}" -v countries="${countries[*]}" 'BEGIN {
    split(units, u, " "); split(countries, c, " ");
    print "外文姓名,性别,国籍,证件号码,类别,单位,手机,邮箱";
    for (i = 0; i < 50000; i++) {
      n = (part - 1) * 50000 + i;
      printf "Person %06d Berg%d,%s,%s,B%08d,%s,%s,139%08d,p%d@example.org\n",
        n, n % 97, (n % 2 ? "female" : "male"), c[n % 20 + 1], n, (n % 3 ? "foreign_staff" : "staff"),
        u[n % 10 + 1], n, n;
    }
  }' > "$out/people$part.csv"
done

t0=$(date +%s.%N)
$bin import people "$out/people1.csv" --db "$db" --log-level warn >/dev/null
t1=$(date +%s.%N)
$bin import people "$out/people2.csv" --db "$db" --log-level warn >/dev/null
t2=$(date +%s.%N)
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

$bin serve --db "$db" --port "$port" --log-level warn --web-root /nonexistent &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
curl -sf -c "$out/cj" -H 'Content-Type: application/json' -d '{"username":"office","password":"Tongxin2020!"}' \
  "$base/api/v1/auth/login" >"$out/login.json"
csrf=$(sed -E 's/.*"csrf_token":"([0-9a-f]+)".*/\1/' "$out/login.json")
token=$(curl -sf -b "$out/cj" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "$base/api/v1/auth/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
auth="Authorization: Bearer $token"

run() {  # name, connections, url
  local r
  r=$(wrk -t"$(( $2 < 2 ? 1 : 2 ))" -c"$2" -d"${secs}s" --latency -H "$auth" "$base$3")
  local rps p50
  rps=$(echo "$r" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$r" | awk '$1=="50%" {print $2}')
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "$rps" "$p50"
}

echo "people: $($bin --version), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "import: 100,000 people (two files of 50,000) in $(calc "$t2 - $t0") s = $(calc "100000 / ($t2 - $t0)") rows/s, each file all-or-nothing, every row audited"
echo
echo "| request | connections | req/s | median latency |"
echo "|---|---|---|---|"
run "GET /healthz (baseline, no database)" 64 /healthz
run "GET /api/v1/auth/me (session lookup only)" 64 /api/v1/auth/me
run "GET /api/v1/people (first page by name, total over 100k)" 64 "/api/v1/people?page_size=20"
run "same, one connection" 1 "/api/v1/people?page_size=20"
run "search q=berg42 (substring over 100k, trigram index)" 1 "/api/v1/people?q=berg42&page_size=20"
run "search q=009999 (substring of 1 name in 100k, trigram index)" 1 "/api/v1/people?q=009999&page_size=20"
run "search q=g4 (two letters: shorter than a trigram, a scan)" 1 "/api/v1/people?q=g4&page_size=20"
run "filter category + nationality" 1 "/api/v1/people?category=foreign_staff&nationality=GB&page_size=20"
run "one unit's subtree, page 50" 1 "/api/v1/people?unit_id=8&page=50&page_size=20"
t3=$(date +%s.%N)
curl -sf -H "$auth" "$base/api/v1/people/export?format=xlsx" -o "$out/export.xlsx"
t4=$(date +%s.%N)
echo
echo "export: every person (100,044) as XLSX, $(stat -c %s "$out/export.xlsx") bytes, in $(calc "$t4 - $t3") s"
echo "server RSS after the runs: $(( $(ps -o rss= -p $server) / 1024 )) MiB"
