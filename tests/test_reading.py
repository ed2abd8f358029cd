"""What the reading pages read: the same objects the database holds, in a few plain
queries that do not grow with the story, the person or the archive."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Correction
from articles.querysets import correction_notes, with_credits, with_shown_photo_credits
from people.models import Person, Relationship
from reading import pages as reading

from .factories import make_article, make_person, make_photo, make_relationship, make_user

pytestmark = pytest.mark.django_db


def concrete(instance):
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_the_story_page_reads_what_the_database_holds_in_four_queries():
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
    Correction.objects.create(article=story, kind="update", text="She has since spoken.")
    Article.objects.filter(pk=story.pk).update(has_corrections=True)

    with CaptureQueriesContext(connection) as queries:
        read = Article.objects.for_story_page().get(pk=story.pk)
        links = read.person_links_in_order()
        people = [link.person for link in links]
        tags = [tag.name for tag in read.tags_in_order()]
        bylines = [author.name for author in read.byline_authors()]
        notes = [(n.pk, n.kind, n.text, n.created_at) for n in correction_notes(read)]
        back = [link.article for link in links]
    # The story with its corrections; its people, tags, bylines.
    assert len(queries) == 4

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
    assert notes == [(n.pk, n.kind, n.text, n.created_at) for n in story.corrections.all()]
    assert [text for _, _, text, _ in notes] == ["A date was wrong.", "She has since spoken."]


def test_the_person_page_reads_the_newest_shown_portrait_and_its_credits_in_two_queries():
    from photos.models import Photo

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
        portrait = reading.portrait(kim)
        credits = [
            (c.role, getattr(c.source, "name", None), c.photo_id) for c in portrait.credits.all()
        ]
        line = portrait.credit_line
    assert len(queries) == 2
    assert portrait != expired
    stored = Photo.objects.get(pk=newest.pk)
    shown = ("id", "image", "caption", "alt_text", "renditions", "expires_on", "created_at")
    assert {f: getattr(portrait, f) for f in shown} == {f: getattr(stored, f) for f in shown}
    assert credits == [
        (c.role, getattr(c.source, "name", None), c.photo_id) for c in stored.credits.all()
    ]
    assert line == stored.credit_line and line.startswith("© Collage: IMAGO")

    assert reading.portrait(make_person("No Photo")) is None


def test_the_person_page_reads_their_ties_in_one_query():
    kim = make_person("Kim Kardashian", birth_date="1980-10-21")
    kanye = make_person("Kanye West", birth_date="1977-06-08")
    north = make_person("North West", birth_date="2013-06-15")
    make_relationship(
        kim, kanye, "spouse", started="2014-05-24", ended="2022-11-29", end_reason="divorce"
    )
    make_relationship(north, kim, "parent")
    make_relationship(kanye, north, "parent")  # not Kim's

    with CaptureQueriesContext(connection) as queries:
        person = Person.objects.get(pk=kim.pk)
        read = [
            (tie.relationship.pk, tie.counterpart.name, tie.counterpart.birth_date)
            for tie in reading.ties(person)
        ]
    assert len(queries) == 2
    looked_up = Person.objects.get(pk=kim.pk)
    assert read == [
        (tie.relationship.pk, tie.counterpart.name, tie.counterpart.birth_date)
        for tie in Relationship.objects.ties_of(looked_up)
    ]
    assert {name for _, name, _ in read} == {"Kanye West", "North West"}


def test_the_story_page_reads_its_photo_credits_and_its_peoples_ties():
    from .discovery_world import SEED_CREDIT_LINE, SEED_CREDITS

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
        with_shown_photo_credits([read])
        line = read.lead_photo_for_readers.credit_line
        ties = {tie.pk for tie in reading.touching_ties(read)}
    # The story with its corrections; its people, tags, bylines; the shown photo's
    # credits; the ties.
    assert len(queries) == 6
    replaced = read.lead_photo.replacement.credit_line
    assert line == SEED_CREDIT_LINE
    assert replaced == "© Stock"
    assert ties == {spouses.pk, parent.pk}


class TestStoryPage:
    def test_the_story_page_row_is_the_published_story_with_its_lists(self):
        kim = make_person("Kim Kardashian")
        story = make_article("Kim files", people=[kim])
        found = reading.story(story.slug)
        assert found == story
        with CaptureQueriesContext(connection) as queries:
            assert [link.person for link in found.person_links.all()] == [kim]
        assert len(queries) == 0

    def test_drafts_and_scheduled_stories_and_unknown_slugs_are_none(self):
        from django.utils import timezone

        draft = make_article("Draft", status=Article.Status.DRAFT)
        later = make_article(
            headline="Later", published_at=timezone.now() + datetime.timedelta(hours=2)
        )
        assert reading.story(draft.slug) is None
        assert reading.story(later.slug) is None
        assert reading.story("no-such-story") is None
        # The scheduled story is found once its time has come.
        assert reading.story(later.slug, now=later.published_at) == later


def test_credits_are_fetched_once_for_every_copy_of_a_photo_and_not_again():
    photo = make_photo(credits=[("photographer", "Jane Doe")])
    first, second = (type(photo).objects.get(pk=photo.pk) for _ in range(2))
    with CaptureQueriesContext(connection) as queries:
        with_credits([first, None, second])
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        names = [[credit.source.name for credit in p.credits.all()] for p in (first, second)]
        with_credits([first])
    assert names == [["Jane Doe"], ["Jane Doe"]]
    assert len(queries) == 0


def test_a_person_tied_to_wide_rows_reads_on_a_story_with_many_people():
    """Every column of every person comes along, however many the model has or the
    story holds (a JSON object of the row stopped at PostgreSQL's 100 arguments)."""
    people = [
        make_person(f"Person {n}", birth_date="1990-01-01", instagram=f"p{n}") for n in range(12)
    ]
    story = make_article("Crowd", people=people, main=people[0])
    read = reading.story(story.slug)
    assert [concrete(link.person) for link in read.person_links_in_order()] == [
        concrete(Person.objects.get(pk=person.pk)) for person in people
    ]
