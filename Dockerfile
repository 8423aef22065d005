# The BETTER site's image: gunicorn serving Django, for nginx to face the clients (deploy/nginx.conf,
# compose.yaml). Configure with DJANGO_SECRET_KEY, DATABASE_URL and DJANGO_ALLOWED_HOSTS (see README).
# Two stages: the build stage has gettext and pip's work; the runtime stage only the virtualenv and
# the app, run as an unprivileged user.

FROM python:3.11-slim-bookworm AS build
ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/venv/bin:$PATH
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /venv
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
# collectstatic and compilemessages: the same script `make image-steps` runs in a clean venv.
RUN deploy/build-steps.sh

FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=better_site.settings.prod \
    DJANGO_MEDIA_ROOT=/app/media \
    DJANGO_STATIC_ROOT=/app/staticfiles
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin better
COPY --from=build /venv /venv
COPY --from=build /app /app
# Writable by the app: uploads, and the static files the `migrate` service copies to the volume nginx serves.
RUN mkdir -p /app/media && chown -R better /app/media /app/staticfiles
USER better
WORKDIR /app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "/app/deploy/healthcheck.py"]
# Migrates first when DJANGO_MIGRATE=1, then execs gunicorn (or the command given).
ENTRYPOINT ["/app/deploy/entrypoint.sh"]
