"""The photo desk's list at archive size.

A B-tree index for the list's order (newest first) and its upload drill-down,
one for licences running out, one for a source's photos, and on PostgreSQL trigram indexes for its
search: captions, alt text and credit source names contain the searched
text anywhere (Django's ``icontains``, ``UPPER(…) LIKE UPPER('%…%')``).
"""

from django.db import migrations, models

from common.migration_ops import on_postgresql

# The very expressions Django's icontains compares.
SEARCHED = [
    ("photo_caption_trigrams", "articles_photo", "caption"),
    ("photo_alt_text_trigrams", "articles_photo", "alt_text"),
    ("credit_source_name_trigrams", "articles_creditsource", "name"),
    ("credit_source_aliases_trigrams", "articles_creditsource", "aliases"),
]
CREATE = ["CREATE EXTENSION IF NOT EXISTS pg_trgm"] + [
    f"CREATE INDEX IF NOT EXISTS {index} ON {table}"
    f" USING GIN ((UPPER({column}::text)) gin_trgm_ops)"
    for index, table, column in SEARCHED
]
DROP = [f"DROP INDEX IF EXISTS {index}" for index, _, _ in SEARCHED]


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0007_person_pronouns"),
        ("photos", "0001_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="photo",
            index=models.Index(fields=["-created_at", "-id"], name="photo_desk_newest"),
        ),
        migrations.AddIndex(
            model_name="photo",
            index=models.Index(
                condition=models.Q(("expires_on__isnull", False)),
                fields=["expires_on"],
                name="photo_licence_ends",
            ),
        ),
        migrations.AddIndex(
            model_name="photocredit",
            index=models.Index(fields=["source", "photo"], name="photo_credit_by_source"),
        ),
        on_postgresql(CREATE, DROP),
    ]
