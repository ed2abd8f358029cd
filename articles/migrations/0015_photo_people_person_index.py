from django.db import migrations

# A person's photos, newest first, as one index walk (the person page's
# gallery); the table is the one Django makes for Photo.people.
INDEX = "photo_people_person_photo"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_story_person_and_tag_ids"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON articles_photo_people (person_id, photo_id)",
            f"DROP INDEX {INDEX}",
        ),
    ]
