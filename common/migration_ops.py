"""Migration operations the apps share."""

from django.db import migrations


def on_postgresql(create, drop):
    """Run the SQL statements ``create`` on PostgreSQL (``drop`` when going back).

    For what only PostgreSQL has (full-text search, trigram indexes); other
    databases get nothing, and the apps fall back there.
    """

    def run(statements):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                for statement in statements:
                    schema_editor.execute(statement)

        return operation

    return migrations.RunPython(run(create), run(drop), elidable=False)
