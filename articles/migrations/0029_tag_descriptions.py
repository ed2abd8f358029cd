import django.db.models.deletion
from django.db import migrations, models

from articles import roles


def install_roles(apps, schema_editor):
    # Editors write tag descriptions in the tag admin.
    roles.install_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0028_sections_and_front_page"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="TagDescription",
            fields=[
                (
                    "tag",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="description",
                        serialize=False,
                        to="taggit.tag",
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        blank=True,
                        help_text="One or two sentences under the tag's title on its page: what the tag covers.",
                        max_length=400,
                    ),
                ),
            ],
            options={"verbose_name": "description"},
        ),
        migrations.RunPython(install_roles, migrations.RunPython.noop),
    ]
