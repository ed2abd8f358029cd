"""The story form's buttons: what each role may press at each stage, what each does, and
the history's words for it."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, StatusChange
from articles.roles import PHOTO_DESK, RESEARCHER

from .desk import admin_url, local_parts, new_story_form, role_user, story_form
from .factories import make_article, make_person

pytestmark = pytest.mark.django_db


def buttons(client, story=None):
    """The labels of the story form's step buttons, in order, and the stage shown before them."""
    url = (
        admin_url("articles_article_change", story.pk)
        if story
        else admin_url("articles_article_add")
    )
    page = client.get(url).content.decode()
    row = page[page.index('<div class="submit-row">') :]
    labels = re.findall(
        r'<button type="submit" name="_step" value="\w+" class="[^"]*">([^<]+)</button>', row
    )
    stage = re.search(r'<p class="story-stage">([^<]+)</p>', row)
    return labels, stage.group(1) if stage else None


def press(client, story, step, **changes):
    story = Article.objects.get(pk=story.pk)
    data = story_form(story, _step=step, **changes)
    return client.post(admin_url("articles_article_change", story.pk), data)


def test_a_reporter_saves_and_submits_but_never_publishes(client, reporter):
    client.force_login(reporter)
    assert buttons(client) == (["Save draft", "Submit for review"], "New draft")

    response = client.post(
        admin_url("articles_article_add"), new_story_form("Kim opens a shop", _step="submit")
    )
    story = Article.objects.get(slug="kim-opens-a-shop")
    assert story.status == Article.Status.REVIEW
    # Back on the story's own form, told what happened.
    assert response["Location"] == admin_url("articles_article_change", story.pk)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "“Kim opens a shop”: submitted for review; editors find it on their desk." in messages
    assert buttons(client, story) == (["Save", "Back to draft"], "In review")
    assert (
        "Publish"
        not in client.get(admin_url("articles_article_change", story.pk))
        .content.decode()
        .split('class="submit-row"')[1]
    )


def test_a_reporter_pressing_publish_by_hand_is_refused_and_nothing_is_saved(client, reporter):
    story = make_article("Kim opens a shop", status="draft", authors=[reporter])
    client.force_login(reporter)

    response = press(client, story, "publish", headline="Kim opens two shops")

    assert response.status_code == 200
    assert "that button is not yours to press on this story" in response.content.decode()
    story.refresh_from_db()
    assert (story.status, story.headline) == ("draft", "Kim opens a shop")
    assert not StatusChange.objects.filter(article=story).exists()


def test_an_editor_gets_the_buttons_of_each_stage(client, editor):
    client.force_login(editor)
    draft = make_article("A draft", status="draft")
    review = make_article("In review", status="review")
    scheduled = make_article("Scheduled", published_at=timezone.now() + datetime.timedelta(hours=5))
    live = make_article("Live")

    assert buttons(client, draft) == (
        ["Save draft", "Submit for review", "Publish", "Schedule"],
        "Draft",
    )
    assert buttons(client, review) == (
        ["Save", "Publish", "Schedule", "Back to draft"],
        "In review",
    )
    labels, stage = buttons(client, scheduled)
    assert labels == ["Save", "Publish now", "Unschedule"]
    assert stage.startswith("Scheduled for ")
    labels, stage = buttons(client, live)
    assert labels == ["Update", "Unpublish"]
    assert stage.startswith("Live since ")
    # No status menu any more.
    assert (
        'name="status" value="published"'
        in client.get(admin_url("articles_article_change", live.pk)).content.decode()
    )
    assert (
        '<select name="status"'
        not in client.get(admin_url("articles_article_change", live.pk)).content.decode()
    )


def test_a_researcher_only_saves_the_people_they_tag(client):
    researcher = role_user(RESEARCHER)
    story = make_article("Kim opens a shop")
    client.force_login(researcher)

    assert buttons(client, story) == (["Save"], story_stage(story))


def story_stage(story):
    from articles.workflow import describe_stage

    return describe_stage(story)


def test_publish_means_now_even_over_a_time_typed_ahead(client, editor):
    story = make_article("Kim opens a shop", status="review")
    client.force_login(editor)
    ahead = timezone.now() + datetime.timedelta(days=2)

    before = timezone.now()
    press(client, story, "publish", **local_parts(ahead))

    story.refresh_from_db()
    assert story.is_live
    assert before - datetime.timedelta(seconds=1) <= story.published_at <= timezone.now()


def test_publish_keeps_a_time_already_past(client, editor):
    story = make_article("Kim opens a shop", status="draft")
    client.force_login(editor)
    past = (timezone.now() - datetime.timedelta(days=3)).replace(microsecond=0)

    press(client, story, "publish", **local_parts(past))

    story.refresh_from_db()
    assert story.published_at == past


def test_schedule_needs_a_time_to_come(client, editor):
    story = make_article("Kim opens a shop", status="review")
    client.force_login(editor)

    refused = press(client, story, "schedule")

    assert "To schedule the story, give a time still to come" in refused.content.decode()
    story.refresh_from_db()
    assert story.status == "review"

    ahead = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    response = press(client, story, "schedule", **local_parts(ahead))

    story.refresh_from_db()
    assert story.is_scheduled and story.published_at == ahead
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("scheduled; readers see it from" in m for m in messages)


