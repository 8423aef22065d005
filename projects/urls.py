from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.ReleaseListView.as_view(), name="release-list"),
    path("news/<slug:slug>/", views.ReleaseDetailView.as_view(), name="release-detail"),
]
