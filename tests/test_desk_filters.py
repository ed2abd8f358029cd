"""The story list's filters editors use: mine, a person, a tag, corrected stories
and lead-photo rights, each within the list's query budget and none listing
every row of a table as its choices."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.admin import ArticleAdmin
from articles.models import Article
from articles.roles import EDITOR

from .desk import role_user
from .factories import make_article, make_person, make_photo

pytestmark = pytest.mark.django_db

LIST = reverse("admin:articles_article_changelist")
LIST_QUERIES = 12


@pytest.fixture
def editor(db):
    return role_user(EDITOR)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def short_pages(monkeypatch):
    monkeypatch.setattr(ArticleAdmin, "list_per_page", 20)


@pytest.fixture
def archive(editor):
    """A star in 30 stories among others, the editor's own, a corrected one and photo rights."""
    kim = make_person("Kim Kardashian")
    kanye = make_person("Kanye West")
    start = timezone.now() - datetime.timedelta(days=60)
    for number in range(30):
        make_article(
            f"Kim story {number}",
            people=[kim],
            tags=["fashion"],
            published_at=start + datetime.timedelta(days=number),
        )
    today = timezone.localdate()
    return {
        "kim": kim,
        "kanye": make_article("Kanye story", people=[kanye], tags=["music"]),
        "mine": make_article("My own draft", status=Article.Status.DRAFT, authors=[editor]),
        "corrected": make_article("A corrected story", has_corrections=True),
        "expiring": make_article(
            "Lead photo ends soon",
            photo=make_photo(expires_on=today + datetime.timedelta(days=10)),
        ),
        "expired": make_article(
            "Lead photo ended", photo=make_photo(expires_on=today - datetime.timedelta(days=1))
        ),
        "lasting": make_article(
            "Lead photo lasts", photo=make_photo(expires_on=today + datetime.timedelta(days=90))
        ),
    }


def headlines(response):
    return {story.headline for story in response.context["cl"].result_list}


def test_a_person_given_by_slug_or_id_lists_only_their_stories(editor_client, archive):
    kim = archive["kim"]
    by_slug = editor_client.get(LIST, {"person": kim.slug})
    by_id = editor_client.get(LIST, {"person": str(kim.pk)})
    assert headlines(by_slug) == headlines(by_id)
    assert len(by_slug.context["cl"].result_list) == 20
    assert all(headline.startswith("Kim story") for headline in headlines(by_slug))
    # The chosen person is named in the filter.
    assertContains(by_slug, "Kim Kardashian")


def test_a_tag_given_by_slug_lists_only_its_stories(editor_client, archive):
    assert headlines(editor_client.get(LIST, {"tag": "music"})) == {"Kanye story"}


@pytest.mark.parametrize("param", ["person", "tag"])
def test_an_unknown_person_or_tag_lists_nothing_and_is_no_error(editor_client, archive, param):
    response = editor_client.get(LIST, {param: "nobody-at-all"})
    assert response.status_code == 200
    assert headlines(response) == set()


def test_the_filters_never_list_every_person_or_tag(editor_client, archive):
    response = editor_client.get(LIST)
    sidebar = response.content.decode().split('id="changelist-filter"')[1]
    assert "Kanye West" not in sidebar
    assert "music" not in sidebar


def test_mine_lists_the_stories_the_editor_writes(editor_client, archive):
    assert headlines(editor_client.get(LIST, {"mine": "yes"})) == {"My own draft"}


def test_corrected_lists_only_stories_with_corrections(editor_client, archive):
    assert headlines(editor_client.get(LIST, {"corrections": "yes"})) == {"A corrected story"}


def test_photo_rights_tell_a_licence_ending_from_one_ended(editor_client, archive):
    warning = editor_client.get(LIST, {"photo_rights": "warning"})
    expired = editor_client.get(LIST, {"photo_rights": "expired"})
    assert headlines(warning) == {"Lead photo ends soon"}
    assert headlines(expired) == {"Lead photo ended"}


@pytest.mark.parametrize(
    "params",
    [
        {"mine": "yes"},
        {"person": "kim-kardashian", "p": "2"},
        {"tag": "fashion"},
        {"corrections": "yes"},
        {"photo_rights": "warning"},
        {"photo_rights": "expired", "q": "photo"},
        {"state": "scheduled"},
        {"state": "review"},
    ],
)
def test_each_filter_stays_within_the_list_budget(editor_client, archive, params):
    if "person" in params:
        params["person"] = archive["kim"].slug
    with CaptureQueriesContext(connection) as queries:
        response = editor_client.get(LIST, params)
    assert response.status_code == 200
    assert len(queries) <= LIST_QUERIES


def test_a_filter_a_search_and_a_page_keep_each_other_in_the_url(editor_client, archive):
    kim = archive["kim"]
    response = editor_client.get(LIST, {"person": kim.slug, "q": "story"})
    links = re.findall(r'href="(\?[^"]*p=2[^"]*)"', response.content.decode())
    assert links, "a second page is linked"
    assert all(f"person={kim.slug}" in link and "q=story" in link for link in links)
    second = editor_client.get(LIST + links[0].replace("&amp;", "&"))
    assert len(second.context["cl"].result_list) == 10
    assertNotContains(second, "Kanye story")


def test_a_name_or_tag_in_the_list_filters_the_list_by_it(editor_client, archive):
    response = editor_client.get(LIST, {"q": "Kanye"})
    assertContains(response, '<a href="?tag=music">music</a>', html=True)
    person = re.search(r'href="(\?person=[^"]+)"', response.content.decode()).group(1)
    assert headlines(editor_client.get(LIST + person)) == {"Kanye story"}
