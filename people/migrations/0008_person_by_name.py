"""The person list in name order, and exact names looked up in a story's text, off an index."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0007_person_pronouns'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='person',
            index=models.Index(fields=['name', '-id'], name='person_by_name'),
        ),
    ]
