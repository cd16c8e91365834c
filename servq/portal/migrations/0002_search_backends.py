"""The search index's database-specific parts (see servq/portal/search.py).

SQLite: an FTS5 trigram table mirroring portal_searchdocument.haystack, kept in step by
triggers (so every write to the index, in any transaction, updates it).
PostgreSQL: the pg_trgm extension and a GIN trigram index on haystack.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE portal_search_fts USING fts5("
    "haystack, content='portal_searchdocument', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER portal_search_fts_insert AFTER INSERT ON portal_searchdocument BEGIN "
    "INSERT INTO portal_search_fts(rowid, haystack) VALUES (new.id, new.haystack); END",
    "CREATE TRIGGER portal_search_fts_delete AFTER DELETE ON portal_searchdocument BEGIN "
    "INSERT INTO portal_search_fts(portal_search_fts, rowid, haystack) "
    "VALUES ('delete', old.id, old.haystack); END",
    "CREATE TRIGGER portal_search_fts_update AFTER UPDATE OF haystack ON portal_searchdocument "
    "BEGIN INSERT INTO portal_search_fts(portal_search_fts, rowid, haystack) "
    "VALUES ('delete', old.id, old.haystack); "
    "INSERT INTO portal_search_fts(rowid, haystack) VALUES (new.id, new.haystack); END",
    "INSERT INTO portal_search_fts(portal_search_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS portal_search_fts_update",
    "DROP TRIGGER IF EXISTS portal_search_fts_delete",
    "DROP TRIGGER IF EXISTS portal_search_fts_insert",
    "DROP TABLE IF EXISTS portal_search_fts",
]
PG_INDEX = ("CREATE INDEX IF NOT EXISTS portal_search_haystack_trgm "
            "ON portal_searchdocument USING gin (haystack gin_trgm_ops)")

PG_TRGM_MISSING = (
    "servq's search needs the PostgreSQL extension pg_trgm, and the database role {role!r} "
    "may not create it ({error}). Ask a superuser to run, in database {db!r}:\n"
    "    CREATE EXTENSION pg_trgm;\n"
    "(on Debian the extension ships with the postgresql-contrib files of the server package), "
    "then run `manage.py migrate` again."
)


def ensure_pg_trgm(cursor, connection) -> None:
    cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
    if cursor.fetchone():
        return
    cursor.execute("SAVEPOINT servq_pg_trgm")
    try:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception as error:  # insufficient privilege, or the extension is not installed
        cursor.execute("ROLLBACK TO SAVEPOINT servq_pg_trgm")
        raise RuntimeError(PG_TRGM_MISSING.format(
            role=connection.settings_dict.get("USER") or "(default)",
            db=connection.settings_dict.get("NAME"),
            error=str(error).strip().splitlines()[0],
        )) from error
    cursor.execute("RELEASE SAVEPOINT servq_pg_trgm")


def forward(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for statement in SQLITE_FORWARD:
                cursor.execute(statement)
        elif connection.vendor == "postgresql":
            ensure_pg_trgm(cursor, connection)
            cursor.execute(PG_INDEX)


def backward(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for statement in SQLITE_BACKWARD:
                cursor.execute(statement)
        elif connection.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS portal_search_haystack_trgm")


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
