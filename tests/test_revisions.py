"""Revisions kept by every save, compared and restored; and no save over an unseen version."""

import pytest
from reversion.models import Version

from articles.models import Article, ArticlePerson, StatusChange
from articles.roles import REPORTER, RESEARCHER

from .desk import admin_url, role_user, story_form
from .factories import make_article, make_person

pytestmark = pytest.mark.django_db


def save(client, story, **changes):
    story = Article.objects.get(pk=story.pk)
    return client.post(admin_url("articles_article_change", story.pk), story_form(story, **changes))


def test_every_save_keeps_a_revision_with_its_people(client, editor):
    kim = make_person("Kim Kardashian")
    story = make_article("First headline", status="draft", people=[kim])
    client.force_login(editor)

    save(client, story, headline="Second headline")
    save(client, story, headline="Third headline")

    versions = Version.objects.get_for_object(story)
    assert [v.field_dict["headline"] for v in versions] == ["Third headline", "Second headline"]
    assert all(v.revision.user == editor for v in versions)
    assert all(len(v.revision.version_set.all()) == 2 for v in versions)  # story and its person


def test_history_lists_revisions_and_compare_shows_what_changed(client, editor):
    story = make_article("Kim opens a shop", status="draft", body="<p>In May.</p><p>Same.</p>")
    client.force_login(editor)
    save(client, story)
    save(client, story, headline="Kim opens two shops", body="<p>In June.</p><p>Same.</p>")
    newer, older = Version.objects.get_for_object(story)

    history = client.get(admin_url("articles_article_history", story.pk)).content.decode()
    assert "Compare the two revisions" in history
    compare = client.get(
        admin_url("articles_article_compare", story.pk), {"old": older.pk, "new": newer.pk}
    )

    page = compare.content.decode()
    assert compare.status_code == 200
    # In words: what each field was and is, the moved words marked, no markup shown.
    assert "Changed: headline, body." in page
    assert "Was “Kim opens a shop”; now “Kim opens two shops”." in page
    assert 'Kim opens <del title="removed">a shop</del> <ins title="added">two shops</ins>' in page
    assert "Paragraph 1 changed" in page and "Paragraph 2" not in page
    assert 'In <del title="removed">May.</del> <ins title="added">June.</ins>' in page
    assert "&lt;p&gt;" not in page
    assert "Restore the older revision" in page


def test_compare_without_two_revisions_says_so(client, editor):
    story = make_article("Kim opens a shop")
    client.force_login(editor)

    response = client.get(
        admin_url("articles_article_compare", story.pk), {"old": "x"}, follow=True
    )

    assert "Choose two revisions of this story to compare." in response.content.decode()


def test_an_older_revision_can_be_restored(client, editor):
    story = make_article("Kim opens a shop", status="draft", body="<p>Original.</p>")
    client.force_login(editor)
    save(client, story)
    save(client, story, headline="A worse headline", body="<p>Worse.</p>")
    older = Version.objects.get_for_object(story)[1]

    form_page = client.get(admin_url("articles_article_revision", story.pk, older.pk))
    assert form_page.status_code == 200
    assert Article.objects.get(pk=story.pk).headline == "A worse headline"  # nothing saved yet
    form = form_page.context["adminform"].form
    assert form["headline"].value() == "Kim opens a shop"
    current = Article.objects.get(pk=story.pk)
    data = story_form(current, headline="Kim opens a shop", body="<p>Original.</p>")
    data["seen_version"] = form["seen_version"].value()
    response = client.post(admin_url("articles_article_revision", story.pk, older.pk), data)

    assert response.status_code == 302
    restored = Article.objects.get(pk=story.pk)
    assert (restored.headline, restored.body) == ("Kim opens a shop", "<p>Original.</p>")
    assert restored.version == current.version + 1
    assert "Reverted" in Version.objects.get_for_object(story)[0].revision.get_comment()


def test_a_restore_over_a_version_never_seen_is_refused(client, editor):
    story = make_article("Kim opens a shop", status="draft")
    client.force_login(editor)
    save(client, story)
    older = Version.objects.get_for_object(story)[0]
    page = client.get(admin_url("articles_article_revision", story.pk, older.pk))
    seen = page.context["adminform"].form["seen_version"].value()
    save(client, story, headline="Saved by someone meanwhile")

    data = story_form(Article.objects.get(pk=story.pk), seen_version=seen)
    response = client.post(admin_url("articles_article_revision", story.pk, older.pk), data)

    assert response.status_code == 200
    assert "Not saved" in response.content.decode()
    assert Article.objects.get(pk=story.pk).headline == "Saved by someone meanwhile"


