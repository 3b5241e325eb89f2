"""PostgreSQL only: the unaccent and pg_trgm extensions that Wagtail's fuzzy matching uses.

Wagtail offers these as commands (enable_unaccent, enable_trigram); as a migration every new
database, including each test database, has them. unaccent must come first. SQLite and other
databases are left untouched.
"""

from django.db import migrations

EXTENSIONS = ("unaccent", "pg_trgm")


def enable(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in EXTENSIONS:
        schema_editor.execute(f"CREATE EXTENSION IF NOT EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    # Extensions outlive this app on purpose: other schema (indexes, other apps) may use them.
    operations = [migrations.RunPython(enable, migrations.RunPython.noop, elidable=False)]
