"""Settings shared by every environment.

Environment variables are read here and nowhere else; dev/test/prod only
choose defaults and hardening. Base is deliberately not runnable on its own:
it has no SECRET_KEY and DEBUG is off.
"""

import datetime
import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# DATABASE_URL wins everywhere; each environment decides what happens without it.
DATABASE_URL = env("DATABASE_URL")

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "reversion",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "projects",
    "events",
    "practices",
]

MIDDLEWARE = [
    # Anonymous public pages from the shared cache (projects.web.cache), stored with every header the
    # middleware below adds: a stored page is answered before any of them runs.
    "projects.web.cache.PublicPageCacheMiddleware",
    "better_site.security.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "projects.backoffice.two_factor.TwoFactorMiddleware",
    "projects.backoffice.admin_input.AdminInputMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: a locked-out user or address is refused before any password is hashed.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "better_site.urls"
WSGI_APPLICATION = "better_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "projects.web.context_processors.site",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source language; the others are the partners'.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("et", _("Estonian")),
    ("hu", _("Hungarian")),
    ("it", _("Italian")),
    ("sv", _("Swedish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "et", "hu", "it", "sv")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))

# Uploads: the local MEDIA_ROOT by default; S3-compatible object storage (django-storages) when a
# bucket is named. Several app servers then share one store, renditions included.
MEDIA_S3_BUCKET = env("MEDIA_S3_BUCKET")
if MEDIA_S3_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "better_site.storage.MediaS3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": env("MEDIA_S3_ENDPOINT_URL"),
            "region_name": env("MEDIA_S3_REGION"),
            "access_key": env("MEDIA_S3_ACCESS_KEY_ID"),
            "secret_key": env("MEDIA_S3_SECRET_ACCESS_KEY"),
            "custom_domain": env("MEDIA_S3_CUSTOM_DOMAIN"),
            "location": env("MEDIA_S3_PREFIX", ""),
            # Public pages link the files: plain URLs (the bucket or its domain serves them), never
            # an overwrite of another upload with the same name.
            "querystring_auth": env_bool("MEDIA_S3_SIGNED_URLS", False),
            "file_overwrite": False,
            "default_acl": None,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Without a front server (a bare gunicorn), Django serves local uploads itself with the safe headers
# of better_site.media; behind nginx, nginx answers /media/ first and this view is never reached.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", not MEDIA_S3_BUCKET)

STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Error pages in the visitor's language (better_site.errors); a CSRF refusal too.
CSRF_FAILURE_VIEW = "better_site.errors.csrf_failure"
# While the database is unreachable pages answer 503 with this Retry-After (seconds).
DATABASE_RETRY_AFTER = 30

# Accounts. A staff session ends after 8 hours without a request; every request renews it.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True

# Login throttling (django-axes): the 6th wrong password in a row for one username, or from one
# address, locks that username or address out for AXES_COOLOFF_TIME, with a page that says so.
AXES_FAILURE_LIMIT = 6
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(env("DJANGO_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
# Its start-up banner would open every management command's output; lockouts are still logged.
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "better_site.security.lockout_response"
# Behind the front server the client's address is in a header it sets (e.g. HTTP_X_REAL_IP);
# never trusted unless named here, since a client could send it itself.
CLIENT_IP_HEADER = env("DJANGO_CLIENT_IP_HEADER", "")
AXES_CLIENT_IP_CALLABLE = "better_site.security.client_ip"

# Two-factor login (django-otp, TOTP). Required for superusers and project editors when on;
# staff who have enrolled are asked for their code whether it is required or not.
REQUIRE_2FA = env_bool("DJANGO_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "BETTER"

# Password reset by e-mail. Production sends through SMTP; dev prints, tests keep mail in memory.
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("DJANGO_EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3

# Content-Security-Policy of every response (better_site.security): nothing inline, nothing from
# another host. Media from object storage adds its host to img-src here.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *env_list("DJANGO_CSP_IMG_HOSTS")],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=()"
)

# Demo accounts (admin + one coordinator per city) are only ever created
# where this is switched on: the local demo database.
DEMO_ACCOUNTS = False

NEWS_PAGE_SIZE = 10

# Logs: one JSON object per line on stdout (the container's log), tracebacks included; errors of
# django.request (every 500) carry the request's method and path.
LOG_LEVEL = env("DJANGO_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "better_site.logs.JsonFormatter"}},
    "handlers": {"stdout": {"class": "better_site.logs.StdoutHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        # 404s are logged as warnings by django.request: noise for every probe; errors stay.
        "django.request": {"handlers": ["stdout"], "level": "ERROR", "propagate": False},
    },
}

# The shared cache: Redis when REDIS_URL names one (every instance then sees the same pages and
# content version, see projects.web.cache), this process's memory otherwise.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "projects.web.redis_cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole public pages from that cache; BETTER_PAGE_CACHE=0 switches it off (the benchmark's uncached run).
PUBLIC_PAGE_CACHE = env_bool("BETTER_PAGE_CACHE", True)
