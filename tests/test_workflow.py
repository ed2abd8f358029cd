"""A story's way through the desk: steps recorded, scheduling, preview, corrections."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Correction, StatusChange

from .desk import admin_url, local_parts, new_story_form, story_form
from .factories import make_article, make_person

pytestmark = pytest.mark.django_db


def test_each_step_is_recorded_with_who_and_when_and_shown_on_the_story_page(
    client, reporter, editor
):
    client.force_login(reporter)
    client.post(admin_url("articles_article_add"), new_story_form("Kim opens a shop"))
    story = Article.objects.get(slug="kim-opens-a-shop")
    assert list(story.authors.all()) == [reporter]
    client.post(admin_url("articles_article_change", story.pk), story_form(story, status="review"))
    client.force_login(editor)
    story.refresh_from_db()
    client.post(
        admin_url("articles_article_change", story.pk), story_form(story, status="published")
    )
    story.refresh_from_db()
    client.post(admin_url("articles_article_change", story.pk), story_form(story, status="draft"))

    steps = list(story.status_changes.values_list("from_status", "to_status", "by__username"))
    assert steps == [
        ("", "draft", "reporter"),
        ("draft", "review", "reporter"),
        ("review", "published", "editor"),
        ("published", "draft", "editor"),
    ]
    assert all(change.at <= timezone.now() for change in story.status_changes.all())
    page = client.get(admin_url("articles_article_change", story.pk)).content.decode()
    for words in [
        "created as a draft by reporter",
        "submitted for review by reporter",
        "published by editor",
        "unpublished (back to draft) by editor",
    ]:
        assert words in page


def test_a_save_that_keeps_the_status_records_no_step(client, editor):
    story = make_article("Kim opens a shop", status="draft", authors=[editor])
    client.force_login(editor)

    client.post(
        admin_url("articles_article_change", story.pk), story_form(story, headline="Kim shops")
    )

    assert not StatusChange.objects.exists()


def test_scheduled_story_is_listed_with_its_time_on_the_desks_clock(client, editor, settings):
    settings.TIME_ZONE = "Europe/Berlin"
    moment = timezone.now() + datetime.timedelta(days=3)
    story = make_article("Kim's birthday plans", status="draft", authors=[editor])
    client.force_login(editor)

    client.post(
        admin_url("articles_article_change", story.pk),
        story_form(story, status="published", **local_parts(moment)),
    )

    story.refresh_from_db()
    assert story.is_scheduled and not story.is_live
    local = timezone.localtime(story.published_at)
    listing = client.get(admin_url("articles_article_changelist")).content.decode()
    shown = f"scheduled for {local.day} {local:%B %Y, %H:%M} {local.tzname()}"
    assert shown in listing
    assert local.tzname() in ("CET", "CEST")
    scheduled = client.get(admin_url("articles_article_changelist"), {"state": "scheduled"})
    assert list(scheduled.context["cl"].result_list) == [story]
    step = story.status_changes.get()
    assert step.describe().startswith("scheduled for ")


def test_readers_see_a_scheduled_story_from_its_moment_on_without_any_job(client, editor):
    moment = timezone.now() + datetime.timedelta(minutes=5)
    story = make_article("Kim's new show", published_at=moment)

    assert client.get(story.get_absolute_url()).status_code == 404
    assert story not in Article.objects.published()
    assert story in Article.objects.published(now=moment)
    Article.objects.filter(pk=story.pk).update(published_at=timezone.now())  # the moment comes
    assert client.get(story.get_absolute_url()).status_code == 200


def test_preview_shows_a_draft_exactly_as_readers_will_see_it_and_is_not_indexed(client, editor):
    kim = make_person("Kim Kardashian", slug="kim-kardashian", birth_date="1980-10-21")
    story = make_article(
        "Kim Kardashian's next move",
        status="draft",
        people=[kim],
        main=kim,
        body="<p>Kim Kardashian is moving on.</p>",
        standfirst="A new chapter.",
    )
    client.force_login(editor)

    response = client.get(admin_url("articles_article_preview", story.pk))

    assert response.status_code == 200
    assert response.templates[0].name == "articles/story.html"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "A new chapter." in html
    age = kim.age_today
    assert re.search(
        rf'<a class="person-mention" href="/people/kim-kardashian/">Kim Kardashian</a> \({age}\)',
        html,
    )
    assert "not visible to readers" in html
    change_page = client.get(admin_url("articles_article_change", story.pk)).content.decode()
    assert admin_url("articles_article_preview", story.pk) in change_page


def test_bulk_publishing_sets_the_time_records_steps_and_spares_scheduled_times(client, editor):
    later = timezone.now() + datetime.timedelta(days=1)
    undated = make_article("Undated draft", status="draft")
    dated = make_article("Dated draft", status="review", published_at=later)
    client.force_login(editor)

    client.post(
        admin_url("articles_article_changelist"),
        {"action": "publish_stories", "_selected_action": [undated.pk, dated.pk]},
    )

    undated.refresh_from_db()
    dated.refresh_from_db()
    assert undated.status == dated.status == "published"
    assert undated.published_at <= timezone.now()
    assert dated.published_at == later
    assert undated.is_live and dated.is_scheduled
    assert StatusChange.objects.filter(to_status="published", by=editor).count() == 2
    assert undated.version == 2


def test_bulk_publishing_holds_back_a_story_whose_printed_age_is_wrong(client, editor):
    psalm = make_person("Psalm West", birth_date="2019-05-09")
    story = make_article(
        "The West children",
        status="review",
        published_at=timezone.make_aware(datetime.datetime(2021, 2, 5, 10)),
        people=[psalm],
        body="<p>Their son Psalm (2) was there.</p>",
    )
    client.force_login(editor)

    response = client.post(
        admin_url("articles_article_changelist"),
        {"action": "publish_stories", "_selected_action": [story.pk]},
        follow=True,
    )

    story.refresh_from_db()
    assert story.status == "review"
    assert "Psalm West" in response.content.decode()
    assert "they are 1" in response.content.decode()


def test_bulk_unpublish_and_bulk_tagging(client, editor):
    kim = make_person("Kim Kardashian")
    stories = [make_article(f"Story {n}") for n in range(3)]
    client.force_login(editor)
    changelist = admin_url("articles_article_changelist")
    pks = [story.pk for story in stories]

    form_page = client.post(changelist, {"action": "add_tag", "_selected_action": pks})
    assert "Tag to add" in form_page.content.decode()
    client.post(
        changelist, {"action": "add_tag", "_selected_action": pks, "apply": "1", "tag": "exclusive"}
    )
    client.post(
        changelist,
        {"action": "add_person", "_selected_action": pks, "apply": "1", "person": kim.pk},
    )
    client.post(changelist, {"action": "unpublish_stories", "_selected_action": pks[:2]})

    assert all(story.tags.filter(name="exclusive").exists() for story in stories)
    assert all(story.person_links.filter(person=kim).exists() for story in stories)
    assert Article.objects.filter(status="draft").count() == 2
    assert StatusChange.objects.filter(to_status="draft").count() == 2


def test_corrections_are_dated_shown_at_the_foot_and_bump_updated_at(client, editor):
    story = make_article("Kim's new label", body="<p>Launching in May.</p>")
    before = Article.objects.get(pk=story.pk).updated_at
    client.force_login(editor)

    client.post(
        admin_url("articles_article_change", story.pk),
        story_form(story, corrections=[("correction", "The label launches in June, not May.")]),
    )

    correction = Correction.objects.get()
    assert correction.by == editor
    story.refresh_from_db()
    assert story.updated_at > before
    assert story.has_corrections
    page = client.get(story.get_absolute_url()).content.decode()
    foot = page[page.index("story__body") :]
    assert "Corrections and updates" in foot
    assert "The label launches in June, not May." in foot
    assert timezone.localtime(correction.created_at).strftime("%-d %B %Y") in foot


def test_corrections_cannot_be_edited_or_removed(client, editor):
    story = make_article("Kim's new label")
    correction = Correction.objects.create(article=story, text="A date was wrong.")
    client.force_login(editor)
    data = story_form(story)
    data.update(
        {
            "corrections-TOTAL_FORMS": "1",
            "corrections-INITIAL_FORMS": "1",
            "corrections-0-id": correction.pk,
            "corrections-0-article": story.pk,
            "corrections-0-kind": "update",
            "corrections-0-text": "Nothing was wrong.",
            "corrections-0-DELETE": "on",
        }
    )

    client.post(admin_url("articles_article_change", story.pk), data)

    correction.refresh_from_db()
    assert correction.text == "A date was wrong."
    with pytest.raises(Exception, match="protected"):
        story.delete()


def test_corrections_and_teasers_cost_no_query_of_their_own(client, uncached_pages):
    teased = [make_article(f"Teased story {n}") for n in range(6)]
    story = make_article("Kim's new label")

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(story.get_absolute_url()).status_code == 200
        return len(context)

    plain = queries()
    story.body = "<p>[teaser: teased-story-0]</p>"
    story.save()
    one_teaser = queries()
    story.body = "".join(f"<p>[teaser: teased-story-{n}]</p>" for n in range(6))
    story.save()
    six_teasers = queries()
    Correction.objects.create(article=story, text="One.")
    one_correction = queries()
    for n in range(5):
        Correction.objects.create(article=story, text=f"More {n}.")
    six_corrections = queries()

    # Teasers come with the related stories, corrections with the story's own row.
    assert one_teaser == six_teasers == one_correction == six_corrections == plain
    assert all(s.headline in client.get(story.get_absolute_url()).content.decode() for s in teased)


def test_bulk_moves_count_the_stories_in_words(client, editor):
    one = make_article("Kim opens a shop", status="review")
    two = [make_article(f"Kanye story {n}", status="review") for n in range(2)]
    client.force_login(editor)
    changelist = admin_url("articles_article_changelist")

    def act(action, stories):
        pks = [story.pk for story in stories]
        response = client.post(changelist, {"action": action, "_selected_action": pks}, follow=True)
        return [str(message) for message in response.context["messages"]]

    assert act("publish_stories", [one]) == ["Published 1 story."]
    assert act("publish_stories", two) == ["Published 2 stories."]
    assert act("unpublish_stories", [one]) == ["Unpublished 1 story."]


def test_a_story_taken_off_the_site_claims_no_publication_time(client, editor):
    story = make_article("Kim opens a shop")
    client.force_login(editor)

    response = client.post(
        admin_url("articles_article_change", story.pk),
        story_form(Article.objects.get(pk=story.pk), status="draft"),
    )

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.published_at is None
    listed = client.get(admin_url("articles_article_changelist"))
    row = next(row for row in listed.context["cl"].result_list if row.pk == story.pk)
    assert listed.context["cl"].model_admin.publication(row) == "–"
    assert client.get(story.get_absolute_url()).status_code == 404
    # The history keeps when it was live.
    assert StatusChange.objects.filter(article=story, to_status="draft").exists()
