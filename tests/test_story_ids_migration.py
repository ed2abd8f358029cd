"""The migration that writes onto each existing story the ids of its people and tags."""

import datetime

import pytest
from django.utils import timezone

from .migrating import migrate, story_models

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0013_listings_copies_and_monthly_counts")]


def test_existing_stories_carry_their_people_and_tags_ids_and_relate_by_them():
    Person, Article, ArticlePerson, Tag, TaggedArticle = story_models(migrate(BEFORE))
    kim = Person.objects.create(name="Kim Kardashian", slug="kim-kardashian")
    kanye = Person.objects.create(name="Kanye West", slug="kanye-west")
    fashion = Tag.objects.create(name="fashion", slug="fashion")
    gala = Tag.objects.create(name="met-gala", slug="met-gala")
    now = timezone.now()
    stories = {}
    for n, (people, tags) in enumerate(
        [([kanye, kim], [gala, fashion]), ([kim], [fashion]), ([], [gala]), ([], [])]
    ):
        story = stories[n] = Article.objects.create(
            headline=f"Story {n}",
            slug=f"story-{n}",
            status="published",
            published_at=now - datetime.timedelta(hours=n + 1),
        )
        for person in people:
            ArticlePerson.objects.create(
                article=story, person=person, is_published=True, published_at=story.published_at
            )
        for tag in tags:
            TaggedArticle.objects.create(
                content_object=story, tag=tag, is_published=True, published_at=story.published_at
            )

    migrate()
    from articles.models import Article as CurrentArticle
    from people.models import Person as CurrentPerson
    from reading.querysets import stories as reading_stories

    try:
        ids = {
            story.slug: (story.person_ids, story.tag_ids)
            for story in CurrentArticle.objects.order_by("slug")
        }
        assert ids == {
            "story-0": (sorted([kim.pk, kanye.pk]), sorted([fashion.pk, gala.pk])),
            "story-1": ([kim.pk], [fashion.pk]),
            "story-2": ([], [gala.pk]),
            "story-3": ([], []),
        }
        first = CurrentArticle.objects.get(slug="story-0")
        related = [story.slug for story in reading_stories().story_sidebars(first, 5)[0]]
        assert related == ["story-1", "story-2"]
    finally:
        CurrentArticle.objects.all().delete()
        CurrentPerson.objects.all().delete()
        Tag.objects.all().delete()
