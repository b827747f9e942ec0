#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL 15 cluster for the tests, owned by the postgres
# user (PostgreSQL refuses to run as root), on 127.0.0.1 and an unusual port.
#   scripts/pg.sh start DIR PORT   -> prints the connection URL
#   scripts/pg.sh stop DIR
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?data directory}
bin=/usr/lib/postgresql/15/bin

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

case "$cmd" in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
    as_pg "$bin/initdb -D '$dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
    as_pg "$bin/pg_ctl -D '$dir/data' -l '$dir/server.log' -w -t 60 \
      -o \"-h 127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start >/dev/null"
    as_pg "$bin/createdb -h 127.0.0.1 -p $port -U postgres tongxin_test"
    echo "postgresql://postgres@127.0.0.1:$port/tongxin_test"
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_pg "$bin/pg_ctl -D '$dir/data' -m fast -w stop >/dev/null" || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
