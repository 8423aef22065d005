from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
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
