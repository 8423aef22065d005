import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path, re_path

from events.api import EventListApi
from practices.api import PracticeListApi
from projects.backoffice import two_factor
from projects.web.api import api_not_found

from .health import healthz
from .media import serve_media
from .sitemaps import SITEMAPS
from .views import RobotsView, SearchView

# Language-neutral addresses: machine-readable data (the language is a parameter).
urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/events/", EventListApi.as_view(), name="api-events"),
    path("api/practices/", PracticeListApi.as_view(), name="api-practices"),
    # Every other address under /api/ answers a JSON 404, not the HTML page.
    re_path(r"^api(?:/|$)", api_not_found, name="api-not-found"),
    # Where crawlers look for them: the site's root, in no language. The index names each section's pages.
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path("healthz", healthz, name="healthz"),
]

# Password reset by e-mail (Django's views; the admin's login page links to the first).
password_reset = [
    path("admin/password_reset/", auth_views.PasswordResetView.as_view(), name="admin_password_reset"),
    path("admin/password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "admin/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("admin/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

# The second step of a staff login (projects.backoffice.two_factor).
two_factor_urls = [
    path("admin/two-factor/", two_factor.VerifyView.as_view(), name="two-factor-verify"),
    path("admin/two-factor/setup/", two_factor.SetupView.as_view(), name="two-factor-setup"),
    path("admin/two-factor/setup/qr.svg", two_factor.QrCodeView.as_view(), name="two-factor-qr"),
]

urlpatterns += i18n_patterns(
    *password_reset,
    *two_factor_urls,
    path("admin/", admin.site.urls),
    path("events/", include("events.urls")),
    path("practices/", include("practices.urls")),
    path("search/", SearchView.as_view(), name="search"),
    path("", include("projects.urls")),
    prefix_default_language=True,
)

handler400 = "better_site.errors.bad_request"
handler403 = "better_site.errors.permission_denied"
handler500 = "better_site.errors.server_error"

if settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    # Local uploads with safe headers when no front server answers /media/ first (better_site.media).
    urlpatterns.append(
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", serve_media, name="media")
    )
