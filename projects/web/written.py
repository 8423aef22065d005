"""Queries a page runs again and again with other values, their SQL written once per process.

The ORM takes about as long to put a query together as the database takes to answer it: a millisecond
for an event page's query with its subqueries, on every request. So such a query is written once, by
the ORM, with stand-ins for a request's own values, and then run with those values, bound as
parameters as the ORM binds them:
- TEXT_STAND_IN stands for a text (a search's words, an address's slug);
- key_stand_ins(position, count) for a list of keys (integers in a range no real key falls in);
- the query's one time, if any (a release's publication is due by now), is the time of the run.
"""

import datetime
import functools

from django.db import connections
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language

TEXT_STAND_IN = "\x1fbetter stand-in\x1f"
# Keys stand-ins of list `position` are -(position + 1) × KEY_RANGE - index.
KEY_RANGE = 1_000_000


def key_stand_ins(position, count):
    return [-(position + 1) * KEY_RANGE - index for index in range(count)]


def write(queryset, *, has_text=True):
    """(SQL, parameters) of a queryset written with stand-ins. A query with another time than "now", or
    without its text stand-in, would be run with wrong values: it is refused here, when written."""
    sql, params = queryset.query.sql_with_params()
    if (TEXT_STAND_IN in params) != has_text or sum(isinstance(param, datetime.datetime) for param in params) > 1:
        raise AssertionError(f"unexpected parameters for a query written once: {params}")
    return sql, tuple(params)


def bind(params, text=None, keys=()):
    """The parameters of SQL written with stand-ins, with this run's text, lists of keys and time."""
    now = timezone.now()

    def value(param):
        if param == TEXT_STAND_IN:
            return text
        if isinstance(param, datetime.datetime):
            return now
        if type(param) is int and param <= -KEY_RANGE:
            position, index = divmod(-param, KEY_RANGE)
            return keys[position - 1][index]
        return param

    return [value(param) for param in params]


def run(written, text=None, keys=()):
    """The rows (tuples) of written SQL, run with this run's values."""
    return _execute(written, text, keys)[1]


def _execute(written, text, keys):
    """(column names, rows) of written SQL, run with this run's values."""
    sql, params = written
    with connections["default"].cursor() as cursor:
        cursor.execute(sql, bind(params, text, keys))
        return tuple(column.name for column in cursor.description), cursor.fetchall()


def instances(model, written, text=None, keys=()):
    """The model's rows of written SQL, as instances. The SQL selects model columns in the model's order
    (a queryset's, some deferred), then any annotations, which become attributes. Read by a plain
    cursor: a RawQuerySet would work out the same mapping again on every run, which takes longer than
    the query itself."""
    columns, rows = _execute(written, text, keys)
    attnames, annotations, converters = _shape(model, columns)
    count = len(attnames)
    connection = connections["default"]
    objects = []
    for row in rows:
        values = list(row)
        for index, functions in converters:
            for function in functions:
                values[index] = function(values[index], None, connection)
        obj = model.from_db("default", attnames, values[:count])
        for name, value in zip(annotations, values[count:], strict=True):
            setattr(obj, name, value)
        objects.append(obj)
    return objects


@functools.lru_cache(maxsize=256)
def _shape(model, columns):
    """(attnames of the model's columns, names of the annotations after them, field converters by
    position) of a result with these columns."""
    fields = {field.column: field for field in model._meta.concrete_fields}
    count = 0
    while count < len(columns) and columns[count] in fields:
        count += 1
    selected = [fields[column] for column in columns[:count]]
    order = [field for field in model._meta.concrete_fields if field in selected]
    if selected != order or model._meta.pk not in selected:
        raise AssertionError(f"written SQL must select {model.__name__}'s columns in order, its key among them")
    connection = connections["default"]
    converters = tuple(
        (index, functions)
        for index, field in enumerate(selected)
        if (functions := tuple(field.get_db_converters(connection)))
    )
    return tuple(field.attname for field in selected), columns[count:], converters


def found(model, written, text=None, keys=()):
    """The one row of written SQL (a page's object by its address), or Http404."""
    rows = instances(model, written, text, keys)
    if not rows:
        # For the logs and the debug page only: the 404 page says its own words to the visitor.
        raise Http404(f"No {model._meta.model_name} at this address")
    return rows[0]


_objects_sql = {}


class WrittenObjectMixin:
    """For a DetailView found by its slug: on PostgreSQL its object is read by the SQL of
    written_queryset().filter(slug=…), written once per process, view and language, rather than put
    together by the ORM on every request. written_queryset() (by default get_queryset()) must not
    depend on the request, and joins nothing (select_related): its related rows come from elsewhere."""

    def written_queryset(self):
        return self.get_queryset()

    def get_object(self, queryset=None):
        slug = self.kwargs.get(self.slug_url_kwarg)
        if queryset is not None or slug is None or connections["default"].vendor != "postgresql":
            return super().get_object(queryset)
        key = (type(self), get_language())
        if key not in _objects_sql:
            objects = self.written_queryset()
            _objects_sql[key] = objects.model, write(objects.filter(**{self.get_slug_field(): TEXT_STAND_IN}))
        model, sql = _objects_sql[key]
        return found(model, sql, slug)
