"""Pieces of the public list filters (events, good practices) that every app's filter shares."""

import django_filters
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from projects.models import Partner


def partner_filter(**kwargs):
    """A partner city chosen by its slug (`?city=tartu`); an unknown slug is a form error that names it."""
    return django_filters.ModelChoiceFilter(
        queryset=Partner.objects.all(),
        to_field_name="slug",
        error_messages={"invalid_choice": _("There is no partner city “%(value)s”.")},
        **kwargs,
    )


def error_messages(filterset):
    """The form's errors as {parameter: [messages]} for a 400 answer."""
    return {field: [str(message) for message in messages] for field, messages in filterset.form.errors.items()}


def filter_query(data, names):
    """The parameters among `names` actually given, as a query string: the same selection for the
    calendar and JSON links, without the page number or empty fields."""
    query = QueryDict(mutable=True)
    for name in names:
        value = data.get(name)
        if value:
            query[name] = value
    return query
