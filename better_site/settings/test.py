"""The test suite: PostgreSQL through DATABASE_URL (started by `make test`)."""

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASE_URL

if not DATABASE_URL:
    raise ImproperlyConfigured("The test suite needs DATABASE_URL; `make test` starts a PostgreSQL.")

DEBUG = False
SECRET_KEY = "django-insecure-test-only"  # noqa: S105 - tests only
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
# Fast tests: cheap hashing, in-memory cache and mail.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_ACCOUNTS = True
