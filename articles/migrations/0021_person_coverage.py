"""Each person's published stories in all, summed once from their monthly counts
(0 for those never covered).

From here on ``reading.listings`` keeps the totals with the months.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Sum


def fill(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    PersonMonth = apps.get_model("articles", "PersonMonth")
    PersonCoverage = apps.get_model("articles", "PersonCoverage")
    totals = dict(
        PersonMonth.objects.order_by()
        .values_list("person_id")
        .annotate(stories=Sum("stories"))
        .values_list("person_id", "stories")
    )
    # Every person, the never covered at 0: the desk's pickers rank them all.
    PersonCoverage.objects.bulk_create(
        (
            PersonCoverage(person_id=person, stories=totals.get(person, 0))
            for person in Person.objects.values_list("pk", flat=True).iterator()
        ),
        batch_size=5000,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0020_desk_filter_indexes'),
        ('people', '0007_person_pronouns'),
    ]

    operations = [
        migrations.CreateModel(
            name='PersonCoverage',
            fields=[
                ('person', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='coverage', serialize=False, to='people.person')),
                ('stories', models.PositiveIntegerField(default=0)),
            ],
            options={
                'verbose_name_plural': 'person coverage',
                'indexes': [models.Index(fields=['-stories', 'person'], name='person_coverage_ranked')],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
