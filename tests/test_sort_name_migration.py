"""The migration that files existing people by family name in the people index."""

import pytest

from .migrating import migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("people", "0008_person_by_name")]


def test_people_from_before_are_filed_by_family_name():
    old = migrate(BEFORE)
    Person = old.get_model("people", "Person")
    kanye = Person.objects.create(name="Kanye West", slug="kanye-west")
    zoe = Person.objects.create(name="Zoë Kravitz", slug="zoe-kravitz")
    madonna = Person.objects.create(name="Madonna", slug="madonna")

    migrate()
    from people.models import Person as CurrentPerson

    keys = dict(CurrentPerson.objects.values_list("pk", "sort_key"))
    assert keys == {kanye.pk: "west, kanye", zoe.pk: "kravitz, zoe", madonna.pk: "madonna"}
    assert CurrentPerson.objects.get(pk=kanye.pk).sort_name == ""
