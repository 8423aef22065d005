"""The benchmark's floor: what Django itself costs on this machine, served like the site (gunicorn,
2 sync workers). /bare is a bare HttpResponse; /template renders a 20-item list through a base
template. Every page of the site is read as a share of these, so any machine can read the figures.
"""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

TEMPLATES = {
    "base.html": "<!doctype html><html lang=en><head><title>{% block title %}{% endblock %}</title></head>"
    "<body><header><nav><a href=/>Home</a> <a href=/news/>News</a></nav></header>"
    "<main>{% block main %}{% endblock %}</main><footer>Floor</footer></body></html>",
    "list.html": "{% extends 'base.html' %}{% block title %}Items{% endblock %}{% block main %}<ul>"
    "{% for item in items %}<li><a href='/items/{{ item.slug }}/'>{{ item.title }}</a> "
    "<time>{{ item.day|date:'j F Y' }}</time><p>{{ item.lead|truncatewords:20 }}</p></li>{% endfor %}"
    "</ul>{% endblock %}",
}

settings.configure(
    DEBUG=False,
    SECRET_KEY="floor-only",  # noqa: S106 - a benchmark app serving no data
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    USE_TZ=True,
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)]},
        }
    ],
)
django.setup()

import datetime  # noqa: E402

ITEMS = [
    {
        "slug": f"item-{number}",
        "title": f"Item number {number} of the list",
        "day": datetime.date(2021, 1, 1) + datetime.timedelta(days=number),
        "lead": "A short lead that says what the item is about, as a teaser on a list page does. " * 2,
    }
    for number in range(20)
]


def bare(request):
    return HttpResponse("Hello")


def template(request):
    return render(request, "list.html", {"items": ITEMS})


urlpatterns = [path("bare", bare), path("template", template)]
application = get_wsgi_application()
