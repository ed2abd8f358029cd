"""Merging a duplicate person: everything moves to the one kept, the old address redirects."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.models import ArticlePerson, RelationshipEvidence
from people.merging import merge_people
from people.models import Person, PersonRedirect, Relationship

from .factories import make_article, make_person, make_photo, make_relationship

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    kept = make_person("Kim Kardashian", slug="kim-kardashian", aliases="Kim K")
    duplicate = make_person(
        "Kimberly Kardashian",
        slug="kimberly-kardashian",
        aliases="Kimmy",
        birth_date="1980-10-21",
        birth_place="Los Angeles, California",
        instagram="kimkardashian",
    )
    return kept, duplicate


def test_stories_photos_and_facts_move_to_the_person_kept(pair):
    kept, duplicate = pair
    only_dup = make_article("Only the duplicate", people=[duplicate], main=duplicate)
    both = make_article("Both records", people=[kept, duplicate], main=duplicate)
    photo = make_photo(people=[duplicate])
    shared_photo = make_photo(people=[kept, duplicate])

    merge_people(duplicate, kept)

    assert not Person.objects.filter(pk=duplicate.pk).exists()
    kept.refresh_from_db()
    assert list(only_dup.people.all()) == [kept]
    assert list(both.people.all()) == [kept]
    # The duplicate was the main person; the link kept is now main.
    assert ArticlePerson.objects.get(article=both).is_main
    assert list(photo.people.all()) == [kept]
    assert list(shared_photo.people.all()) == [kept]
    # Facts the kept record lacked come over; its own stay.
    assert kept.birth_date.isoformat() == "1980-10-21"
    assert kept.birth_place == "Los Angeles, California"
    assert kept.instagram == "kimkardashian"
    assert kept.alias_list == ["Kim K", "Kimberly Kardashian", "Kimmy"]
    assert list(Person.objects.matching("kimmy")) == [kept]


def test_ties_move_and_duplicate_ties_are_kept_once_with_their_evidence(pair):
    kept, duplicate = pair
    kanye = make_person("Kanye West")
    north = make_person("North West")
    kept_marriage = make_relationship(kept, kanye, "spouse", "2014-05-24")
    dup_marriage = make_relationship(
        kanye, duplicate, "spouse", "2014-05-24", "2022-11-29", "divorce", place="Florence, Italy"
    )
    make_relationship(duplicate, north, "parent")
    make_relationship(kept, duplicate, "sibling")  # the two records tied to each other
    story = make_article("Divorce filed", people=[kanye])
    RelationshipEvidence.objects.create(relationship=dup_marriage, article=story)

    merge_people(duplicate, kept)

    ties = {(t.label, t.counterpart.name) for t in Relationship.objects.ties_of(kept)}
    assert ties == {("Spouse", "Kanye West"), ("Parent of", "North West")}
    kept_marriage.refresh_from_db()
    assert (kept_marriage.ended.isoformat(), kept_marriage.end_reason) == ("2022-11-29", "divorce")
    assert kept_marriage.place == "Florence, Italy"
    assert [e.article for e in kept_marriage.evidence.all()] == [story]
    assert Relationship.objects.count() == 2


def test_the_old_address_redirects_permanently(client, pair):
    kept, duplicate = pair
    merge_people(duplicate, kept)
    response = client.get("/people/kimberly-kardashian/?page=1")
    assert response.status_code == 301
    assert response["Location"] == "/people/kim-kardashian/?page=1"
    assert client.get("/people/never-existed/").status_code == 404


def test_redirects_follow_a_second_merge(client, pair):
    kept, duplicate = pair
    third = make_person("Kim K. West", slug="kim-k-west")
    merge_people(duplicate, third)
    merge_people(third, kept)
    for old in ("kimberly-kardashian", "kim-k-west"):
        response = client.get(f"/people/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/people/kim-kardashian/"


def test_a_changed_slug_leaves_a_redirect(client):
    person = make_person("Ye", slug="kanye-west")
    person.slug = "ye"
    person.save()
    assert client.get("/people/kanye-west/")["Location"] == "/people/ye/"
    # Taking the old slug back removes the redirect rather than looping.
    person.slug = "kanye-west"
    person.save()
    assert client.get("/people/kanye-west/").status_code == 200
    assert PersonRedirect.objects.get().old_slug == "ye"


def test_a_merge_that_would_break_a_rule_changes_nothing(pair):
    kept, duplicate = pair
    make_person("Someone", aliases="Kimberly Kardashian")
    story = make_article("Story", people=[duplicate])
    with pytest.raises(Exception, match="already an alias"):
        merge_people(duplicate, kept)
    assert Person.objects.filter(pk=duplicate.pk).exists()
    assert list(story.people.all()) == [duplicate]


def test_researcher_merges_in_the_admin(admin_client, pair):
    kept, duplicate = pair
    story = make_article("Story", people=[duplicate])
    changelist = reverse("admin:people_person_changelist")
    selected = {"action": "merge", "_selected_action": [kept.pk, duplicate.pk]}
    confirm_page = admin_client.post(changelist, selected)
    assert confirm_page.status_code == 200
    assert "Choose the record to keep" in confirm_page.content.decode()
    assert Person.objects.count() == 2

    done = admin_client.post(changelist, {**selected, "confirm": "yes", "keep": kept.pk})
    assert done.status_code == 302
    assert [m.message for m in get_messages(done.wsgi_request)] == [
        "Merged 1 record into Kim Kardashian; its old address now redirects to the page of "
        "Kim Kardashian."
    ]
    assert list(Person.objects.all()) == [kept]
    assert list(story.people.all()) == [kept]
