"""The migration that gives existing people their folded search key."""

import pytest

from .migrating import migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("people", "0005_name_trigrams")]


def test_people_from_before_are_found_without_their_accents():
    old = migrate(BEFORE)
    Person = old.get_model("people", "Person")
    khloe = Person.objects.create(name="Khloé Kardashian", slug="khloe", aliases="Koko")
    Person.objects.create(name="Beyoncé", slug="beyonce")

    migrate()
    from people.models import Person as CurrentPerson

    assert list(CurrentPerson.objects.matching("KHLOE").values_list("pk", flat=True)) == [khloe.pk]
    assert CurrentPerson.objects.matching("koko").count() == 1
    assert CurrentPerson.objects.matching("beyonce").count() == 1
