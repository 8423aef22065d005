"""Full-text search on kept vectors for good practices too (PostgreSQL only), like projects'
0006_search_vectors: a tsvector per language kept by a trigger, words without accents.

A practice is also found by its owner city's and its theme's names, so its vector holds them (weight
D), and renaming a city or a theme renews the vectors of its practices. No GIN index: a few dozen
practices are read faster whole than through one.
"""

import importlib

from django.db import migrations

releases = importlib.import_module("projects.migrations.0006_search_vectors")

TABLE = "practices_goodpractice"
FIELDS = (
    ("title", "A"),
    ("summary", "B"),
    ("description", "C"),
    ("evidence_of_success", "C"),
    ("potential_for_transfer", "C"),
)
# (table, key column of the practice, translated name column): names of rows a practice points to.
NAMES = (("projects_partner", "owner_id", "city"), ("practices_theme", "theme_id", "name"))


def name_sql(table, key, column, language):
    """The row's name in `language`, falling back to English as the pages do."""
    shown = f"{column}_en" if language == "en" else f"coalesce(nullif({column}_{language}, ''), {column}_en)"
    return f"(SELECT {shown} FROM {table} WHERE id = NEW.{key})"  # noqa: S608 - names from this file


def vector_sql(code, config):
    names = " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig,"
        f" public.better_unaccent(coalesce({name_sql(table, key, column, code)}, ''))), 'D')"
        for table, key, column in NAMES
    )
    return f"{releases.vector_sql('NEW', code, FIELDS, config)} || {names}"


def forward_sql():
    configs = releases.CONFIGS
    assignments = "\n".join(f"    NEW.search_{code} := {vector_sql(code, config)};" for code, config in configs.items())
    # A city or a theme renamed: its practices' vectors again (any update runs the practices' trigger).
    renamed = "\n".join(
        f"""CREATE FUNCTION {TABLE}_search_{key}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {TABLE} SET id = id WHERE {key} = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER {TABLE}_search_names AFTER UPDATE OF {", ".join(f"{column}_{code}" for code in configs)} ON {table}
    FOR EACH ROW EXECUTE FUNCTION {TABLE}_search_{key}();"""  # noqa: S608 - names from this file
        for table, key, column in NAMES
    )
    return releases.trigger_sql(TABLE, configs, assignments) + renamed


def backward_sql():
    columns = ", ".join(f"DROP COLUMN search_{code}" for code in releases.CONFIGS)
    triggers = "\n".join(
        f"DROP TRIGGER {TABLE}_search_names ON {table}; DROP FUNCTION {TABLE}_search_{key}();"
        for table, key, _column in NAMES
    )
    return f"""
{triggers}
DROP TRIGGER {TABLE}_search ON {TABLE};
DROP FUNCTION {TABLE}_search_update();
ALTER TABLE {TABLE} {columns};
"""


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0004_pdf_document"),
        ("projects", "0009_search_index_without_pending_list"),
    ]

    operations = [
        migrations.RunPython(releases.postgresql_only(forward_sql()), releases.postgresql_only(backward_sql())),
    ]
