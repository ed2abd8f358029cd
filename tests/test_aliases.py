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
    assert "Kim Kardashian" not in html.split('class="people-cards"', 1)[1]
    assert 'value="yeezy"' in html


# Names are matched as aliases are: without regard to case or accents.

KHLOE_SPELLINGS = ["Khloe", "KHLOE", "khloe kardashian", "Khloé", "KHLOÉ KARDASHIAN", "kardashian"]


@pytest.fixture
def khloe():
    return make_person("Khloé Kardashian", slug="khloe-kardashian")


def test_matching_ignores_case_and_accents_in_names(khloe):
    make_person("Kourtney Kardashian", slug="kourtney-kardashian")
    for spelling in KHLOE_SPELLINGS[:-1]:
        assert list(Person.objects.matching(spelling)) == [khloe], spelling
    assert Person.objects.matching("kardashian").count() == 2
    assert list(Person.objects.matching("khloe kourtney")) == []


def test_a_renamed_person_is_found_by_the_new_name_only(khloe):
    khloe.name = "Khloé Kardashian-Odom"
    khloe.save()
    assert list(Person.objects.matching("kardashian-odom")) == [khloe]
    khloe.name = "Khloé K."
    khloe.save()
    assert list(Person.objects.matching("kardashian")) == []


def test_people_loaded_in_bulk_are_found_too():
    (zoe,) = Person.objects.bulk_create([Person(name="Zoë Kravitz", slug="zoe-kravitz")])
    assert list(Person.objects.matching("ZOE")) == [Person.objects.get(slug="zoe-kravitz")]


def test_site_search_and_people_index_find_a_name_typed_without_its_accent(client, khloe):
    from .factories import make_article

    story = make_article("Khloé Kardashian launches a denim line", people=[khloe], main=khloe)
    for spelling in KHLOE_SPELLINGS:
        response = client.get("/search/", {"q": spelling})
        assert response.status_code == 200
        html = response.content.decode()
        assert 'href="/people/khloe-kardashian/"' in html, spelling
        assert story.get_absolute_url() in html, spelling
        people = client.get("/people/", {"q": spelling}).context["page"].object_list
        assert list(people) == [khloe], spelling


def test_desk_search_and_person_pickers_ignore_case_and_accents(admin_client, khloe):
    from django.urls import reverse

    from .factories import make_article, make_photo
    from .test_admin import autocomplete

    make_person("Kourtney Kardashian", slug="kourtney-kardashian")
    story = make_article("Denim line", people=[khloe], main=khloe)
    photo = make_photo(caption="On the red carpet", people=[khloe])
    for spelling in KHLOE_SPELLINGS[:-1]:
        for source in ["articles.article", "photos.photo"]:
            assert autocomplete(admin_client, source, "people", spelling) == [khloe.name]
        people = admin_client.get(reverse("admin:people_person_changelist"), {"q": spelling})
        assert list(people.context["cl"].result_list) == [khloe], spelling
        stories = admin_client.get(reverse("admin:articles_article_changelist"), {"q": spelling})
        assert list(stories.context["cl"].result_list) == [story], spelling
        photos = admin_client.get(reverse("admin:photos_photo_changelist"), {"q": spelling})
        assert list(photos.context["cl"].result_list) == [photo], spelling


def test_a_search_of_control_characters_alone_finds_no_one():
    make_person("Kim Kardashian")
    assert list(Person.objects.matching("\x00")) == []
    assert list(Person.objects.matching("kim\x00")) == list(Person.objects.matching("kim"))
