from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="event-list"),
    # Before the detail pattern; a slug has no dot, so the two cannot clash anyway.
    path("calendar.ics", views.EventCalendarView.as_view(), name="event-calendar"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("<slug:slug>/event.ics", views.EventIcsView.as_view(), name="event-ics"),
]
