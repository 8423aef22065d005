"""The releases' search indexes (0006_search_vectors) without GIN's pending list.

With `fastupdate` on, new rows wait in a pending list that every search reads through until a vacuum
merges it; while it is long the planner rightly finds the index costly and reads the whole table
instead. Releases are written a few a day, so each goes into the index at once.
"""

from django.db import migrations

CONFIGS = ("en", "et", "hu", "it", "sv")


def index_options(table, fastupdate):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for code in CONFIGS:
            index = f"{table}_search_{code}_gin"
            schema_editor.execute(f"ALTER INDEX {index} SET (fastupdate = {fastupdate})")
            if fastupdate == "off":
                # What is already waiting goes into the index now.
                schema_editor.execute(f"SELECT gin_clean_pending_list('{index}'::regclass)")

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0008_site_pages"),
    ]

    operations = [
        migrations.RunPython(
            index_options("projects_pressrelease", "off"), index_options("projects_pressrelease", "on")
        ),
    ]
