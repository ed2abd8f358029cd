"""Fill the alias table from the aliases people already have.

Where two people share an alias, the one entered first keeps it in the table
(and so in search); the researcher is told on the other's next save.
"""

import unicodedata

from django.db import migrations


def name_key(text):
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def fill(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    PersonAlias = apps.get_model("people", "PersonAlias")
    taken = set(PersonAlias.objects.values_list("key", flat=True))
    rows = []
    for person in Person.objects.order_by("pk"):
        own = name_key(person.name)
        for alias in (a.strip() for a in person.aliases.split(",")):
            key = name_key(alias)
            if alias and key != own and key not in taken:
                taken.add(key)
                rows.append(PersonAlias(person=person, name=alias, key=key))
    PersonAlias.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("people", "0002_partial_dates_aliases_redirects_tie_details")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
