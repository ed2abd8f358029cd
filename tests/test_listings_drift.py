"""Every ORM path that links people and tags to stories keeps the listings true,
and ``manage.py checklistings`` finds (and repairs) what was changed around them."""

import datetime
import io
import json

import pytest
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, ArticlePerson, PersonMonth, TaggedArticle, TagMonth
from people.merging import merge_people
from reading import listings, pagecache

from .factories import make_article, make_person

pytestmark = pytest.mark.django_db


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def drifts():
    return [str(drift) for drift in listings.check()]


@pytest.fixture
def kim():
    return make_person("Kim Kardashian", slug="kim-kardashian")


@pytest.fixture
def kanye():
    return make_person("Kanye West", slug="kanye-west")


@pytest.fixture
def story():
    """A published story nobody is tagged on yet."""
    return make_article("Kim's new label", published_at=hours_ago(2))


@pytest.fixture
def kims_older_story(kim):
    """A story mainly about Kim: its "More on Kim" lists her other stories."""
    return make_article(
        "Kim at the Met Gala", main=kim, tags=["fashion"], published_at=hours_ago(5)
    )


def on_person_page(client, person):
    response = client.get(f"/people/{person.slug}/", {"fresh": timezone.now().timestamp()})
    assert response.status_code == 200
    return [story.headline for story in response.context["page"].object_list]


def on_tag_page(client, slug):
    response = client.get(f"/tags/{slug}/", {"fresh": timezone.now().timestamp()})
    assert response.status_code == 200
    return [story.headline for story in response.context["page"].object_list]


def in_person_feed(client, person, headline):
    response = client.get(f"/people/{person.slug}/feed/")
    assert response.status_code == 200
    return headline in response.content.decode()


def story_sidebars(client, story):
    """(the headlines of "More on" its main person, of its related stories)."""
    # Uncached: the page cache keeps the answer, not its context.
    response = client.get(story.get_absolute_url(), {"fresh": timezone.now().timestamp()})
    assert response.status_code == 200
    context = response.context
    return [s.headline for s in context["more_on"]], [s.headline for s in context["related"]]


def assert_listed_for(client, person, story, older):
    assert story.headline in on_person_page(client, person)
    assert in_person_feed(client, person, story.headline)
    more_on, related = story_sidebars(client, older)
    # Offered once: as a related story, so not again under "More on".
    assert story.headline in related
    assert story.headline not in more_on
    assert drifts() == []


def assert_not_listed_for(client, person, story, older):
    assert story.headline not in on_person_page(client, person)
    assert not in_person_feed(client, person, story.headline)
    more_on, related = story_sidebars(client, older)
    assert story.headline not in more_on
    assert story.headline not in related
    assert drifts() == []


def test_people_add_lists_a_published_story_on_the_persons_page(
    client, kim, story, kims_older_story
):
    story.people.add(kim)
    assert_listed_for(client, kim, story, kims_older_story)
    assert Article.objects.get(pk=story.pk).person_ids == [kim.pk]
    assert PersonMonth.objects.filter(person=kim).count() >= 1


def test_adding_two_people_at_once_lists_the_story_for_both(
    client, kim, kanye, story, kims_older_story
):
    story.people.add(kim, kanye)
    assert_listed_for(client, kim, story, kims_older_story)
    assert story.headline in on_person_page(client, kanye)
    assert sorted(Article.objects.get(pk=story.pk).person_ids) == sorted([kim.pk, kanye.pk])


def test_people_set_lists_and_unlists(client, kim, kanye, story, kims_older_story):
    story.people.set([kim, kanye])
    assert_listed_for(client, kim, story, kims_older_story)
    story.people.set([kanye])
    assert_not_listed_for(client, kim, story, kims_older_story)
    assert story.headline in on_person_page(client, kanye)


def test_people_remove_and_clear_take_the_story_off(client, kim, kanye, story, kims_older_story):
    story.people.add(kim, kanye)
    story.people.remove(kim)
    assert_not_listed_for(client, kim, story, kims_older_story)
    story.people.clear()
    assert story.headline not in on_person_page(client, kanye)
    assert Article.objects.get(pk=story.pk).person_ids == []
    assert drifts() == []


