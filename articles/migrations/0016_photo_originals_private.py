import photos.fields
from django.core.files.storage import default_storage
from django.db import migrations

from photos.originals import move_originals, storage


def to_private(apps, schema_editor):
    """Originals stored in the public media root move to the private originals storage."""
    move_originals(apps.get_model("articles", "Photo").objects.only("pk", "image").order_by("pk"))


def to_public(apps, schema_editor):
    photos = apps.get_model("articles", "Photo").objects.only("pk", "image").order_by("pk")
    move_originals(photos, source=storage(), target=default_storage)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_photo_people_person_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="photo",
            name="image",
            field=photos.fields.OriginalImageField(
                height_field="height",
                help_text="Kept privately, cleaned of GPS and camera data; readers see renditions only.",
                storage=photos.fields.originals_storage,
                upload_to="photos/%Y/%m/",
                width_field="width",
            ),
        ),
        migrations.RunPython(to_private, to_public),
    ]
