#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests: its data, its socket and its
# log all live in one directory, so nothing of it outlives that directory.
#
# usage: bash scripts/postgres-test-server.sh start DIR
#          initdb + start; prints the base URL (postgresql://USER@127.0.0.1:PORT)
#          and writes it to DIR/url. Append /DBNAME for a database.
#        bash scripts/postgres-test-server.sh stop DIR
#          stops the server at once (-m immediate: the data is thrown away).
#        bash scripts/postgres-test-server.sh run DIR COMMAND [ARG...]
#          start, run COMMAND with CLUSTERPILOT_TEST_POSTGRES_URL set to the
#          base URL, stop; the server is stopped also when COMMAND fails or
#          the script is interrupted. Exits with COMMAND's status.
#
# PostgreSQL refuses to run as root, so as root the server runs as Debian's
# unprivileged `postgres` user (DIR is handed to it); as any other user it runs
# as that user. Authentication is `trust`: only for a server that listens on
# 127.0.0.1 and a socket inside DIR, and that dies with the test run.
set -euo pipefail

pg_bin=/usr/lib/postgresql/15/bin
superuser=clusterpilot

usage() {
  sed -n '4,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# Runs a PostgreSQL binary as the unprivileged owner of the server.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A port nobody listens on now. Another process may still take it before the
# server binds it; start_server retries with a new port when that happens.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The postgres user must reach DIR: a `mktemp -d` parent is mode 700 for
# root. Grant only traverse (o+x, no listing) on the ancestors that lack it.
open_path_to() {
  local path=$1
  while [ "$path" != "/" ]; do
    path=$(dirname "$path")
    if ! runuser -u postgres -- test -x "$path"; then chmod o+x "$path"; fi
  done
}

start_server() {
  local dir=$1
  if [ ! -x "$pg_bin/initdb" ]; then
    echo "postgres-test-server: $pg_bin/initdb is missing (install postgresql-15)" >&2
    exit 1
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ -e "$dir/data" ]; then
    echo "postgres-test-server: $dir/data exists already (stop DIR and remove it first)" >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    open_path_to "$dir"
  fi
  # A start that fails half-way must not leave a server behind.
  trap 'stop_server "$dir" >/dev/null 2>&1 || true' ERR
  if ! as_owner "$pg_bin/initdb" -D "$dir/data" -A trust -U "$superuser" -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    exit 1
  fi
  local port attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # fsync off: the data dies with the run, and the tests that kill imports
    # test the server's atomicity, which does not depend on the disk flushing.
    if as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" \
      start >/dev/null; then
      trap - ERR
      echo "postgresql://$superuser@127.0.0.1:$port" | tee "$dir/url"
      return 0
    fi
    echo "postgres-test-server: start on port $port failed (attempt $attempt), see $dir/server.log" >&2
  done
  trap - ERR
  exit 1
}

stop_server() {
  local dir=$1
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  fi
}

[ $# -ge 2 ] || usage
command=$1
dir=$2
shift 2
case "$command" in
  start) start_server "$dir" ;;
  stop) stop_server "$dir" ;;
  run)
    [ $# -ge 1 ] || usage
    trap 'stop_server "$dir"' EXIT
    trap 'exit 130' INT TERM
    url=$(start_server "$dir")
    status=0
    CLUSTERPILOT_TEST_POSTGRES_URL=$url "$@" || status=$?
    exit "$status"
    ;;
  *) usage ;;
esac
