from django.urls import path, register_converter

from . import views
from .feeds import ReleaseAtomFeed, ReleaseRssFeed
from .web.conditional import news_conditional, release_conditional

app_name = "projects"


class SitePageKeyConverter:
    """Only the keys of SitePage match, so the pattern takes no other address of the site."""

    regex = "|".join(views.SitePage.Key.values)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(SitePageKeyConverter, "sitepage")

urlpatterns = [
    # Conditional GET (304) wraps the public views here, not their classes: the admin's preview reuses them.
    path("", news_conditional(views.HomeView.as_view()), name="home"),
    path("news/", news_conditional(views.ReleaseListView.as_view()), name="release-list"),
    # Before news/<slug>/, which would otherwise take "feed" for a release.
    path("news/feed/", news_conditional(ReleaseRssFeed()), name="release-feed"),
    path("news/atom/", news_conditional(ReleaseAtomFeed()), name="release-atom"),
    path("news/<slug:slug>/", release_conditional(views.ReleaseDetailView.as_view()), name="release-detail"),
    path("partners/", views.PartnerListView.as_view(), name="partner-list"),
    path("partners/<slug:slug>/", views.PartnerDetailView.as_view(), name="partner-detail"),
    path("about/", views.AboutView.as_view(), name="about"),
    # The footer's pages, each at a readable address of its own: /en/accessibility/, /en/privacy/...
    path("<sitepage:key>/", views.SitePageView.as_view(), name="site-page"),
]
