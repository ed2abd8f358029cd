"""Teasers picked from a story search: live stories only, newest first, for the desk."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from articles.roles import EDITOR, PHOTO_DESK

from .desk import admin_url, role_user
from .factories import make_article, make_person

pytestmark = pytest.mark.django_db

TEASERS = admin_url("articles_article_teasers")


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


@pytest.fixture
def editor_client(client):
    client.force_login(role_user(EDITOR))
    return client


def found(client, term):
    response = client.get(TEASERS, {"q": term})
    assert response.status_code == 200
    return [story["slug"] for story in response.json()["results"]]


def test_live_stories_are_found_by_words_person_or_slug_newest_first(editor_client):
    kanye = make_person("Kanye West")
    make_article("Kanye West and Chicago", slug="kanye-chicago", published_at=hours_ago(5))
    make_article("Kanye tours again", slug="kanye-tours", people=[kanye], published_at=hours_ago(1))
    make_article("Kanye's next album", slug="kanye-draft", status="draft")
    make_article(
        "Kanye later", slug="kanye-later", published_at=timezone.now() + datetime.timedelta(days=1)
    )

    assert found(editor_client, "Kanye") == ["kanye-tours", "kanye-chicago"]
    assert found(editor_client, "kanye-chicago") == ["kanye-chicago"]
    assert found(editor_client, "Chicago") == ["kanye-chicago"]
    assert found(editor_client, "") == ["kanye-tours", "kanye-chicago"]


def test_a_search_offers_ten_and_says_when_each_was_published(editor_client):
    for n in range(12):
        make_article(f"Kim story {n}", published_at=hours_ago(n + 1))

    results = editor_client.get(TEASERS, {"q": "Kim"}).json()["results"]

    assert len(results) == 10
    assert results[0]["headline"] == "Kim story 0"
    local = timezone.localtime(hours_ago(1))
    assert results[0]["published"].startswith(f"{local.day} {local:%B %Y}")


def test_the_search_is_the_desks_alone(client):
    assert Client().get(TEASERS, {"q": "Kim"}).status_code == 302  # to the sign-in page
    client.force_login(role_user(PHOTO_DESK))
    assert client.get(TEASERS, {"q": "Kim"}).status_code == 200  # the photo desk may view stories


def test_the_story_form_names_the_search(editor_client):
    page = editor_client.get(admin_url("articles_article_add")).content.decode()
    assert f'data-teaser-search="{TEASERS}"' in page


@pytest.mark.parametrize("term", ["kim\x00", "%", "\\", "'", "a" * 300])
def test_any_search_term_gets_an_answer(editor_client, term):
    make_article("Kim opens a shop", published_at=hours_ago(1))
    response = editor_client.get(TEASERS, {"q": term})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)
