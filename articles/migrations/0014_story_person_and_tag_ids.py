from django.db import migrations

import articles.fields

# Each story keeps the ids of its people and tags on its own row, for the
# related-stories score to add up in place (see reading.listings.Listing.shared).
# Filled here in one statement per kind, sorted, as the links keep them after.
FILL = {
    "postgresql": (
        "UPDATE articles_article a SET {field} = ids.keys FROM ("
        "SELECT {story} AS story, array_agg({key} ORDER BY {key}) AS keys"
        " FROM {table} GROUP BY {story}) ids WHERE ids.story = a.id"
    ),
    "sqlite": (
        "UPDATE articles_article SET {field} = (SELECT json_group_array({key}) FROM"
        " (SELECT {key} FROM {table} WHERE {story} = articles_article.id ORDER BY {key}))"
        " WHERE id IN (SELECT {story} FROM {table})"
    ),
}
LINKS = (
    ("person_ids", "articles_articleperson", "article_id", "person_id"),
    ("tag_ids", "articles_taggedarticle", "content_object_id", "tag_id"),
)


def fill(apps, schema_editor):
    sql = FILL[schema_editor.connection.vendor]
    for field, table, story, key in LINKS:
        schema_editor.execute(sql.format(field=field, table=table, story=story, key=key))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_listings_copies_and_monthly_counts"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="person_ids",
            field=articles.fields.KeyList(),
        ),
        migrations.AddField(
            model_name="article",
            name="tag_ids",
            field=articles.fields.KeyList(),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
