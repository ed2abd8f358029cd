"""Aliases: searchable with names, and each one belongs to one person only."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from people.models import Person, PersonAlias

from .factories import make_person

pytestmark = pytest.mark.django_db


def test_matching_finds_names_and_aliases():
    kanye = make_person("Kanye West", aliases="Ye, Yeezy")
    kim = make_person("Kim Kardashian", aliases="Kim K")
    make_person("Someone Else")
    assert list(Person.objects.matching("yeezy")) == [kanye]
    assert list(Person.objects.matching("kardash")) == [kim]
    assert list(Person.objects.matching("  KIM   k ")) == [kim]


def test_matching_ignores_accents_in_aliases_and_gives_each_person_once():
    beyonce = make_person("Beyoncé Knowles-Carter", aliases="Beyoncé, Queen Bey, Bey")
    assert list(Person.objects.matching("beyonce")) == [beyonce]
    assert list(Person.objects.matching("bey")) == [beyonce]


def test_matching_nothing_finds_nobody():
    make_person("Kanye West", aliases="Ye")
    assert list(Person.objects.matching("   ")) == []


def test_an_alias_of_one_person_is_refused_for_another_with_a_clear_message():
    make_person("Kanye West", aliases="Ye")
    other = Person(name="Ye Olde Singer", slug="ye-olde", aliases="ye ")
    with pytest.raises(ValidationError) as caught:
        other.full_clean()
    assert caught.value.message_dict["aliases"] == [
        "“Ye” is already an alias of Kanye West: an alias belongs to one person only."
    ]


def test_the_database_refuses_a_shared_alias_even_without_clean():
    make_person("Kanye West", aliases="Ye")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_person("Impostor", aliases="YE")
    assert not Person.objects.filter(name="Impostor").exists()


def test_the_alias_table_follows_edits():
    kanye = make_person("Kanye West", aliases="Ye, Yeezy")
    kanye.aliases = "Ye, Mr West"
    kanye.full_clean()
    kanye.save()
    assert sorted(PersonAlias.objects.values_list("name", flat=True)) == ["Mr West", "Ye"]
    assert list(Person.objects.matching("yeezy")) == []
    # A freed alias may go to someone else.
    make_person("Yeezy Fan", aliases="Yeezy")


def test_clean_drops_repeated_aliases_and_the_persons_own_name():
    person = Person(name="Kanye West", slug="kanye", aliases="Ye, ye, Kanye West, , Yeezy")
    person.full_clean()
    assert person.aliases == "Ye, Yeezy"


def test_people_index_search_box_finds_aliases(client):
    make_person("Kanye West", slug="kanye-west", aliases="Yeezy")
    make_person("Kim Kardashian", slug="kim-kardashian")
    response = client.get("/people/", {"q": "yeezy"})
    assert list(response.context["page"].object_list) == [Person.objects.get(slug="kanye-west")]
    html = response.content.decode()
    assert 'href="/people/kanye-west/"' in html
    assert "Kim Kardashian" not in html.split('class="people-list"', 1)[1]
    assert 'value="yeezy"' in html
