#!/bin/sh
# The container's entrypoint: optional one-off steps, then the server (or the command given).
#   DJANGO_MIGRATE=1        apply the database migrations first (one container per release:
#                           compose.yaml's `migrate` service; the web replicas leave it off)
#   DJANGO_COLLECTSTATIC=1  copy the static files to STATIC_ROOT (a volume nginx serves)
#   GUNICORN_BIND           where gunicorn listens (default 0.0.0.0:8000, for nginx only)
#   WEB_CONCURRENCY         gunicorn's worker count (gunicorn reads it itself; default 3 here)
set -eu
cd "$(dirname "$0")/.."

if [ "${DJANGO_MIGRATE:-0}" = "1" ]; then
    python manage.py migrate --noinput
fi
if [ "${DJANGO_COLLECTSTATIC:-0}" = "1" ]; then
    python manage.py collectstatic --noinput --verbosity 0
fi

if [ "$#" -eq 0 ]; then
    # Behind nginx (deploy/nginx.conf), which buffers whole requests: sync workers never wait on a
    # slow client.
    set -- gunicorn better_site.wsgi:application \
        --bind "${GUNICORN_BIND:-0.0.0.0:8000}" \
        --workers "${WEB_CONCURRENCY:-3}" \
        --timeout 30 --graceful-timeout 30 --keep-alive 5 \
        --max-requests 1000 --max-requests-jitter 100 \
        --no-control-socket --access-logfile -
fi
exec "$@"
