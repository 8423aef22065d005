"""Query parameters of the admin's lists and autocompletes checked before Django reads them.

Django's change list turns a filter value straight into SQL: a NUL byte (PostgreSQL refuses it), a
12-digit year (beyond Python's dates) or a number beyond 64 bits ends in a 500, and a value its
filter cannot read sends the user back to the full list without a word. Here every admin list, the
site's and the libraries' (users, groups, devices, login attempts), gets the same treatment: the
parameters a list cannot use are taken out and a message names each; the list shows with the rest.
An autocomplete search with a NUL byte answers 400.
"""

from django.contrib import messages
from django.contrib.admin import SimpleListFilter
from django.contrib.admin.options import IS_POPUP_VAR, TO_FIELD_VAR
from django.contrib.admin.utils import NotRelationField, get_fields_from_path
from django.contrib.admin.views.main import ALL_VAR, ERROR_FLAG, IS_FACETS_VAR, ORDER_VAR, PAGE_VAR, SEARCH_VAR
from django.core.exceptions import BadRequest, FieldDoesNotExist, ValidationError
from django.http import HttpResponseRedirect
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Read by the change list itself, not by a filter: only NUL bytes are refused in these.
LIST_PARAMETERS = {ALL_VAR, ORDER_VAR, PAGE_VAR, SEARCH_VAR, IS_FACETS_VAR, IS_POPUP_VAR, TO_FIELD_VAR, ERROR_FLAG}
VALUE_LOOKUPS = {"exact", "iexact", "gt", "gte", "lt", "lte", "contains", "icontains", "startswith", "istartswith"}
DATE_PARTS = {"year": (1, 9999), "month": (1, 12), "day": (1, 31)}
BIGINT = 2**63


class AdminInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace != "admin":
            return None
        if match.url_name == "autocomplete":
            if any("\x00" in key or "\x00" in value for key, value in request.GET.items()):
                raise BadRequest(gettext("The search may not contain the control character NUL."))
            return None
        model_admin = getattr(view_func, "model_admin", None)
        if model_admin is None or not match.url_name.endswith("_changelist") or request.method != "GET":
            return None
        refused = refused_parameters(model_admin, request)
        if not refused:
            return None
        for name, value, reason in refused:
            shown = Truncator(value.replace("\x00", "\\x00")).chars(40)
            messages.error(
                request,
                _("The filter “%(name)s” cannot use the value “%(value)s” (%(reason)s), so it was left out.")
                % {"name": Truncator(name.replace("\x00", "\\x00")).chars(60), "value": shown, "reason": reason},
            )
        kept = [(key, value) for key, value in request.GET.items() if key not in {name for name, _v, _r in refused}]
        kept = [(key, value) for key, value in kept if key != ERROR_FLAG]
        return HttpResponseRedirect(f"{request.path}?{urlencode(kept)}" if kept else request.path)


def refused_parameters(model_admin, request):
    """[(name, value, reason)] for the list's query parameters that it cannot use."""
    simple_filters = _simple_filters(model_admin, request)
    refused = []
    for name, value in request.GET.items():
        if "\x00" in name or "\x00" in value:
            refused.append((name, value, gettext("it contains the control character NUL")))
        elif name in LIST_PARAMETERS:
            continue
        elif name in simple_filters:
            if simple_filters[name] is not None and value not in simple_filters[name]:
                refused.append((name, value, gettext("not one of the filter's choices")))
        else:
            reason = _field_lookup_problem(model_admin.model, name, value)
            if reason:
                refused.append((name, value, reason))
    return refused


def _simple_filters(model_admin, request):
    """{parameter: allowed values} of the list's own filters (SimpleListFilter subclasses); None for
    those that answer an unknown value with an empty list themselves."""
    found = {}
    for entry in model_admin.get_list_filter(request):
        if isinstance(entry, type) and issubclass(entry, SimpleListFilter):
            if getattr(entry, "unknown_value_lists_nothing", False):
                found[entry.parameter_name] = None
                continue
            spec = entry(request, {}, model_admin.model, model_admin)
            found[spec.parameter_name] = {str(value) for value, _label in spec.lookup_choices}
    return found


def _field_lookup_problem(model, name, value):
    """Why `value` cannot filter `model` by the lookup `name` (e.g. "status__exact"), or None."""
    parts = name.split("__")
    lookup = "exact"
    if len(parts) > 1 and parts[-1] in VALUE_LOOKUPS | set(DATE_PARTS) | {"in", "isnull"}:
        lookup = parts.pop()
    try:
        field = get_fields_from_path(model, "__".join(parts))[-1]
    except (FieldDoesNotExist, NotRelationField):
        return gettext("there is no such filter")
    if field.is_relation:
        field = field.related_model._meta.pk
    if lookup == "isnull":
        return None if value in {"0", "1", "True", "False", "true", "false"} else gettext("expected 0 or 1")
    if lookup in DATE_PARTS:
        low, high = DATE_PARTS[lookup]
        if not (value.isascii() and value.isdigit() and len(value) <= 4 and low <= int(value) <= high):
            return gettext("expected a number from %(low)s to %(high)s") % {"low": low, "high": high}
        return None
    values = value.split(",") if lookup == "in" else [value]
    for each in values:
        problem = _value_problem(field, each, exact=lookup in {"exact", "iexact", "in"})
        if problem:
            return problem
    return None


def _value_problem(field, value, exact):
    try:
        python = field.to_python(value)
    except (ValidationError, ValueError, OverflowError):
        return gettext("not a valid value for %(field)s") % {"field": field.verbose_name}
    if isinstance(python, int) and not isinstance(python, bool) and not -BIGINT <= python < BIGINT:
        return gettext("the number is too large")
    if exact and field.choices and python not in {key for key, _label in field.flatchoices}:
        return gettext("not one of the filter's choices")
    return None
