"""The live preview: the story as readers will see it, drawn from the form's unsaved text,
for the desk only, framed by the desk only, and never saved."""

import pytest
from django.test import Client

from articles.models import Article
from articles.roles import EDITOR, REPORTER

from .desk import admin_url, role_user
from .factories import make_article, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    kim = make_person("Kim Kardashian", birth_date="1980-10-21")
    return make_article(
        "Kim opens a shop", status="draft", people=[kim], body="<p>Kim Kardashian opens it.</p>"
    )


def live(client, story, **typed):
    return client.post(admin_url("articles_article_live_preview", story.pk), typed)


def test_the_typed_text_is_drawn_as_readers_will_see_it_and_nothing_is_saved(client, story):
    client.force_login(role_user(EDITOR))
    version = story.version

    response = live(
        client,
        story,
        headline="Kim opens her first shop",
        body="<p>Kim Kardashian opens it in Calabasas.</p><script>alert(1)</script>",
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Live preview, as typed and not yet saved" in page
    assert "Kim opens her first shop</h1>" in page
    assert "in Calabasas." in page and "alert(1)" not in page  # cleaned as a save would
    assert 'class="person-mention"' in page  # people as saved are still linked
    story.refresh_from_db()
    assert (story.headline, story.version) == ("Kim opens a shop", version)


def test_only_the_desk_may_frame_it_and_no_one_keeps_it(client, story):
    client.force_login(role_user(EDITOR))

    response = live(client, story, headline="Typed")

    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    # Reader pages and the rest of the desk still refuse every frame.
    assert client.get(admin_url("articles_article_change", story.pk))["X-Frame-Options"] == "DENY"


def test_text_that_would_not_save_falls_back_to_the_saved_text(client, story):
    client.force_login(role_user(EDITOR))

    page = live(client, story, headline="", standfirst="x" * 600).content.decode()

    assert "Kim opens a shop</h1>" in page


def test_it_is_the_desks_alone_and_answers_posts_only(client, story):
    url = admin_url("articles_article_live_preview", story.pk)
    anonymous = Client().post(url, {"headline": "Typed"})
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]

    client.force_login(role_user(REPORTER))
    assert live(client, story, headline="Typed").status_code == 200  # any desk role may look
    assert client.get(url).status_code == 405
    assert client.post(admin_url("articles_article_live_preview", 99999), {}).status_code == 404
    assert Article.objects.get(pk=story.pk).headline == "Kim opens a shop"


def test_the_story_form_offers_it_once_the_story_is_saved(client, story):
    client.force_login(role_user(EDITOR))

    change = client.get(admin_url("articles_article_change", story.pk)).content.decode()
    add = client.get(admin_url("articles_article_add")).content.decode()

    assert 'class="module live-preview"' in change and 'name="live-preview"' in change
    assert (
        "live-preview" not in add.split("<form", 2)[-1] or 'class="module live-preview"' not in add
    )
