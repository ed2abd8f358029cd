"""How much each person is covered: kept with the monthly counts, checked by
``checklistings``, and used by the desk to offer the people an editor most
likely means first."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, PersonCoverage
from articles.roles import EDITOR
from people.merging import merge_people
from reading import listings

from .desk import role_user
from .factories import make_article, make_person

pytestmark = pytest.mark.django_db

AUTOCOMPLETE = reverse("admin:autocomplete")
PEOPLE = reverse("admin:people_person_changelist")
#: The issue's budget for a desk page; the pickers' answers are held to it too.
QUERIES = 12


def covered(person):
    return PersonCoverage.objects.filter(person=person).values_list("stories", flat=True).first()


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def stories_about(person, count, **kw):
    return [make_article(f"{person.name} story {n}", people=[person], **kw) for n in range(count)]


@pytest.fixture
def editor_client(client):
    client.force_login(role_user(EDITOR))
    return client


def picker(client, term, page=1, more=None):
    """What the story form's person picker offers for ``term``, in order; ``more``
    is checked against whether it says another page follows."""
    response = client.get(
        AUTOCOMPLETE,
        {
            "term": term,
            "page": page,
            "app_label": "articles",
            "model_name": "articleperson",
            "field_name": "person",
        },
    )
    assert response.status_code == 200
    if more is not None:
        assert response.json()["pagination"]["more"] is more
    return [result["text"] for result in response.json()["results"]]


def test_a_persons_total_follows_their_stories_through_every_ordinary_write():
    kim = make_person("Kim Kardashian")
    kanye = make_person("Kanye West")
    live = make_article("Kim's new label", people=[kim], published_at=hours_ago(2))
    assert covered(kim) == 1

    other = make_article("Kim at the Met Gala", published_at=hours_ago(30 * 24))
    other.people.add(kim, kanye)
    assert (covered(kim), covered(kanye)) == (2, 1)

    draft = make_article("Kim's draft", status=Article.Status.DRAFT)
    draft.people.add(kim)
    assert covered(kim) == 2

    live.status = Article.Status.DRAFT
    live.save()
    assert covered(kim) == 1

    other.people.remove(kim)
    assert covered(kim) == 0

    make_article("Kanye's tour", people=[kanye], published_at=hours_ago(1))
    merge_people(kanye, kim)
    assert covered(kim) == 2
    assert list(listings.check()) == []


def test_checklistings_reports_a_wrong_total_and_repairs_it():
    kim = make_person("Kim Kardashian", slug="kim-kardashian")
    stories_about(kim, 3)
    PersonCoverage.objects.filter(person=kim).update(stories=40)

    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("checklistings", stdout=out, stderr=io.StringIO())
    assert (
        f"person kim-kardashian (id {kim.pk}): person total: counts 40 stories in all,"
        " the stories give 3"
    ) in out.getvalue()

    with pytest.raises(CommandError):
        call_command("checklistings", "--repair", stdout=io.StringIO(), stderr=io.StringIO())
    assert covered(kim) == 3
    assert list(listings.check()) == []


def test_every_person_has_a_total_from_the_start_and_a_missing_one_is_drift():
    kim = make_person("Kim Kardashian", slug="kim-kardashian")
    newcomer = make_person("New Comer", slug="new-comer")
    assert covered(newcomer) == 0
    stories_about(kim, 2)
    PersonCoverage.objects.all().delete()
    assert [str(drift) for drift in listings.check()] == [
        f"person kim-kardashian (id {kim.pk}): person total: has no total, the stories give 2",
        f"person new-comer (id {newcomer.pk}): person total: has no total, the stories give 0",
    ]
    list(listings.check(repair=True))
    assert (covered(kim), covered(newcomer)) == (2, 0)


@pytest.fixture
def namesakes():
    """Kims: one named exactly, one known as "Kim", and two more covered ones."""
    kim = make_person("Kim")
    known_as = make_person("Kimberly Noel", aliases="Kim")
    stories_about(kim, 1)
    stories_about(make_person("Kimora Lee Simmons"), 6)
    stories_about(make_person("Kim Kardashian"), 4)
    make_person("Akim Omiri")  # never covered
    return kim, known_as


def test_the_person_picker_offers_exact_names_first_then_the_most_covered(editor_client, namesakes):
    offered = picker(editor_client, "kim")
    assert offered[:2] in (["Kim", "Kimberly Noel"], ["Kimberly Noel", "Kim"])
    assert offered[2:] == ["Kimora Lee Simmons", "Kim Kardashian", "Akim Omiri"]
    # Case and accents do not matter, as everywhere names are searched.
    assert picker(editor_client, "KÍM")[:2] == offered[:2]


def test_an_empty_picker_offers_the_most_covered_people_first(editor_client, namesakes):
    offered = picker(editor_client, "")
    assert offered[:3] == ["Kimora Lee Simmons", "Kim Kardashian", "Kim"]


def test_the_person_picker_answers_within_the_budget_whatever_the_archive(
    editor_client, namesakes, django_assert_max_num_queries
):
    for n in range(30):
        make_person(f"Kim Namesake {n}")
    # 35 people named like "kim": a page of 20, and a last page of 15.
    with django_assert_max_num_queries(QUERIES):
        first = picker(editor_client, "kim", more=True)
    with django_assert_max_num_queries(QUERIES):
        second = picker(editor_client, "kim", page=2, more=False)
    assert (len(first), len(second)) == (20, 15)
    assert not set(first) & set(second)


def test_the_person_list_shows_each_persons_stories_and_ranks_a_search_the_same_way(
    editor_client, namesakes
):
    response = editor_client.get(PEOPLE, {"q": "kim"})
    names = [person.name for person in response.context["cl"].result_list]
    assert names[2:] == ["Kimora Lee Simmons", "Kim Kardashian", "Akim Omiri"]
    kimora = response.context["cl"].result_list[2]
    stories = reverse("admin:articles_article_changelist")
    assert f'<a href="{stories}?person={kimora.slug}">6</a>' in response.text

    # A column chosen by the editor wins over the ranking.
    column = response.context["cl"].list_display.index
    by_name = editor_client.get(PEOPLE, {"q": "kim", "o": column("name")})
    names = [person.name for person in by_name.context["cl"].result_list]
    assert names == sorted(names)

    by_stories = editor_client.get(PEOPLE, {"o": f"-{column('stories')}"})
    counts = [covered(person) or 0 for person in by_stories.context["cl"].result_list]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_every_existing_person_their_total():
    from .migrating import migrate

    apps = migrate([("articles", "0020_desk_filter_indexes")])
    Person = apps.get_model("people", "Person")
    PersonMonth = apps.get_model("articles", "PersonMonth")
    kim = Person.objects.create(name="Kim Kardashian", slug="kim-kardashian")
    newcomer = Person.objects.create(name="New Comer", slug="new-comer")
    for month, stories in [(datetime.date(2024, 1, 1), 3), (datetime.date(2024, 2, 1), 4)]:
        PersonMonth.objects.create(person=kim, month=month, stories=stories)

    migrate()  # on to the latest, which the current models read
    from articles.models import PersonMonth as CurrentPersonMonth
    from people.models import Person as CurrentPerson

    try:
        assert (covered(kim.pk), covered(newcomer.pk)) == (7, 0)
    finally:
        CurrentPersonMonth.objects.all().delete()
        CurrentPerson.objects.all().delete()


def test_a_picker_reads_one_row_past_its_page_instead_of_counting(editor_client, namesakes):
    for n in range(25):
        make_person(f"Kim Namesake {n}")
    with CaptureQueriesContext(connection) as captured:
        first = picker(editor_client, "kim", more=True)
    assert not [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    last = picker(editor_client, "kim", page=2, more=False)
    assert len(first) == 20 and len(last) == 30 - 20
    assert (
        editor_client.get(
            AUTOCOMPLETE,
            {
                "term": "kim",
                "page": 9,
                "app_label": "articles",
                "model_name": "articleperson",
                "field_name": "person",
            },
        ).status_code
        == 404
    )
