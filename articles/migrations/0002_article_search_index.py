"""A GIN index for full-text search over stories, on PostgreSQL only.

The index is built on the same weighted expression that articles.search
queries (headline A, standfirst B, body C, "english" configuration), so the
planner can use it. Other databases have no such index and search without it.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS article_search_vector ON articles_article USING GIN (("
    "setweight(to_tsvector('english'::regconfig, COALESCE(headline, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE(standfirst, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE(body, '')), 'C')))"
)
DROP = "DROP INDEX IF EXISTS article_search_vector"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
