# A runnable image of the BETTER site: gunicorn serving Django, static files collected and
# served by WhiteNoise. Configure with DJANGO_SECRET_KEY, DATABASE_URL and DJANGO_ALLOWED_HOSTS.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=better_site.settings.prod

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# collectstatic and compilemessages need settings but no real secrets or database.
RUN DJANGO_SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 DJANGO_ALLOWED_HOSTS=localhost \
        python manage.py collectstatic --noinput \
    && if [ -d locale ]; then DJANGO_SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 \
        DJANGO_ALLOWED_HOSTS=localhost python manage.py compilemessages; fi \
    && useradd --system --uid 10001 better \
    && mkdir -p /app/media && chown better /app/media

USER better
EXPOSE 8000
CMD ["gunicorn", "better_site.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--no-control-socket", "--access-logfile", "-"]
