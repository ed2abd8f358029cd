"""An index for the desk's story list: newest first whatever the status.

Index only: no column or row changes.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0018_lead_photo_newest_story"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["-published_at", "-id"], name="article_desk_newest"),
        ),
    ]