def test_a_save_over_a_version_never_seen_is_refused_and_the_text_kept(client, editor):
    reporter = role_user(REPORTER)
    story = make_article("Kim opens a shop", status="draft", authors=[reporter])
    opened_by_reporter = story_form(Article.objects.get(pk=story.pk))
    client.force_login(editor)
    assert save(client, story, headline="The editor's headline").status_code == 302

    client.force_login(reporter)
    response = client.post(
        admin_url("articles_article_change", story.pk),
        {**opened_by_reporter, "body": "<p>The reporter's long new paragraph.</p>"},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Not saved: editor saved this story at" in page
    assert "after you opened it" in page
    assert "The reporter&#x27;s long new paragraph." in page or "reporter's long new" in page
    assert Article.objects.get(pk=story.pk).headline == "The editor's headline"


def test_a_post_without_the_version_seen_is_refused(client, editor):
    story = make_article("Kim opens a shop", status="draft")
    client.force_login(editor)
    data = story_form(story, headline="Changed")
    del data["seen_version"]

    response = client.post(admin_url("articles_article_change", story.pk), data)

    assert response.status_code == 200
    assert Article.objects.get(pk=story.pk).headline == "Kim opens a shop"


def test_saves_one_after_another_each_see_the_last(client, editor):
    story = make_article("Kim opens a shop", status="draft")
    client.force_login(editor)

    for n in range(3):
        assert save(client, story, headline=f"Take {n}").status_code == 302

    assert Article.objects.get(pk=story.pk).version == 4


def test_a_researcher_posting_an_old_revision_back_changes_nothing(client, editor):
    story = make_article("Kim opens a shop", body="<p>Original.</p>")
    client.force_login(editor)
    save(client, story, headline="Kim opens two shops")
    save(client, story, headline="Kim opens three shops")
    older = Version.objects.get_for_object(story)[1]
    before = Article.objects.get(pk=story.pk)
    client.force_login(role_user(RESEARCHER))

    url = admin_url("articles_article_revision", story.pk, older.pk)
    opened = client.get(url)
    posted = client.post(url, story_form(before))

    assert opened.status_code == posted.status_code == 403
    after = Article.objects.get(pk=story.pk)
    assert (after.headline, after.version) == ("Kim opens three shops", before.version)
    assert Version.objects.get_for_object(story).count() == 2


def test_a_revision_of_another_story_cannot_be_restored_through_this_one(client, editor):
    mine = make_article("Kim opens a shop", status="draft")
    other = make_article("Kanye tours again", status="draft")
    # A row of the other story's revision whose id is this story's id.
    link = ArticlePerson.objects.create(
        pk=mine.pk, article=other, person=make_person("Kanye West"), order=0
    )
    client.force_login(editor)
    save(client, other)
    save(client, other, headline="Kanye cancels the tour")
    older_revision = Version.objects.get_for_object(other)[1].revision
    of_other = Version.objects.get_for_object(link).get(revision=older_revision)

    response = client.post(
        admin_url("articles_article_revision", mine.pk, of_other.pk),
        story_form(Article.objects.get(pk=mine.pk)),
    )

    assert response.status_code == 404
    assert Article.objects.get(pk=other.pk).headline == "Kanye cancels the tour"
    assert Article.objects.get(pk=mine.pk).headline == "Kim opens a shop"


def test_restoring_one_story_of_a_bulk_move_leaves_the_others_alone(client, editor):
    first = make_article("First draft", status="draft")
    second = make_article("Second draft", status="draft")
    client.force_login(editor)
    client.post(
        admin_url("articles_article_changelist"),
        {"action": "publish_stories", "_selected_action": [first.pk, second.pk]},
    )
    save(client, second, headline="Second, rewritten")
    save(client, first, headline="First, rewritten")
    bulk_version = Version.objects.get_for_object(first)[1]

    page = client.get(admin_url("articles_article_revision", first.pk, bulk_version.pk))
    data = story_form(Article.objects.get(pk=first.pk), headline="First draft")
    data["seen_version"] = page.context["adminform"].form["seen_version"].value()
    response = client.post(admin_url("articles_article_revision", first.pk, bulk_version.pk), data)

    assert response.status_code == 302
    assert Article.objects.get(pk=first.pk).headline == "First draft"
    assert Article.objects.get(pk=second.pk).headline == "Second, rewritten"


def test_restoring_a_revision_from_before_publication_keeps_the_story_live(client, editor):
    story = make_article("Kim opens a shop", status="review", body="<p>First text.</p>")
    client.force_login(editor)
    save(client, story)  # the revision from before publication
    before_publishing = Version.objects.get_for_object(story)[0]
    save(client, story, status="published")
    save(client, story, corrections=[("correction", "The shop opens in June.")])
    save(client, story, headline="Kim opens two shops", body="<p>Later text.</p>")
    live = Article.objects.get(pk=story.pk)
    steps = list(StatusChange.objects.filter(article=story).values_list("from_status", "to_status"))
    url = admin_url("articles_article_revision", story.pk, before_publishing.pk)

    form = client.get(url).context["adminform"].form
    assert form["status"].value() == "published"
    assert form["published_at"].value() is not None
    assert form["headline"].value() == "Kim opens a shop"
    data = story_form(live, headline="Kim opens a shop", body="<p>First text.</p>")
    data["seen_version"] = form["seen_version"].value()
    assert client.post(url, data).status_code == 302

    restored = Article.objects.get(pk=story.pk)
    assert (restored.headline, restored.body) == ("Kim opens a shop", "<p>First text.</p>")
    assert (restored.status, restored.published_at) == ("published", live.published_at)
    assert steps == list(
        StatusChange.objects.filter(article=story).values_list("from_status", "to_status")
    )
    client.logout()
    page = client.get(restored.get_absolute_url())
    assert page.status_code == 200
    assert "The shop opens in June." in page.content.decode()


def test_a_status_change_made_while_restoring_is_recorded(client, editor):
    story = make_article("Kim opens a shop", body="<p>First text.</p>")
    client.force_login(editor)
    save(client, story)
    save(client, story, headline="Kim opens two shops")
    older = Version.objects.get_for_object(story)[1]
    url = admin_url("articles_article_revision", story.pk, older.pk)
    seen = client.get(url).context["adminform"].form["seen_version"].value()

    data = story_form(Article.objects.get(pk=story.pk), headline="Kim opens a shop")
    data.update(status="draft", seen_version=seen)
    assert client.post(url, data).status_code == 302

    assert Article.objects.get(pk=story.pk).status == "draft"
    step = StatusChange.objects.get(article=story)
    assert (step.from_status, step.to_status, step.by) == ("published", "draft", editor)


def test_a_deleted_story_comes_back_as_a_draft(client, editor):
    story = make_article("Kim opens a shop")
    client.force_login(editor)
    save(client, story)
    version = Version.objects.get_for_object(story)[0]
    data = story_form(Article.objects.get(pk=story.pk))
    Article.objects.filter(pk=story.pk).delete()
    url = admin_url("articles_article_recover", version.pk)

    form = client.get(url).context["adminform"].form
    assert form["status"].value() == "draft"
    data.update(status="draft", seen_version=form["seen_version"].value())
    data.update(published_at_0="", published_at_1="")
    assert client.post(url, data).status_code == 302

    back = Article.objects.get(slug=story.slug)
    assert (back.status, back.published_at) == ("draft", None)


def test_a_stale_save_of_a_form_drawn_before_publication_gives_only_the_clear_message(
    client, editor
):
    story = make_article("Kim opens a shop", status="draft")
    # The draft's form has no corrections inline: corrections come with publication.
    drawn_as_draft = {
        key: value
        for key, value in story_form(Article.objects.get(pk=story.pk)).items()
        if not key.startswith("corrections-")
    }
    client.force_login(editor)
    published = save(client, story, status="published", headline="Kim opens her first shop")
    assert published.status_code == 302

    response = client.post(
        admin_url("articles_article_change", story.pk),
        {**drawn_as_draft, "headline": "Kim opens a shop in Calabasas"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "after you opened it" in page
    assert "ManagementForm" not in page
    assert 'value="Kim opens a shop in Calabasas"' in page  # the typed text is kept
    saved = Article.objects.get(pk=story.pk)
    assert (saved.status, saved.headline) == ("published", "Kim opens her first shop")


def test_after_a_refused_save_the_heading_names_the_story_as_saved(client, editor):
    story = make_article("Kim opens a shop", status="draft")
    opened = story_form(Article.objects.get(pk=story.pk))
    client.force_login(editor)
    save(client, story, headline="Kim opens her first shop")

    response = client.post(
        admin_url("articles_article_change", story.pk), {**opened, "headline": "Typed, not saved"}
    )

    assert response.status_code == 200
    assert response.context["subtitle"] == "Kim opens her first shop"
    assert "<h2>Kim opens her first shop</h2>" in response.content.decode()
