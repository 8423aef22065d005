#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL: installs the server with apt-get when it is
# missing (as root), starts a private cluster on a free port, exports DATABASE_URL, runs the
# command and always stops and removes the cluster.
set -euo pipefail

if [ -n "${DATABASE_URL:-}" ] && [ "${BETTER_OWN_POSTGRES:-0}" != "1" ]; then
    # An existing PostgreSQL was named: use it as it is.
    exec "$@"
fi

find_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    fi
}

PGBIN=$(find_bin)
if [ -z "$PGBIN" ]; then
    if [ "$(id -u)" != "0" ]; then
        echo "PostgreSQL is not installed and this is not root: install the 'postgresql' package" >&2
        echo "or set DATABASE_URL to an existing server." >&2
        exit 1
    fi
    echo "Installing PostgreSQL with apt-get…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    PGBIN=$(find_bin)
fi

WORK=$(mktemp -d /tmp/better-pg.XXXXXX)
DATA="$WORK/data"
mkdir -p "$DATA"
as_pg=()
if [ "$(id -u)" = "0" ]; then
    # initdb refuses to run as root.
    chown -R postgres:postgres "$WORK"
    as_pg=(runuser -u postgres --)
fi
chmod 700 "$DATA"

cleanup() {
    "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

"${as_pg[@]}" "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; exit 1; }
# A free port in an unusual range; another run may take the same one between the check and the
# start, so a failed start moves on to the next port.
PORT=""
for candidate in $(seq 55432 55532); do
    if (exec 3<>/dev/tcp/127.0.0.1/$candidate) 2>/dev/null; then
        continue
    fi
    if "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w start \
        -o "-c listen_addresses=127.0.0.1 -p $candidate -k $WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null 2>&1; then
        PORT=$candidate
        break
    fi
done
[ -n "$PORT" ] || { echo "PostgreSQL did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; }
"${as_pg[@]}" "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -q \
    -c "CREATE ROLE better LOGIN CREATEDB PASSWORD 'better';" -c "CREATE DATABASE better OWNER better;"

export DATABASE_URL="postgres://better:better@127.0.0.1:$PORT/better"
echo "Throwaway PostgreSQL on port $PORT" >&2
set +e
"$@"
status=$?
set -e
exit $status
