"""The desk's story list at archive size: counts that never read the whole table,
search by text, person, slug or id, and a query budget that does not grow."""

import datetime
import re

import pytest
import reversion
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.admin import ArticleAdmin
from articles.models import Article, Correction
from articles.roles import EDITOR
from common.admin_lists import CappedPaginator, about

from .desk import role_user
from .factories import make_article, make_person, make_photo

pytestmark = pytest.mark.django_db

LIST = reverse("admin:articles_article_changelist")
#: The issue's budget for every desk list page.
LIST_QUERIES = 12


@pytest.fixture
def editor_client(client):
    client.force_login(role_user(EDITOR))
    return client


@pytest.fixture(autouse=True)
def short_pages(monkeypatch):
    monkeypatch.setattr(ArticleAdmin, "list_per_page", 20)


@pytest.fixture
def star():
    """A star with many stories, each with tags and a second person."""
    kim = make_person("Kim Kardashian", aliases="KKW")
    other = make_person("Kanye West")
    start = datetime.datetime(2024, 1, 1, 12, tzinfo=datetime.UTC)
    for number in range(45):
        make_article(
            f"Kim story {number}",
            people=[kim, other],
            main=kim,
            tags=["fashion", f"tag{number % 7}"],
            published_at=start + datetime.timedelta(days=number),
        )
    return kim


def rows(response):
    return list(response.context["cl"].result_list)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"p": "2"},
        {"q": "Kardashian"},
        {"q": "story"},
        {"state": "live"},
        {"published": "2024-02"},
        {"state": "live", "q": "KKW", "p": "1"},
    ],
)
def test_story_list_stays_within_its_query_budget_with_a_star_of_many_stories(
    editor_client, star, params, django_assert_max_num_queries
):
    with django_assert_max_num_queries(LIST_QUERIES):
        response = editor_client.get(LIST, params)
    assert response.status_code == 200
    assert rows(response)


def test_story_list_counts_exactly_up_to_the_cap_and_says_more_than_beyond(
    editor_client, monkeypatch
):
    for number in range(3):
        make_article(f"Story {number}")
    response = editor_client.get(LIST)
    assertContains(response, '<span class="desk-count">3</span> stories', html=True)

    monkeypatch.setattr(CappedPaginator, "cap", 2)
    response = editor_client.get(LIST)
    count = re.search(r'class="desk-count">([^<]+)<', response.content.decode()).group(1)
    # Beyond the cap the list never claims an exact number it did not count.
    assert count == "more than 2" or count.startswith("about ")
    assert response.context["cl"].paginator.exact is False


def test_a_search_counts_its_matches_up_to_its_own_cap(editor_client, monkeypatch):
    for number in range(3):
        make_article(f"Wedding {number}")
    make_article("A premiere")
    monkeypatch.setattr("common.admin_lists.SEARCH_COUNT_CAP", 2)
    response = editor_client.get(LIST, {"q": "wedding"})
    count = re.search(r'class="desk-count">([^<]+)<', response.content.decode()).group(1)
    assert count == "more than 2"
    assert len(response.context["cl"].result_list) == 3

    monkeypatch.setattr("common.admin_lists.SEARCH_COUNT_CAP", 3)
    response = editor_client.get(LIST, {"q": "wedding"})
    assertContains(response, '<span class="desk-count">3</span>', html=True)


@pytest.mark.parametrize("params", [{}, {"q": "Kardashian"}])
def test_a_deep_page_shows_the_rows_a_shallow_walk_would(editor_client, star, monkeypatch, params):
    shallow = [story.pk for story in rows(editor_client.get(LIST, {**params, "p": "2"}))]
    # From the first row of page 2 on, the page's ids are found first.
    monkeypatch.setattr("common.admin_lists.DEEP_PAGE", 20)
    with CaptureQueriesContext(connection) as queries:
        deep = editor_client.get(LIST, {**params, "p": "2"})
    assert [story.pk for story in rows(deep)] == shallow
    assert len(shallow) == 20
    assert len(queries) <= LIST_QUERIES


