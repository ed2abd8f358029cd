"""Trigram indexes for finding people by part of a name or alias, on PostgreSQL only.

Search looks people up with ``Person.objects.matching`` (a name containing the
words, without regard to case, or an alias key containing them). Without an
index that reads all 50,000 people for every search; trigram GIN indexes
answer it for three letters or more. Shorter queries still read the table:
they have no trigram to look up. Other databases get nothing here.
"""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # The very expression Django's icontains compares: UPPER(name::text) LIKE UPPER(…).
    "CREATE INDEX IF NOT EXISTS person_name_trigrams ON people_person "
    "USING GIN ((UPPER(name::text)) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS person_alias_key_trigrams ON people_personalias "
    "USING GIN (key gin_trgm_ops)",
]

DROP = [
    "DROP INDEX IF EXISTS person_alias_key_trigrams",
    "DROP INDEX IF EXISTS person_name_trigrams",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0013_listings_copies_and_monthly_counts"),
        ("people", "0004_alias_as_long_as_the_aliases_field"),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
    ]
