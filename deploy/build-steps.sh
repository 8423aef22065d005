#!/bin/sh
# The image's build steps after `pip install -r requirements.txt` (the Dockerfile runs this), also
# run outside Docker, in a clean virtual environment, by `make image-steps`. Settings need values
# but no real secret and no database here.
set -eu
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=better_site.settings.prod
export DJANGO_SECRET_KEY=build-only-not-a-secret
export DATABASE_URL=sqlite:////tmp/better-build.sqlite3
export DJANGO_ALLOWED_HOSTS=localhost
python manage.py collectstatic --noinput --verbosity 0
python manage.py compilemessages --ignore=.venv --verbosity 0
