import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path, re_path

from events.api import EventListApi
from practices.api import PracticeListApi

from .health import healthz
from .media import serve_media
from .sitemaps import SITEMAPS
from .views import RobotsView, SearchView

# Language-neutral addresses: machine-readable data (the language is a parameter).
urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/events/", EventListApi.as_view(), name="api-events"),
    path("api/practices/", PracticeListApi.as_view(), name="api-practices"),
    # Where crawlers look for them: the site's root, in no language. The index names each section's pages.
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path("healthz", healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("events/", include("events.urls")),
    path("practices/", include("practices.urls")),
    path("search/", SearchView.as_view(), name="search"),
    path("", include("projects.urls")),
    prefix_default_language=True,
)

if settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    # Local uploads with safe headers when no front server answers /media/ first (better_site.media).
    urlpatterns.append(
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", serve_media, name="media")
    )
