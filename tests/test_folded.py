"""A story read for its page carries its people, tags, bylines and corrections in its
own row: the same objects the database holds, and no query more to read them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.folded import correction_notes
from articles.models import Article, Correction
from people.models import Person, Relationship

from .factories import make_article, make_person, make_user

pytestmark = pytest.mark.django_db


def concrete(instance):
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_the_story_page_reads_what_the_database_holds_in_one_query():
    kim = make_person(
        "Kim Kardashian",
        birth_date="1980-10-21",
        birth_place="Los Angeles",
        aliases="Kimberly Noel Kardashian",
        instagram="kimkardashian",
    )
    north = make_person("North West", birth_date="2013-06-15", birth_details_private=True)
    writer = make_user("writer", first_name="Ana", last_name="Reyes")
    story = make_article("Family day", people=[north, kim], main=kim, tags=["family", "Beyoncé"])
    story.authors.add(writer, make_user("second"))
    Correction.objects.create(article=story, text="A date was wrong.")
    Article.objects.filter(pk=story.pk).update(has_corrections=True)

    with CaptureQueriesContext(connection) as queries:
        read = Article.objects.for_story_page().get(pk=story.pk)
        links = read.person_links_in_order()
        people = [link.person for link in links]
        tags = [tag.name for tag in read.tags.all()]
        bylines = [author.get_full_name() or author.get_username() for author in read.authors.all()]
        notes = [note.text for note in correction_notes(read)]
        back = [link.article for link in links]
    assert len(queries) == 1

    assert [concrete(person) for person in people] == [
        concrete(Person.objects.get(pk=kim.pk)),
        concrete(Person.objects.get(pk=north.pk)),
    ]
    assert [concrete(link) for link in links] == [
        concrete(link) for link in story.person_links.order_by("-is_main", "order")
    ]
    assert people[0].age_on(datetime.date(2021, 2, 19)) == 40
    assert back == [read, read]
    assert sorted(tags) == ["Beyoncé", "family"] and tags == sorted(tags, key=str)
    assert bylines == ["Ana Reyes", "second"]
    assert notes == ["A date was wrong."]


def test_the_person_page_reads_the_newest_shown_portrait_and_its_credits_from_the_person():
    from articles.folded import portrait_of, with_portrait
    from photos.models import Photo

    from .factories import make_photo

    kim = make_person("Kim Kardashian")
    make_photo([("agency", "Old Agency")], people=[kim], is_portrait=True)
    newest = make_photo(
        [("collage",), ("agency", "IMAGO"), ("screenshot", "", "Instagram", "kimkardashian")],
        people=[kim],
        is_portrait=True,
    )
    expired = make_photo(people=[kim], is_portrait=True, expires_on=datetime.date(2020, 1, 1))
    make_photo(people=[kim], alt_text="Not a portrait")

    with CaptureQueriesContext(connection) as queries:
        person = with_portrait(Person.objects.filter(pk=kim.pk)).get()
        portrait = portrait_of(person)
        credits = [
            (c.role, getattr(c.source, "name", None), c.photo_id) for c in portrait.credits.all()
        ]
        line = portrait.credit_line
    assert len(queries) == 1
    assert portrait != expired
    stored = Photo.objects.get(pk=newest.pk)
    shown = ("id", "image", "caption", "alt_text", "renditions", "expires_on", "created_at")
    assert {f: getattr(portrait, f) for f in shown} == {f: getattr(stored, f) for f in shown}
    assert credits == [
        (c.role, getattr(c.source, "name", None), c.photo_id) for c in stored.credits.all()
    ]
    assert line == stored.credit_line and line.startswith("© Collage: IMAGO")

    nobody = with_portrait(Person.objects.filter(pk=make_person("No Photo").pk)).get()
    assert portrait_of(nobody) is None


def test_the_person_page_reads_their_ties_from_the_person():
    from articles.folded import ties_of, with_ties

    from .factories import make_relationship

    kim = make_person("Kim Kardashian", birth_date="1980-10-21")
    kanye = make_person("Kanye West", birth_date="1977-06-08")
    north = make_person("North West", birth_date="2013-06-15")
    make_relationship(
        kim, kanye, "spouse", started="2014-05-24", ended="2022-11-29", end_reason="divorce"
    )
    make_relationship(north, kim, "parent")
    make_relationship(kanye, north, "parent")  # not Kim's

    with CaptureQueriesContext(connection) as queries:
        person = with_ties(Person.objects.filter(pk=kim.pk)).get()
        folded = [
            (tie.relationship.pk, tie.counterpart.name, tie.counterpart.birth_date)
            for tie in ties_of(person)
        ]
    assert len(queries) == 1
    looked_up = Person.objects.get(pk=kim.pk)
    assert folded == [
        (tie.relationship.pk, tie.counterpart.name, tie.counterpart.birth_date)
        for tie in Relationship.objects.ties_of(looked_up)
    ]
    assert {name for _, name, _ in folded} == {"Kanye West", "North West"}


def test_the_story_page_reads_its_photo_credits_and_its_peoples_ties_from_the_story():
    from articles.folded import touching_ties

    from .discovery_world import SEED_CREDIT_LINE, SEED_CREDITS
    from .factories import make_photo, make_relationship

    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    north, stranger = make_person("North West"), make_person("Someone Else")
    spouses = make_relationship(kim, kanye, "spouse", started="2014-05-24")
    parent = make_relationship(north, kim, "parent")
    make_relationship(stranger, north, "sibling")  # touches neither Kim nor Kanye
    replacement = make_photo([("agency", "Stock")])
    cover = make_photo(SEED_CREDITS, replacement=replacement)
    story = make_article("Divorce", people=[kim, kanye], main=kim, photo=cover)

    with CaptureQueriesContext(connection) as queries:
        read = Article.objects.for_story_page().get(pk=story.pk)
        line = read.lead_photo_for_readers.credit_line
        replaced = read.lead_photo.replacement.credit_line
        ties = {tie.pk for tie in touching_ties(read)}
    assert len(queries) == 1
    assert line == SEED_CREDIT_LINE
    assert replaced == "© Stock"
    assert ties == {spouses.pk, parent.pk}
