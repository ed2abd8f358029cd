"""Each person's published stories in all, summed once from their monthly counts.

From here on ``reading.listings`` keeps the totals with the months.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Sum


def fill(apps, schema_editor):
    PersonMonth = apps.get_model("articles", "PersonMonth")
    PersonCoverage = apps.get_model("articles", "PersonCoverage")
    totals = (
        PersonMonth.objects.order_by()
        .values_list("person_id")
        .annotate(stories=Sum("stories"))
        .values_list("person_id", "stories")
    )
    PersonCoverage.objects.bulk_create(
        (PersonCoverage(person_id=person, stories=stories) for person, stories in totals.iterator()),
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
