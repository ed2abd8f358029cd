"""People are filed by family name in the index: the desk's sort name, and the kept key."""

from django.db import migrations, models

import people.sorting


def file_everyone(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    everyone = list(Person.objects.only("pk", "name", "sort_name"))
    for person in everyone:
        person.sort_key = people.sorting.sort_key(person.name, person.sort_name)
    Person.objects.bulk_update(everyone, ["sort_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0008_person_by_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="sort_name",
            field=models.CharField(
                blank=True,
                db_default="",
                default="",
                help_text="How the people index files the person, family name first (“Lopez, Jennifer”; “Madonna”). Left empty, the last word of the name comes first.",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="sort_key",
            field=people.sorting.SortKeyField(db_default="", default="", editable=False, max_length=200),
        ),
        migrations.RunPython(file_everyone, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(fields=["sort_key", "id"], name="person_by_family_name"),
        ),
    ]
