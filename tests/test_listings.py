"""Person and tag listings: counts and pages follow every change to a story at once,
and a deep page shows exactly the stories a plain count from the top would."""

import datetime
from collections import Counter

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import Article, ArticlePerson, PersonMonth, TagMonth
from people.merging import merge_people
from reading import listings

from .factories import make_article, make_person, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def kim():
    return make_person("Kim Kardashian", slug="kim-kardashian")


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def page_headlines(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [story.headline for story in response.context["page"].object_list]


def person_total(client, person):
    return client.get(person.get_absolute_url()).context["page"].paginator.count


def test_a_deep_page_shows_what_counting_from_the_newest_story_would(client, kim):
    # 130 stories over about eight months: pages cross month boundaries.
    for n in range(130):
        make_article(f"Story {n}", people=[kim], tags=["fashion"], published_at=days_ago(2 * n))
    newest_first = [f"Story {n}" for n in range(130)]
    for number in (1, 2, 4, 7):
        expected = newest_first[(number - 1) * 20 : number * 20]
        assert page_headlines(client, f"{kim.get_absolute_url()}?page={number}") == expected
        assert page_headlines(client, f"/tags/fashion/?page={number}") == expected
    assert client.get(f"{kim.get_absolute_url()}?page=8").status_code == 404


def test_publishing_unpublishing_and_moving_a_story_change_the_counts_at_once(client, kim):
    story = make_article("Kim's new label", people=[kim], tags=["fashion"], status="draft")
    assert person_total(client, kim) == 0

    story.status = Article.Status.PUBLISHED
    story.published_at = days_ago(60)
    story.save()
    assert person_total(client, kim) == 1
    month = listings.month_of(story.published_at)
    assert PersonMonth.objects.get(person=kim).month == month
    assert TagMonth.objects.get(tag__slug="fashion").stories == 1

    story.published_at = days_ago(1)
    story.save()
    # Sixty days on, in another month: the old month's count goes.
    assert list(PersonMonth.objects.values_list("month", "stories")) == [
        (listings.month_of(story.published_at), 1)
    ]

    workflow.unpublish(Article.objects.filter(pk=story.pk), make_user())
    assert person_total(client, kim) == 0
    assert not PersonMonth.objects.exists() and not TagMonth.objects.exists()
    assert page_headlines(client, "/tags/fashion/") == []

    workflow.publish(Article.objects.filter(pk=story.pk), make_user("chief"))
    assert page_headlines(client, kim.get_absolute_url()) == ["Kim's new label"]


def test_untagging_and_deleting_take_stories_off_the_listings(client, kim):
    kept = make_article("Kept", people=[kim], tags=["beauty"], published_at=days_ago(40))
    untagged = make_article("Untagged", people=[kim], tags=["beauty"], published_at=days_ago(41))
    deleted = make_article("Deleted", people=[kim], tags=["beauty"], published_at=days_ago(42))

    ArticlePerson.objects.get(article=untagged, person=kim).delete()
    untagged.tags.remove("beauty")
    deleted.delete()

    assert page_headlines(client, kim.get_absolute_url()) == ["Kept"]
    assert page_headlines(client, "/tags/beauty/") == ["Kept"]
    assert sum(PersonMonth.objects.values_list("stories", flat=True)) == 1
    assert kept.pk


def test_a_scheduled_story_joins_the_listing_at_its_moment_without_any_save(client, kim):
    make_article("Out now", people=[kim], published_at=days_ago(1))
    later = timezone.now() + datetime.timedelta(hours=1)
    make_article("Coming up", people=[kim], published_at=later)

    assert [n for _, n in listings.PEOPLE.months(kim)] == [1]
    assert sum(n for _, n in listings.PEOPLE.months(kim, now=later)) == 2
    assert page_headlines(client, kim.get_absolute_url()) == ["Out now"]


def test_merged_people_keep_every_story_in_their_counts(client, kim):
    duplicate = make_person("Kim K.", slug="kim-k")
    make_article("One", people=[kim], published_at=days_ago(3))
    make_article("Two", people=[duplicate], published_at=days_ago(90))
    make_article("Both", people=[kim, duplicate], published_at=days_ago(200))

    merge_people(duplicate, kim)

    assert person_total(client, kim) == 3
    assert sum(PersonMonth.objects.filter(person=kim).values_list("stories", flat=True)) == 3


def test_often_in_the_news_with_says_when_it_looked_at_the_newest_stories_only(
    client, kim, monkeypatch, uncached_pages
):
    from reading import views

    kanye = make_person("Kanye West", slug="kanye-west")
    north = make_person("North West", slug="north-west")
    for n in range(4):
        make_article(f"With Kanye {n}", people=[kim, kanye], published_at=days_ago(n))
    make_article("With North, long ago", people=[kim, north], published_at=days_ago(400))
    monkeypatch.setattr(views, "OFTEN_WITHIN", 3)

    response = client.get(kim.get_absolute_url())
    assert [(p.name, p.shared) for p in response.context["often_with"]] == [("Kanye West", 3)]
    assert "latest 3 stories" in response.content.decode()

    monkeypatch.setattr(views, "OFTEN_WITHIN", 500)
    response = client.get(kim.get_absolute_url())
    assert [p.name for p in response.context["often_with"]] == ["Kanye West", "North West"]
    assert "latest 500" not in response.content.decode()


def test_the_person_and_tag_pages_count_the_published_stories_of_each_month(client, kim):
    from taggit.models import Tag

    from reading import pages as reading

    for days in (0, 1, 40, 41, 400):
        make_article(
            f"{days} days ago", people=[kim], tags=["fashion"], published_at=days_ago(days)
        )
    make_article("Draft", people=[kim], tags=["fashion"], status=Article.Status.DRAFT)

    tag = Tag.objects.get(slug="fashion")
    months = reading.months(kim, listings.PEOPLE)
    assert months == reading.months(tag, listings.TAGS)
    assert sum(n for _, n in months) == 5
    assert months == sorted(
        Counter(
            listings.month_of(story.published_at) for story in Article.objects.published()
        ).items()
    )
    # The coverage chart shows them.
    assert client.get(kim.get_absolute_url()).context["coverage"].total == 5


def test_the_ids_on_the_story_rows_are_written_in_one_update_per_kind_of_link(kim):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    kanye = make_person("Kanye West")
    stories = [
        make_article(f"Story {n}", people=[kanye, kim][: 1 + n % 2], tags=[f"t{n}", "both"])
        for n in range(30)
    ]
    stories.append(make_article("Nobody in it"))
    ids = [story.pk for story in stories]
    Article.objects.filter(pk__in=ids).update(person_ids=[0], tag_ids=[])
    with CaptureQueriesContext(connection) as queries:
        listings.store_keys(ids)
    # One per kind of link (people, tags, authors), not one per story: a star's
    # merge touches tens of thousands.
    assert len(queries) == len(listings.LISTINGS)
    for story in Article.objects.filter(pk__in=ids):
        assert story.person_ids == sorted(story.person_links.values_list("person_id", flat=True))
        assert story.tag_ids == sorted(story.tags.values_list("pk", flat=True))
    assert list(listings.check()) == []
