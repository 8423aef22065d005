"""Local development and `make run`: SQLite unless DATABASE_URL says otherwise."""

import dj_database_url

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASE_URL, SECRET_KEY

DEBUG = True
# An obviously fake key: dev only, never used in production (prod refuses to start without its own).
SECRET_KEY = SECRET_KEY or "django-insecure-dev-only-not-a-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DEMO_ACCOUNTS = True

# Password-reset mails are printed in the terminal.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
