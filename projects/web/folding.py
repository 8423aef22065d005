"""Text folded as searches compare it: lower case and without accents, "Nyíregyháza" → "nyiregyhaza".

PostgreSQL folds with unaccent (better_unaccent, made by projects' search migration). SQLite (`make
run`) has nothing of the kind, so each of its connections gets fold() as an SQL function of its own
(ProjectsConfig.ready): a search without accents finds the accented words there too.
"""

import re
import unicodedata

from django.db.models import Func, TextField

COMBINING_MARKS = re.compile("[\u0300-\u036f]")
SQLITE_FUNCTION = "better_fold"


def fold(text):
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))


class Folded(Func):
    """An expression's text folded (see the module's docstring), for comparing with fold()'s. On
    another database, in lower case only."""

    template = "lower(%(expressions)s)"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="lower(public.better_unaccent(%(expressions)s))")

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template=f"{SQLITE_FUNCTION}(%(expressions)s)")


def add_sqlite_fold(sender, connection, **kwargs):
    """For the connection_created signal: fold() as an SQL function of each SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            SQLITE_FUNCTION, 1, lambda text: None if text is None else fold(text), deterministic=True
        )
