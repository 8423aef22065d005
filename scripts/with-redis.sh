#!/usr/bin/env bash
# Runs a command with a throwaway Redis: installs Debian's redis-server with apt-get when it is
# missing (as root), starts a private server on a free port (no disk persistence), exports REDIS_URL,
# runs the command and always stops the server. Chained with scripts/with-postgres.sh by `make test`
# (the two-instance test) and `make bench`; the ordinary tests keep the in-memory cache.
set -euo pipefail

if [ -n "${REDIS_URL:-}" ] && [ "${BETTER_OWN_REDIS:-0}" != "1" ]; then
    # An existing Redis was named: use it as it is.
    exec "$@"
fi

if ! command -v redis-server >/dev/null 2>&1; then
    if [ "$(id -u)" != "0" ]; then
        echo "redis-server is not installed and this is not root: install the 'redis-server' package" >&2
        echo "or set REDIS_URL to an existing server." >&2
        exit 1
    fi
    echo "Installing redis-server with apt-get…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends redis-server >&2
fi

WORK=$(mktemp -d /tmp/better-redis.XXXXXX)
PID=""
cleanup() {
    if [ -n "$PID" ]; then
        kill "$PID" 2>/dev/null || true
        wait "$PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

PORT=""
for candidate in $(seq 56379 56479); do
    if (exec 3<>/dev/tcp/127.0.0.1/$candidate) 2>/dev/null; then
        continue
    fi
    redis-server --port "$candidate" --bind 127.0.0.1 --dir "$WORK" --save "" --appendonly no \
        --daemonize no --logfile "$WORK/server.log" &
    PID=$!
    for _ in $(seq 50); do
        if redis-cli -p "$candidate" ping >/dev/null 2>&1; then
            PORT=$candidate
            break
        fi
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$PORT" ] && break
    kill "$PID" 2>/dev/null || true
    PID=""
done
[ -n "$PORT" ] || { echo "Redis did not start:" >&2; cat "$WORK/server.log" >&2 2>/dev/null; exit 1; }

export REDIS_URL="redis://127.0.0.1:$PORT/0"
echo "Throwaway Redis on port $PORT" >&2
set +e
"$@"
status=$?
set -e
exit $status
