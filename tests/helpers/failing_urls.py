"""A URLconf with a view that fails, for the tests of what a 500 leaves in the logs."""

from django.urls import path

from better_site.urls import urlpatterns as site_urlpatterns


class ReportCrash(Exception):
    pass


def crashing_view(request):
    raise ReportCrash("the report generator broke on row 17")


urlpatterns = [
    path("crash/", crashing_view),
    *site_urlpatterns,
]
