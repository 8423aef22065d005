"""The events' search indexes without GIN's pending list, as projects' 0009 does for releases."""

import importlib

from django.db import migrations

releases = importlib.import_module("projects.migrations.0009_search_index_without_pending_list")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_kind_order_index"),
        ("projects", "0009_search_index_without_pending_list"),
    ]

    operations = [
        migrations.RunPython(releases.index_options("events_event", "off"), releases.index_options("events_event", "on")),
    ]
