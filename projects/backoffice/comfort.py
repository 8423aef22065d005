"""Editing comfort in the admin: partner autocomplete, a phase filter for dated lists, and an admin
that speaks its user's language after login.

`EditingComfortMixin` goes before the admin's base class (releases, events, practices):

- Every choice of one partner city (author, host, owner, importer) is an autocomplete, like the
  choices of events and practices already are. Not for a coordinator's own city field, though:
  projects.backoffice.scope offers them their city only, and an autocomplete would list the others.
- `phase_date_field = "published_at"` adds a "phase" list filter on that date.

`follow_user_language` wraps AdminSite.login (hooked in projects/admin.py). The admin lives under
each language prefix (/et/admin/, /it/admin/, …) and speaks the language of its address. A
coordinator who logs in without asking for a particular page (no `next`, or the admin's default,
its index, in any language) lands on /<their city's language>/admin/; a page they asked for (a
`next` anywhere else) is kept, and so is the language of any address they open afterwards. Users
without a city (project editors, superusers) stay in the language they logged in with.
"""

import datetime
import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import admin
from django.db.models import ForeignKey
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

from projects.models import Partner, Phase

from .permissions import coordinator_partner, is_project_editor

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class PhaseDateFilter(admin.SimpleListFilter):
    """Rows whose date (the admin's `phase_date_field`) falls within a phase of the project."""

    title = _("phase")
    parameter_name = "phase"
    # A phase deleted since the address was bookmarked: an empty list, not a refusal (admin_input).
    unknown_value_lists_nothing = True

    def lookups(self, request, model_admin):
        return [(str(phase.pk), str(phase)) for phase in Phase.objects.order_by("number")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        phase = Phase.objects.filter(pk=self.value()).first() if self.value().isdigit() else None
        if phase is None:
            return queryset.none()
        field = self.model_admin_date_field
        # Dates in the site's time zone, end month included to its last day.
        return queryset.filter(
            **{
                f"{field}__date__gte": phase.start_month,
                f"{field}__date__lt": phase.end_date + datetime.timedelta(days=1),
            }
        )


class EditingComfortMixin:
    phase_date_field = None

    def get_autocomplete_fields(self, request):
        fields = list(super().get_autocomplete_fields(request))
        own_city_field = (getattr(self, "city_field", None) or "").split("__")[0]
        restricted = not is_project_editor(request.user)
        for field in self.model._meta.get_fields():
            if not isinstance(field, ForeignKey) or field.remote_field.model is not Partner:
                continue
            if restricted and field.name == own_city_field:
                continue
            if field.name not in fields:
                fields.append(field.name)
        return fields

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if self.phase_date_field:
            filters.append(type("PhaseFilter", (PhaseDateFilter,), {"model_admin_date_field": self.phase_date_field}))
        return filters


def user_admin_language(user):
    """The language the admin should speak to `user` by default, or None for no preference."""
    partner = coordinator_partner(user)
    return partner.language if partner is not None else None


def _admin_index(site_name, language):
    with override(language):
        return reverse(f"{site_name}:index")


def _is_default_landing(site_name, url):
    """True where the login redirects to no page of the user's choosing."""
    parts = urlsplit(url)
    if parts.query or parts.fragment:
        return False
    defaults = {_admin_index(site_name, code) for code in LANGUAGE_CODES}
    defaults.add(resolve_url(settings.LOGIN_REDIRECT_URL))  # a POST without any `next`
    return parts.path in defaults


def follow_user_language(login_view, site_name="admin"):
    """Wraps AdminSite.login: after a successful login to the default landing, go to the user's language."""

    @functools.wraps(login_view)
    def login(request, extra_context=None):
        response = login_view(request, extra_context)
        if request.method != "POST" or response.status_code != 302 or not request.user.is_authenticated:
            return response
        # Others keep the language of the address they logged in at.
        language = user_admin_language(request.user) or get_language()
        if _is_default_landing(site_name, response["Location"]):
            response["Location"] = _admin_index(site_name, language)
        return response

    return login
