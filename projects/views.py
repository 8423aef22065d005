from django.views.generic import DetailView, ListView, TemplateView

from .models import PressRelease


class HomeView(TemplateView):
    template_name = "projects/home.html"


class ReleaseListView(ListView):
    queryset = PressRelease.objects.published()


class ReleaseDetailView(DetailView):
    queryset = PressRelease.objects.published()