def test_unpublish_and_unschedule_take_the_story_back_to_draft(client, editor):
    live = make_article("Live story")
    scheduled = make_article(
        "Later story", published_at=timezone.now() + datetime.timedelta(days=1)
    )
    client.force_login(editor)

    press(client, live, "draft")
    press(client, scheduled, "draft")

    for story in (live, scheduled):
        story.refresh_from_db()
        assert (story.status, story.published_at) == ("draft", None)


def test_a_stale_button_is_refused(client, editor, reporter):
    """A form drawn while the story was a draft cannot unpublish it once it is live."""
    story = make_article("Kim opens a shop", status="draft", authors=[reporter])
    client.force_login(reporter)
    drawn = story_form(Article.objects.get(pk=story.pk), _step="submit")
    Article.objects.filter(pk=story.pk).update(status="published", published_at=timezone.now())

    response = client.post(admin_url("articles_article_change", story.pk), drawn)

    assert response.status_code in (200, 403)
    story.refresh_from_db()
    assert story.status == "published"


def test_the_history_says_what_changed_and_what_was_done(client, editor):
    kim = make_person("Kim Kardashian")
    story = make_article("Kim opens a shop", status="review", people=[kim])
    client.force_login(editor)

    press(client, story, "publish", headline="Kim opens two shops", body="<p>In June.</p>")
    press(client, story, "save", standfirst="A second one.")
    press(client, story, "save")
    press(client, story, "draft")

    comments = [v.revision.get_comment() for v in Version.objects.get_for_object(story)][::-1]
    assert comments == [
        "Headline and body changed; published",
        "Standfirst changed",
        "Saved without changes",
        "Unpublished (back to draft)",
    ]
    history = client.get(admin_url("articles_article_history", story.pk)).content.decode()
    assert "Headline and body changed; published" in history


def test_the_history_and_compare_pages_keep_to_the_desks_clock(client, editor, settings):
    settings.TIME_ZONE = "America/Los_Angeles"
    story = make_article("Kim opens a shop", status="draft")
    client.force_login(editor)
    ahead = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    press(client, story, "save")
    press(client, story, "schedule", **local_parts(ahead))
    newer, older = Version.objects.get_for_object(story)

    page = client.get(
        admin_url("articles_article_compare", story.pk), {"old": older.pk, "new": newer.pk}
    ).content.decode()

    local = timezone.localtime(ahead)
    assert f"Was none; now {local.day} {local:%B %Y, %H:%M} {local.tzname()}." in page
    assert "Was draft; now published." in page
    assert "+00:00" not in page and "UTC" not in page
    saved = timezone.localtime(newer.revision.date_created)
    assert f"{saved.day} {saved:%B %Y, %H:%M} {saved.tzname()}" in page


def test_enter_in_a_field_saves_rather_than_tagging_a_suggested_person(client, editor):
    """The form's first submit button is the invisible plain save, ahead of the desk checks'."""
    make_person("Kim Kardashian")
    story = make_article("Kim Kardashian opens a shop", status="draft")
    client.force_login(editor)

    page = client.get(admin_url("articles_article_change", story.pk)).content.decode()

    form = page[page.index('id="article_form"') :]
    first_button = re.search(r"<button[^>]*>", form).group(0)
    assert 'name="_step" value="save"' in first_button
    assert "Save and tag Kim Kardashian" in form


def test_a_refused_step_offers_the_buttons_of_the_story_as_saved(client, editor):
    story = make_article("Kim opens a shop", status="review")
    client.force_login(editor)

    refused = press(client, story, "schedule")

    page = refused.content.decode()
    row = page[page.index('<div class="submit-row">') :]
    assert '<p class="story-stage">In review</p>' in row
    assert 'value="schedule"' in row and 'value="draft"' in row


def test_the_desk_names_people_as_bylines_do(client, editor):
    editor.first_name, editor.last_name = "Rosa", "Blum"
    editor.save()
    story = make_article("Kim opens a shop", status="review")
    client.force_login(editor)

    press(client, story, "publish")

    page = client.get(admin_url("articles_article_change", story.pk)).content.decode()
    assert "published by Rosa Blum" in page
    history = client.get(admin_url("articles_article_history", story.pk)).content.decode()
    assert "<td>Rosa Blum</td>" in history


def byline_picker(client, term):
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": term,
            "app_label": "articles",
            "model_name": "byline",
            "field_name": "contributor",
        },
    )
    return response.status_code, [r["text"] for r in response.json()["results"]] if (
        response.status_code == 200
    ) else []


def test_the_byline_picker_offers_staff_and_guests_by_the_names_bylines_print(
    client, editor, reporter
):
    from articles.models import Contributor

    from .factories import make_user

    reporter.first_name, reporter.last_name = "Rosa", "Blum"
    reporter.save()
    make_user("rosa-reader", first_name="Rosa", last_name="Reader")  # not on the desk
    Contributor.objects.create(name="Rosa Gast", slug="rosa-gast")  # a freelance writer
    story = make_article("Kim opens a shop", status="draft", authors=[reporter])
    client.force_login(editor)

    # Editors hold no right to see accounts, yet pick the story's authors.
    assert byline_picker(client, "rosa") == (200, ["Rosa Blum", "Rosa Gast"])
    page = client.get(admin_url("articles_article_change", story.pk)).content.decode()
    assert f'<option value="{reporter.contributor.pk}" selected>Rosa Blum</option>' in page

    client.force_login(reporter)
    assert byline_picker(client, "gast") == (200, ["Rosa Gast"])
    client.force_login(role_user(PHOTO_DESK))
    assert byline_picker(client, "rosa")[0] == 403
