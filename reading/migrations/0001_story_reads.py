# The beacon's counts of reader visits, hour by hour (reading.reads).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0027_story_kind"),
    ]

    operations = [
        migrations.CreateModel(
            name="StoryReads",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("hour", models.DateTimeField(help_text="The start of the hour counted, in UTC.")),
                ("reads", models.PositiveIntegerField(default=0)),
                (
                    "story",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="articles.article",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "story reads",
                "indexes": [
                    models.Index(fields=["hour", "story", "reads"], name="story_reads_by_hour")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("story", "hour"), name="story_reads_once_an_hour"
                    )
                ],
            },
        ),
    ]
