# Shared by the benchmarks (sourced): waiting for the server, logging in as the office,
# and one wrk run printed as a table row. They use the caller's $base, $out and $secs.

# Waits until GET /healthz answers (10 s at most).
bench_wait() {
  for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && return 0; sleep 0.1; done
  echo "the server did not start" >&2
  return 1
}

# Logs in as `office` (cookie jar $out/cj): sets csrf, exports TOKEN (a bearer token for
# wrk), sets auth (curl arguments with it) and defines post PATH JSON.
bench_login() {
  curl -sf -c "$out/cj" -H 'Content-Type: application/json' -d '{"username":"office","password":"Tongxin2020!"}' \
    "$base/api/v1/auth/login" >"$out/login.json"
  csrf=$(sed -E 's/.*"csrf_token":"([0-9a-f]+)".*/\1/' "$out/login.json")
  post() { curl -sf -b "$out/cj" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d "$2" "$base$1"; }
  TOKEN=$(post /api/v1/auth/tokens '{"name":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
  export TOKEN
  auth=(-H "Authorization: Bearer $TOKEN")
}

# run NAME CONNECTIONS WRK-ARGUMENTS...: | name | connections | req/s | median | p99 | non-2xx |
run() {
  local name=$1 c=$2
  shift 2
  local r
  r=$(wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"${secs}s" --latency "$@")
  local errors
  errors=$(echo "$r" | awk '/Non-2xx/ {print $NF}')
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$c" "$(echo "$r" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$r" | awk '$1=="50%" {print $2}')" "$(echo "$r" | awk '$1=="99%" {print $2}')" "${errors:-0}"
}
