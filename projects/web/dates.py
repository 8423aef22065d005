"""Dates as the public pages write them ("17 July 2021", "július 2021"), each written once per process.

Django's date_format() works through the format string letter by letter, with a translation lookup
for each month name: a list of twenty events asks for forty of them. A day's text depends only on the
day, the format and the language, and the pages show a few thousand days at most, so each is kept.
"""

import datetime
import functools

from django.utils import formats
from django.utils.translation import get_language


def format_day(day, format_name="DATE_FORMAT"):
    """formats.date_format() of a date (not a datetime, whose text would depend on its time zone)."""
    if type(day) is not datetime.date:  # a datetime is a date too
        raise TypeError(f"format_day takes a date, not {type(day).__name__}")
    return _formatted(day, format_name, get_language())


@functools.lru_cache(maxsize=8192)
def _formatted(day, format_name, language):
    # `language` is the active one: it is part of the key, not passed on.
    return formats.date_format(day, format_name)
