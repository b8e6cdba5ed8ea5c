#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on loopback for the store's tests and print the URL
# they take (export it as MARSAD_TEST_POSTGRES_URL). Installs PostgreSQL from the system's
# packages when it is missing. Usage: .ci/postgres.sh start|stop [DATA_DIR]
set -euo pipefail

action="${1:-start}"
data="${2:-${TMPDIR:-/tmp}/marsad-ci-postgres}"
port="${MARSAD_TEST_POSTGRES_PORT:-54329}"

bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [ "$action" = stop ]; then
    bin="$(bindir)"
    [ -n "$bin" ] && [ -f "$data/PG_VERSION" ] && as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true
    exit 0
fi

if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/initdb" ]; then
    echo "installing PostgreSQL from the system packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
fi
bin="$(bindir)"

if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres: "$data"
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if [ -f "$data/port" ]; then
    port="$(cat "$data/port")"
fi
if ! as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # another server (a developer's) may hold the port: take the next free one
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        port=$((port + 1))
    done
    echo "$port" >"$data/port"
    as_postgres "$bin/pg_ctl" -D "$data" -w -l "$data/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off" start >/dev/null
fi
psql_() {
    as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"
}
if [ -z "$(psql_ -c "SELECT 1 FROM pg_roles WHERE rolname = 'marsad'")" ]; then
    psql_ -c "CREATE ROLE marsad LOGIN PASSWORD 'marsad'"
fi
if [ -z "$(psql_ -c "SELECT 1 FROM pg_database WHERE datname = 'marsad_test'")" ]; then
    psql_ -c "CREATE DATABASE marsad_test OWNER marsad"
fi
echo "postgresql://marsad:marsad@127.0.0.1:${port}/marsad_test"
