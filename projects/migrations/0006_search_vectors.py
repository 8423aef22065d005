"""Full-text search on an index (PostgreSQL only): a tsvector per language on each release, kept by a
trigger, with a GIN index each; words are stored without accents (unaccent), so "Nyiregyhaza" finds
"Nyíregyháza".

A trigger rather than a generated column: PostgreSQL refuses to change the type of a column that a
generated column reads, and a later migration may well widen a title. Other databases (SQLite for
`make run`) get nothing here: better_site.search falls back to plain matching there.
"""

from django.db import migrations

# The language's text search configuration; Estonian has none in PostgreSQL.
CONFIGS = {"en": "english", "et": "simple", "hu": "hungarian", "it": "italian", "sv": "swedish"}
TABLE = "projects_pressrelease"
# (field, weight): the field as the visitor sees it: the language the release is shown in.
FIELDS = (("title", "A"), ("lead", "B"), ("body", "C"))

CREATE_UNACCENT = """
CREATE EXTENSION IF NOT EXISTS unaccent;
-- unaccent() is only STABLE (its dictionary could change); named explicitly it can be declared
-- IMMUTABLE, which an expression index or a generated column needs.
CREATE OR REPLACE FUNCTION public.better_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
"""


def shown_language_sql(record, language):
    """The language a release is shown in on a page in `language` (PressRelease.shown_language): that
    language where its title and body are written, otherwise English, otherwise its original."""
    return (
        f"CASE WHEN {record}.title_{language} > '' AND {record}.body_{language} > '' THEN '{language}'"
        f" WHEN {record}.title_en > '' AND {record}.body_en > '' THEN 'en' ELSE {record}.original_language END"
    )


def vector_sql(record, language, fields, config, whole=False):
    """The searched text of `language`. `whole`: the text shown is one language's (a release's, see
    shown_language_sql); otherwise each field falls back to English by itself (an event's)."""
    parts = []
    for field, weight in fields:
        text = f"coalesce(nullif({record}.{field}_{language}, ''), {record}.{field}_en, '')"
        if language == "en":
            text = f"coalesce({record}.{field}_en, '')"
        if whole:
            cases = " ".join(f"WHEN '{code}' THEN {record}.{field}_{code}" for code in CONFIGS)
            text = f"coalesce(CASE {shown_language_sql(record, language)} {cases} END, '')"
        parts.append(f"setweight(to_tsvector('{config}'::regconfig, public.better_unaccent({text})), '{weight}')")
    return " || ".join(parts)


def forward_sql(table, fields, configs, whole=False):
    assignments = "\n".join(
        f"    NEW.search_{code} := {vector_sql('NEW', code, fields, config, whole)};"
        for code, config in configs.items()
    )
    indexes = "\n".join(
        f"CREATE INDEX {table}_search_{code}_gin ON {table} USING gin (search_{code});" for code in configs
    )
    watched = ", ".join(f"{field}_{code}" for field, _weight in fields for code in configs)
    if whole:
        watched += ", original_language"
    return trigger_sql(table, configs, assignments, f"OF {watched}") + indexes + "\n"


def trigger_sql(table, configs, assignments, columns=""):
    """The vector columns, the trigger that sets them (`assignments`) on an insert and on an update (of
    `columns`, "OF a, b", or of any), and the rows already there set."""
    added = ", ".join(f"ADD COLUMN search_{code} tsvector" for code in configs)
    return f"""
ALTER TABLE {table} {added};
CREATE FUNCTION {table}_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
{assignments}
    RETURN NEW;
END $$;
CREATE TRIGGER {table}_search BEFORE INSERT OR UPDATE {columns} ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_search_update();
-- The rows already there: an update runs the trigger.
UPDATE {table} SET title_en = title_en;
"""  # noqa: S608 - names from the migrations, nothing anyone typed


def backward_sql(table, configs):
    columns = ", ".join(f"DROP COLUMN search_{code}" for code in configs)
    return f"""
DROP TRIGGER {table}_search ON {table};
DROP FUNCTION {table}_search_update();
ALTER TABLE {table} {columns};
"""


def postgresql_only(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_list_indexes"),
    ]

    operations = [
        migrations.RunPython(
            postgresql_only(CREATE_UNACCENT + forward_sql(TABLE, FIELDS, CONFIGS, whole=True)),
            # The extension and better_unaccent stay: other tables' indexes may use them.
            postgresql_only(backward_sql(TABLE, CONFIGS)),
        ),
    ]
