"""Trigram indexes for finding people by part of a name or alias, on PostgreSQL only.

Search looks people up with ``Person.objects.matching`` (a name containing the
words, without regard to case, or an alias key containing them). Without an
index that reads all 50,000 people for every search; trigram GIN indexes
answer it for three letters or more. Shorter queries still read the table:
they have no trigram to look up. Other databases get nothing here.
"""

from django.db import migrations

from common.migration_ops import on_postgresql

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


class Migration(migrations.Migration):

    dependencies = [
        ("people", "0004_alias_as_long_as_the_aliases_field"),
    ]

    operations = [
        on_postgresql(CREATE, DROP),
    ]
