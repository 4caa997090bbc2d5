#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL: a cluster in a temporary directory on a free port,
# CHOUCHA_TEST_PG pointing at it, stopped and removed when the command ends (whatever its exit).
# Debian's postgresql package provides the server; initdb refuses to run as root, so as root the
# cluster belongs to the postgres user the package creates.
set -euo pipefail
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "with-postgres: no PostgreSQL server here (apt-get install postgresql)" >&2
  exit 2
fi
dir="$(mktemp -d /tmp/choucha-pg.XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
stop() {
  as_owner "'$bin/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
as_owner "'$bin/initdb' -D '$dir/data' -A trust -U postgres --locale=C -E UTF8" >/dev/null
# Many test processes each hold a few connections; fsync off: the cluster is thrown away.
as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null
export CHOUCHA_TEST_PG="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port"
"$@"
