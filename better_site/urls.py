from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from events.api import EventListApi

# Language-neutral addresses: machine-readable data (the language is a parameter).
urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/events/", EventListApi.as_view(), name="api-events"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("events/", include("events.urls")),
    path("practices/", include("practices.urls")),
    path("", include("projects.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    # Uploaded media in development only; production serves media from its web server.
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
