"""Authors get the listing people and tags have (see reading.listings).

Each byline takes a copy of its story's status and time, each author their
published stories counted by month (desk time), and each story the ids of
its bylines' authors: an author's page then walks one index at any depth.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone

import articles.fields

FILL_KEYS = {
    "postgresql": (
        "UPDATE articles_article a SET author_ids = ids.keys FROM ("
        "SELECT article_id AS story, array_agg(contributor_id ORDER BY contributor_id) AS keys"
        " FROM articles_byline GROUP BY article_id) ids WHERE ids.story = a.id"
    ),
    "sqlite": (
        "UPDATE articles_article SET author_ids = (SELECT json_group_array(contributor_id) FROM"
        " (SELECT contributor_id FROM articles_byline WHERE article_id = articles_article.id"
        " ORDER BY contributor_id)) WHERE id IN (SELECT article_id FROM articles_byline)"
    ),
}


def copy_and_count(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Byline = apps.get_model("articles", "Byline")
    AuthorMonth = apps.get_model("articles", "AuthorMonth")
    story = Article.objects.filter(pk=OuterRef("article"))
    Byline.objects.update(
        is_published=Exists(story.filter(status="published")),
        published_at=Subquery(story.values("published_at")[:1]),
    )
    rows = (
        Byline.objects.filter(is_published=True, published_at__isnull=False)
        .annotate(month=TruncMonth("published_at"))
        .order_by()
        .values_list("contributor_id", "month")
        .annotate(n=Count("pk"))
    )
    AuthorMonth.objects.bulk_create(
        (
            AuthorMonth(contributor_id=author, month=timezone.localtime(month).date(), stories=n)
            for author, month, n in rows.iterator()
        ),
        batch_size=5000,
    )
    schema_editor.execute(FILL_KEYS[schema_editor.connection.vendor])


class Migration(migrations.Migration):
    dependencies = [("articles", "0029_tag_descriptions")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="author_ids",
            field=articles.fields.KeyList(),
        ),
        migrations.AddField(
            model_name="byline",
            name="is_published",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="byline",
            name="published_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.CreateModel(
            name="AuthorMonth",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("month", models.DateField(help_text="The first day of the month.")),
                ("stories", models.PositiveIntegerField(default=0)),
                (
                    "contributor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="articles.contributor",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        models.F("contributor"), models.F("month"), name="author_month_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(copy_and_count, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="byline",
            index=models.Index(
                condition=Q(is_published=True),
                fields=["contributor", "-published_at", "-article"],
                name="byline_reading",
            ),
        ),
    ]