def test_big_counts_are_worded_as_a_person_says_them():
    assert about(1_234_567) == "about 1.2 million"
    assert about(2_000_000) == "about 2 million"
    assert about(48_612) == "about 49,000"


def test_a_slug_or_an_id_finds_that_story_alone(editor_client, star):
    story = Article.objects.get(headline="Kim story 17")
    assert rows(editor_client.get(LIST, {"q": story.slug})) == [story]
    assert rows(editor_client.get(LIST, {"q": str(story.pk)})) == [story]


def test_a_persons_alias_finds_their_stories_newest_first(editor_client, star):
    make_article("Nobody here")
    found = rows(editor_client.get(LIST, {"q": "kkw", "all": ""}))
    assert len(found) == 45
    assert found[0].headline == "Kim story 44"
    assert [story.published_at for story in found] == sorted(
        (story.published_at for story in found), reverse=True
    )


def test_search_finds_words_of_the_headline(editor_client):
    wedding = make_article("A wedding in Florence")
    make_article("A new album")
    assert rows(editor_client.get(LIST, {"q": "wedding"})) == [wedding]


def test_publication_drill_down_reads_years_then_months(editor_client, star):
    march = rows(editor_client.get(LIST, {"published": "2024-02", "all": ""}))
    assert len(march) == 14
    assert all(story.published_at.month == 2 for story in march)
    page = editor_client.get(LIST, {"published": "2024"})
    assertContains(page, "?published=2024-05")
    # A period that is no period filters nothing, and is no error.
    assert editor_client.get(LIST, {"published": "2024-13"}).status_code == 200


def test_search_filters_and_pages_keep_each_other_in_the_url(editor_client, star):
    response = editor_client.get(LIST, {"q": "Kardashian", "state": "live"})
    links = re.findall(r'href="(\?[^"]*p=2[^"]*)"', response.content.decode())
    assert links, "a second page is linked"
    assert all("q=Kardashian" in link and "state=live" in link for link in links)
    second = editor_client.get(LIST + links[0].replace("&amp;", "&"))
    assert len(rows(second)) == 20
    assertNotContains(second, "Kim story 44")


def test_a_bulk_action_moves_exactly_the_stories_selected(editor_client, star):
    chosen = list(Article.objects.order_by("pk")[:2])
    response = editor_client.post(
        LIST + "?q=Kardashian",
        {
            "action": "unpublish_stories",
            "_selected_action": [story.pk for story in chosen],
            "index": "0",
        },
    )
    assert response.status_code == 302
    drafts = set(Article.objects.filter(status=Article.Status.DRAFT))
    assert drafts == set(chosen)


def change_form_queries(client, story):
    url = reverse("admin:articles_article_change", args=[story.pk])
    client.get(url)  # sessions and caches warm
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


#: The issue's budget for a story's change form.
CHANGE_FORM_QUERIES = 20


def test_a_star_story_change_form_costs_the_same_with_many_people_tags_and_revisions(
    editor_client, star
):
    # Each person or tag picker names its choice from its row, read with the
    # rows: the form's queries do not grow with the rows, the revisions or
    # the corrections.
    people = [make_person(f"Person {n}") for n in range(8)]
    pinned = [make_article(f"Pinned {n}") for n in range(3)]
    few = make_article("Few rows", people=[star], tags=["one"])
    many = make_article(
        "Many rows",
        people=[star, *people],
        main=star,
        tags=[f"tag-{n}" for n in range(8)],
        photo=make_photo(),
        related=pinned,
    )
    for number in range(4):
        with reversion.create_revision():
            many.standfirst = f"Version {number}"
            many.save()
        Correction.objects.create(article=many, text=f"Correction {number}")

    queries = change_form_queries(editor_client, many)
    assert queries <= CHANGE_FORM_QUERIES
    assert queries - change_form_queries(editor_client, few) <= 3  # photo, pinned, corrections
