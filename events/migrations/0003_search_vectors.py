"""Full-text search on an index for events (PostgreSQL only), like projects' 0006_search_vectors:
a tsvector per language kept by a trigger, words without accents, a GIN index each."""

import importlib

from django.db import migrations

releases = importlib.import_module("projects.migrations.0006_search_vectors")

TABLE = "events_event"
FIELDS = (("title", "A"), ("theme", "B"), ("description", "C"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_list_indexes"),
        ("projects", "0006_search_vectors"),
    ]

    operations = [
        migrations.RunPython(
            releases.postgresql_only(releases.forward_sql(TABLE, FIELDS, releases.CONFIGS)),
            releases.postgresql_only(releases.backward_sql(TABLE, releases.CONFIGS)),
        ),
    ]
