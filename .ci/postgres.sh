#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for formwork's tests and print the DSN.
#
# Usage (from the repository root):
#
#     eval "$(bash .ci/postgres.sh | tail -1)"
#     go test -race ./orm/
#
# What it does, each step skipped when already done (so a second run with
# the server up only prints the DSN again):
#   1. installs Debian's postgresql package with apt-get when no server
#      binaries are found (needs root);
#   2. initialises a cluster in $FORMWORK_PG_DIR (default /tmp/formwork-pg),
#      owned by the postgres user when run as root;
#   3. starts it listening on 127.0.0.1:$FORMWORK_PG_PORT (default 55432)
#      only, with its Unix socket inside the data directory;
#   4. waits until it accepts connections;
#   5. creates the role and database formwork (password formwork).
#
# Progress goes to stderr; the last line on stdout is
#     export FORMWORK_PG_DSN=postgres://formwork:formwork@127.0.0.1:55432/formwork?sslmode=disable
#
# Stop the server with:
#     runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" -D /tmp/formwork-pg/data stop
set -euo pipefail

PGDIR="${FORMWORK_PG_DIR:-/tmp/formwork-pg}"
PORT="${FORMWORK_PG_PORT:-55432}"
DBNAME="${FORMWORK_PG_DB:-formwork}"
DBUSER="${FORMWORK_PG_USER:-formwork}"
DBPASS="${FORMWORK_PG_PASSWORD:-formwork}"
DATA="$PGDIR/data"
SOCK="$PGDIR/sock"
LOG="$PGDIR/server.log"

log() { echo "postgres.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

# find_bindir prints the newest /usr/lib/postgresql/N/bin holding initdb.
find_bindir() {
    local d best=""
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && best="$d"
    done
    if [ -z "$best" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        best="$(dirname "$(command -v initdb)")"
    fi
    echo "$best"
}

BIN="$(find_bindir)"
if [ -z "$BIN" ]; then
    [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed and installing it needs root"
    log "installing postgresql with apt-get"
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
    BIN="$(find_bindir)"
    [ -n "$BIN" ] || die "postgresql installed but no initdb/pg_ctl found under /usr/lib/postgresql"
fi
log "using PostgreSQL binaries in $BIN"

# as_pg runs a command as the server's owner: postgres when we are root,
# ourselves otherwise (initdb refuses to run as root).
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "no postgres user (is the postgresql package installed?)"
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

mkdir -p "$PGDIR"
if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PGDIR"
fi
chmod 700 "$PGDIR"
as_pg mkdir -p "$SOCK"

psql_admin() {
    as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$PORT" -U postgres -d postgres "$@"
}

ready() { as_pg "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2 >/dev/null 2>&1; }

if ready && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "server already running on 127.0.0.1:$PORT"
else
    if ready; then
        die "port $PORT on 127.0.0.1 is taken by another server; set FORMWORK_PG_PORT"
    fi
    if [ ! -s "$DATA/PG_VERSION" ]; then
        log "initialising a cluster in $DATA"
        rm -rf "$DATA"
        as_pg "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C \
            --auth-local=trust --auth-host=scram-sha-256 >&2
    fi
    # A pid file left by a server that died with its machine would stop
    # pg_ctl from starting a new one.
    if [ -f "$DATA/postmaster.pid" ] && ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        log "removing stale $DATA/postmaster.pid"
        rm -f "$DATA/postmaster.pid"
    fi
    log "starting the server on 127.0.0.1:$PORT"
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $SOCK -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2 \
        || { tail -n 30 "$LOG" >&2 || true; die "the server did not start"; }
fi

for _ in $(seq 1 60); do
    ready && break
    sleep 1
done
ready || { tail -n 30 "$LOG" >&2 || true; die "the server does not accept connections on 127.0.0.1:$PORT"; }

# Role and database, created once.
if [ "$(psql_admin -tA -c "SELECT 1 FROM pg_roles WHERE rolname = '$DBUSER'")" != 1 ]; then
    log "creating role $DBUSER"
    psql_admin -c "CREATE ROLE \"$DBUSER\" LOGIN PASSWORD '$DBPASS'"
fi
if [ "$(psql_admin -tA -c "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'")" != 1 ]; then
    log "creating database $DBNAME"
    psql_admin -c "CREATE DATABASE \"$DBNAME\" OWNER \"$DBUSER\""
fi

DSN="postgres://$DBUSER:$DBPASS@127.0.0.1:$PORT/$DBNAME?sslmode=disable"
# Check the DSN's credentials over TCP before handing it out.
PGPASSWORD="$DBPASS" "$BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U "$DBUSER" -d "$DBNAME" -tA -c 'SELECT 1' >/dev/null \
    || die "cannot log in as $DBUSER over TCP"
log "ready: $DSN"
echo "export FORMWORK_PG_DSN=$DSN"