def test_person_articles_add_from_the_persons_side(client, kim, story, kims_older_story):
    kim.articles.add(story)
    assert_listed_for(client, kim, story, kims_older_story)
    kim.articles.remove(story)
    assert_not_listed_for(client, kim, story, kims_older_story)


def test_a_draft_added_through_the_manager_appears_once_published(client, kim, kims_older_story):
    draft = make_article("Kim's secret", status=Article.Status.DRAFT)
    draft.people.add(kim)
    assert draft.headline not in on_person_page(client, kim)
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert_listed_for(client, kim, draft, kims_older_story)


def test_tags_through_the_manager_list_the_story_on_the_tag_page(client, story):
    story.tags.add("beauty", "tour")
    assert story.headline in on_tag_page(client, "beauty")
    story.tags.set(["tour"])
    assert story.headline not in on_tag_page(client, "beauty")
    story.tags.remove("tour")
    assert story.headline not in on_tag_page(client, "tour")
    story.tags.add("award")
    story.tags.clear()
    assert Article.objects.get(pk=story.pk).tag_ids == []
    assert not TagMonth.objects.filter(stories__gt=0).exists()
    assert drifts() == []


def test_the_through_model_and_deletion_keep_the_listings(client, kim, story, kims_older_story):
    link = ArticlePerson.objects.create(article=story, person=kim)
    assert_listed_for(client, kim, story, kims_older_story)
    link.delete()
    assert_not_listed_for(client, kim, story, kims_older_story)
    story.people.add(kim)
    story.delete()
    assert drifts() == []
    assert on_person_page(client, kim) == [kims_older_story.headline]


def test_a_story_published_in_bulk_is_listed_when_tagged_through_an_older_copy(client):
    draft = make_article("Kim's secret", status=Article.Status.DRAFT)
    # The desk publishes it in bulk while this copy of the story is still in hand.
    Article.objects.filter(pk=draft.pk).update(
        status=Article.Status.PUBLISHED, published_at=hours_ago(1)
    )
    listings.sync([draft.pk])
    draft.tags.add("beauty")
    assert draft.headline in on_tag_page(client, "beauty")
    assert drifts() == []


def test_merging_people_linked_through_the_manager(client, kim, story, kims_older_story):
    duplicate = make_person("Kim K", slug="kim-k")
    story.people.add(duplicate)
    merge_people(duplicate, kim)
    assert_listed_for(client, kim, story, kims_older_story)


def test_each_path_starts_a_new_page_cache_generation(kim, story):
    for change in (
        lambda: story.people.add(kim),
        lambda: story.people.remove(kim),
        lambda: story.tags.add("beauty"),
        lambda: story.tags.clear(),
        lambda: listings.sync([story.pk]),
    ):
        before = pagecache.current_generation()
        change()
        assert pagecache.current_generation() != before


def test_loaddata_brings_links_loaded_without_copies_along(
    client, kim, kims_older_story, tmp_path, django_capture_on_commit_callbacks
):
    story = make_article("Loaded later", published_at=hours_ago(3))
    tag = Tag.objects.create(name="loaded", slug="loaded")
    # Links as a hand-written fixture gives them: no copies, no counts, no ids on the story.
    fixture = tmp_path / "links.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "articles.articleperson",
                    "pk": 900,
                    "fields": {"article": story.pk, "person": kim.pk, "is_main": False, "order": 0},
                },
                {
                    "model": "articles.taggedarticle",
                    "pk": 901,
                    "fields": {"content_object": story.pk, "tag": tag.pk},
                },
            ]
        )  # fmt: skip
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("loaddata", str(fixture), verbosity=0)
    assert_listed_for(client, kim, story, kims_older_story)
    assert story.headline in on_tag_page(client, "loaded")


