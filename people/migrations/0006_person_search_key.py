"""A person's name and aliases, folded (no case, no accents), in one searched column.

``Person.search_key`` is written on every save; existing people get theirs
here. On PostgreSQL a trigram GIN index answers the ``LIKE '%…%'`` of
``Person.objects.matching`` for three letters or more.
"""

from django.db import migrations

import people.folding
from common.migration_ops import on_postgresql

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS person_search_key_trigrams ON people_person "
    "USING GIN (search_key gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS person_search_key_trigrams"]


def fill(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    field = Person._meta.get_field("search_key")
    batch = []
    for person in Person.objects.only("pk", "name", "aliases").iterator(chunk_size=2000):
        person.search_key = field.fold(person)
        batch.append(person)
        if len(batch) == 2000:
            Person.objects.bulk_update(batch, ["search_key"])
            batch = []
    Person.objects.bulk_update(batch, ["search_key"])


class Migration(migrations.Migration):

    dependencies = [
        ("people", "0005_name_trigrams"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="search_key",
            field=people.folding.FoldedTextField(
                db_default="", default="", editable=False, sources=("name", "aliases")
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        on_postgresql(CREATE, DROP),
    ]
