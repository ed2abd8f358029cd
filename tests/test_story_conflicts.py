"""Two people saving one story: a refused stale save lays out theirs beside the typed text,
field by field, and the author takes either before saving."""

import re

import pytest

from articles.models import Article

from .desk import admin_url, story_form
from .factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(client, reporter):
    """A draft saved once through the desk, so the version its author opens is kept."""
    made = make_article("Kim opens a shop", status="draft", authors=[reporter],
                        body="<p>In May.</p>", standfirst="A first.")  # fmt: skip
    client.force_login(reporter)
    client.post(admin_url("articles_article_change", made.pk), story_form(made, _step="save"))
    return Article.objects.get(pk=made.pk)


def post(client, story, data):
    return client.post(admin_url("articles_article_change", story.pk), data)


def saved_meanwhile(client, editor, story, **changes):
    """The editor saves ``changes`` over the story while the reporter has it open."""
    client.force_login(editor)
    fresh = Article.objects.get(pk=story.pk)
    assert post(client, fresh, story_form(fresh, _step="save", **changes)).status_code == 302


def conflict_rows(page):
    return re.findall(r'<tr id="conflict-(\w+)">', page)


def resolve_version(page):
    return re.search(r'name="_resolve_version" value="(\d+)"', page).group(1)


def test_their_change_is_laid_beside_mine_and_taken_with_my_own(client, editor, reporter, story):
    opened = story_form(story, _step="save")
    saved_meanwhile(client, editor, story, headline="Kim opens her first shop")
    client.force_login(reporter)

    refused = post(client, story, {**opened, "body": "<p>In June, in Calabasas.</p>"})

    page = refused.content.decode()
    assert "Not saved: editor saved this story at" in page
    assert "Their changes are beside yours below" in page
    # Only the field they changed is listed; it needs no choice, theirs is ticked.
    assert conflict_rows(page) == ["headline"]
    assert 'name="_take_headline" value="theirs" checked' in page
    assert "Kim opens her first shop" in page and 'value="Kim opens a shop"' in page

    resolved = post(
        client,
        story,
        {
            **opened,
            "body": "<p>In June, in Calabasas.</p>",
            "_resolve_version": resolve_version(page),
            "_take_headline": "theirs",
        },
    )

    assert resolved.status_code == 302
    saved = Article.objects.get(pk=story.pk)
    assert saved.headline == "Kim opens her first shop"  # theirs, kept
    assert saved.body == "<p>In June, in Calabasas.</p>"  # mine, kept


def test_a_field_both_changed_waits_for_a_choice(client, editor, reporter, story):
    opened = story_form(story, _step="save")
    saved_meanwhile(client, editor, story, standfirst="The editor's standfirst.")
    client.force_login(reporter)
    typed = {**opened, "standfirst": "The reporter's standfirst."}

    page = post(client, story, typed).content.decode()

    assert conflict_rows(page) == ["standfirst"]
    assert "changed by you both: choose" in page
    # The words that differ, from theirs to mine.
    assert (
        '<del title="removed">editor&#x27;s</del> <ins title="added">reporter&#x27;s</ins>' in page
    )
    version = resolve_version(page)

    unchosen = post(client, story, {**typed, "_resolve_version": version})
    assert "choose their standfirst or yours before saving" in unchosen.content.decode()
    assert conflict_rows(unchosen.content.decode()) == ["standfirst"]  # still laid out
    assert Article.objects.get(pk=story.pk).standfirst == "The editor's standfirst."

    chosen = post(client, story, {**typed, "_resolve_version": version, "_take_standfirst": "mine"})
    assert chosen.status_code == 302
    assert Article.objects.get(pk=story.pk).standfirst == "The reporter's standfirst."


def test_a_third_save_while_choosing_lays_out_the_newer_version(client, editor, reporter, story):
    opened = story_form(story, _step="save")
    saved_meanwhile(client, editor, story, headline="Second headline")
    client.force_login(reporter)
    typed = {**opened, "body": "<p>Mine.</p>"}
    first = resolve_version(post(client, story, typed).content.decode())
    saved_meanwhile(client, editor, story, headline="Third headline")
    client.force_login(reporter)

    again = post(client, story, {**typed, "_resolve_version": first, "_take_headline": "theirs"})

    page = again.content.decode()
    assert again.status_code == 200
    assert "Third headline" in page
    assert resolve_version(page) != first
    assert Article.objects.get(pk=story.pk).body == "<p>In May.</p>"


def test_without_a_kept_revision_every_difference_waits_for_a_choice(client, editor):
    story = make_article("Kim opens a shop", status="draft")  # never saved through the desk
    opened = story_form(story, _step="save")
    saved_meanwhile(client, editor, story, headline="Kim opens two shops")

    page = post(client, story, {**opened, "dateline": "CALABASAS"}).content.decode()

    assert sorted(conflict_rows(page)) == ["dateline", "headline"]
    assert page.count("changed by you both: choose") == 2


def test_a_stale_save_that_clashes_with_nothing_is_said_so(client, editor, reporter, story):
    opened = story_form(story, _step="save")
    saved_meanwhile(client, editor, story)  # saved with no change
    client.force_login(reporter)

    page = post(client, story, opened).content.decode()

    assert conflict_rows(page) == []
    assert "Nothing you typed clashes with their changes" in page
    resolved = post(client, story, {**opened, "_resolve_version": resolve_version(page)})
    assert resolved.status_code == 302
