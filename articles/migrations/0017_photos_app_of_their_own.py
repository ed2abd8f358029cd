"""Photos, credits and credit sources become the photos app's; stories keep their lead photos.

Nothing in the database changes but the content types: the tables keep their
names (see photos 0001), so every row, foreign key and index stays as it is.
Here the models leave the articles app's state, the stories' lead photo points
to ``photos.Photo``, and the three content types are relabelled, so the
permissions granted on them (the desk's roles, and any given by hand), the
admin's history and anything else keyed on them follow the models.
"""

import django.db.models.deletion
from django.db import migrations, models

from articles.roles import install_roles as install_desk_roles

MODELS = ["photo", "photocredit", "creditsource"]


def relabel(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MODELS:
        current = ContentType.objects.filter(app_label=old, model=model).first()
        if current is None:
            continue
        # A content type made already under the new label (a ``migrate`` of
        # one app only) gives way: the old one carries the grants.
        made = ContentType.objects.filter(app_label=new, model=model).first()
        if made is not None:
            taken = set(
                Permission.objects.filter(content_type=current).values_list("codename", flat=True)
            )
            Permission.objects.filter(content_type=made).exclude(codename__in=taken).update(
                content_type=current
            )
            made.delete()
        current.app_label = new
        current.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def to_photos(apps, schema_editor):
    relabel(apps, "articles", "photos")


def to_articles(apps, schema_editor):
    relabel(apps, "photos", "articles")


def install_roles(apps, schema_editor):
    # The roles name the photo permissions under their new label.
    install_desk_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0016_photo_originals_private"),
        ("photos", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="lead_photo",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="lead_of",
                        to="photos.photo",
                    ),
                ),
                migrations.DeleteModel(name="PhotoCredit"),
                migrations.DeleteModel(name="Photo"),
                migrations.DeleteModel(name="CreditSource"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(to_photos, to_articles),
        migrations.RunPython(install_roles, migrations.RunPython.noop),
    ]