def test_loading_an_older_dump_over_a_story_counts_it_where_it_is_now(
    client, kim, tmp_path, django_capture_on_commit_callbacks
):
    story = make_article("Kim's label launch", people=[kim], published_at=hours_ago(1))
    dump = tmp_path / "story.json"
    dump.write_text(
        serializers.serialize("json", [story, *story.person_links.all(), *story.tagged_items.all()])
    )
    # Moved back to an earlier month, then the dump of this month is loaded over it.
    story.published_at = timezone.now() - datetime.timedelta(days=70)
    story.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("loaddata", str(dump), verbosity=0)
    response = client.get(f"/people/{kim.slug}/", {"fresh": timezone.now().timestamp()})
    assert response.context["page"].paginator.count == 1
    assert f'Stories about {kim.name} <span class="count">(1)</span>' in response.text
    assert drifts() == []


# What goes around the ORM's signals -------------------------------------------------


def test_bulk_create_drifts_until_synced(client, kim, story, kims_older_story):
    ArticlePerson.objects.bulk_create([ArticlePerson(article=story, person=kim)])
    found = drifts()
    assert f"story {story.slug} (id {story.pk}): person link copy" in "\n".join(found)
    assert f"story {story.slug} (id {story.pk}): person ids" in "\n".join(found)
    assert any(
        line.startswith(f"person {kim.slug} (id {kim.pk}): person month count") for line in found
    )
    assert story.headline not in on_person_page(client, kim)
    listings.sync([story.pk])
    assert_listed_for(client, kim, story, kims_older_story)


def test_checklistings_reports_repairs_and_exits_non_zero(client, kim, story, kims_older_story):
    story.people.add(kim)
    # Drift made around the ORM: a copy, the ids on a row and a count.
    ArticlePerson.objects.filter(article=story).update(is_published=False)
    Article.objects.filter(pk=kims_older_story.pk).update(tag_ids=[])
    TaggedArticle.objects.filter(content_object=kims_older_story).update(published_at=None)
    PersonMonth.objects.filter(person=kim).update(stories=40)
    out = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("checklistings", stdout=out, stderr=io.StringIO())
    assert failed.value.returncode == 1
    report = out.getvalue()
    assert f"story {story.slug} (id {story.pk}): person link copy" in report
    assert f"story {kims_older_story.slug} (id {kims_older_story.pk}): tag ids" in report
    assert f"story {kims_older_story.slug} (id {kims_older_story.pk}): tag link copy" in report
    assert f"person {kim.slug} (id {kim.pk}): person month count" in report
    # Checking changes nothing.
    assert story.headline not in on_person_page(client, kim)

    before = pagecache.current_generation()
    with pytest.raises(CommandError):
        call_command("checklistings", "--repair", stdout=io.StringIO(), stderr=io.StringIO())
    assert pagecache.current_generation() != before
    assert_listed_for(client, kim, story, kims_older_story)
    assert on_person_page(client, kim) == [story.headline, kims_older_story.headline]

    out = io.StringIO()
    call_command("checklistings", stdout=out)
    assert "No drift" in out.getvalue()


def test_checklistings_shows_progress_on_request(kim, story):
    story.people.add(kim)
    err = io.StringIO()
    call_command("checklistings", "--progress", "--batch", "1", stdout=io.StringIO(), stderr=err)
    assert "stories 2/2 (100%)" in err.getvalue() or "stories 1/1 (100%)" in err.getvalue()
    quiet = io.StringIO()
    call_command("checklistings", stdout=io.StringIO(), stderr=quiet)
    assert quiet.getvalue() == ""


def test_checklistings_refuses_a_batch_of_nothing():
    with pytest.raises(CommandError, match="--batch"):
        call_command("checklistings", "--batch", "0", stdout=io.StringIO())


def test_links_moved_in_bulk_and_synced_with_their_keys_leave_no_drift(
    client, kim, kanye, story, kims_older_story
):
    story.people.add(kanye)
    TaggedArticle.objects.filter(content_object=kims_older_story).update(
        tag=Tag.objects.create(name="couture", slug="couture")
    )
    ArticlePerson.objects.filter(person=kim).update(person=kanye)
    moved = [story.pk, kims_older_story.pk]
    assert drifts()  # the old keys' counts and the stories' keys are behind

    listings.sync(moved, people=[kim, kanye], tags=Tag.objects.all())

    assert drifts() == []
    assert on_person_page(client, kanye) == ["Kim's new label", "Kim at the Met Gala"]
    assert on_person_page(client, kim) == []
    assert PersonMonth.objects.filter(person=kim).count() == 0
