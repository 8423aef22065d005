"""Pieces of the public list filters (events, good practices) that every app's filter shares."""

import copy
import functools

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from projects.models import Partner

from .lookups import site_partners


class PartnerChoiceField(django_filters.fields.ModelChoiceField):
    """A partner city by its slug. With the page's `request` (set by PartnerFiltersMixin), the cities
    come from the worker's copy of the current content version (projects.web.lookups), so a filtered
    page does not ask the database which city `?city=tartu` is on every request."""

    request = None

    def to_python(self, value):
        if self.request is None or value in self.empty_values:
            return super().to_python(value)
        self.validate_no_null_characters(value)
        partner = next((city for city in site_partners(self.request).values() if city.slug == str(value)), None)
        if partner is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})
        return partner


class PartnerFilter(django_filters.ModelChoiceFilter):
    field_class = PartnerChoiceField


class PartnerFiltersMixin:
    """For a public FilterSet with partner_filter()s: hands them the page's request (see
    PartnerChoiceField), and makes its form class once per FilterSet class (_form_class)."""

    def get_form_class(self):
        return _form_class(type(self))

    @property
    def form(self):
        form = super().form
        for field in form.fields.values():
            if isinstance(field, PartnerChoiceField):
                field.request = self.request
        return form


@functools.cache
def _form_class(filterset_class):
    """The filters' form, as django-filter makes it, but once: its fields are copied into each form by
    Django anyway, so a class and a field per filter need not be made again on every request. From
    copies of the filters: the class's own would otherwise carry their fields into every copy."""
    filters = copy.deepcopy(filterset_class.base_filters)
    fields = {name: filter_.field for name, filter_ in filters.items()}
    return type(f"{filterset_class.__name__}Form", (filterset_class._meta.form,), fields)


def partner_filter(**kwargs):
    """A partner city chosen by its slug (`?city=tartu`); an unknown slug is a form error that names it."""
    return PartnerFilter(
        queryset=Partner.objects.all(),
        to_field_name="slug",
        error_messages={"invalid_choice": _("There is no partner city “%(value)s”.")},
        **kwargs,
    )


def repeated_message(name, count):
    return gettext("Give “%(name)s” once: it was given %(count)s times.") % {"name": name, "count": count}


def repeated_parameters(query, names):
    """{parameter: [reason]} for each of `names` given more than once (?city=tartu&city=genoa): none of
    the public filters takes several values, and quietly using the last one would show a list the
    address does not describe."""
    counts = {name: len(query.getlist(name)) for name in names} if hasattr(query, "getlist") else {}
    return {name: [repeated_message(name, count)] for name, count in counts.items() if count > 1}


class StrictFilterForm(forms.Form):
    """The filter form of a public list: a value repeated in the address is an error, and an unknown
    choice names the choices there are (so ?kind=nope says which kinds exist)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
                values = ", ".join(str(value) for value, _label in field.choices if value)
                # "%(value)s" is kept for the field itself to fill in with the value given.
                field.error_messages["invalid_choice"] = gettext(
                    "There is no choice “%(value)s” here. Choose one of: %(choices)s."
                ) % {"value": "%(value)s", "choices": values}

    def clean(self):
        cleaned = super().clean()
        for name, messages in repeated_parameters(self.data, self.fields).items():
            self.add_error(name, messages[0])
        return cleaned


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
