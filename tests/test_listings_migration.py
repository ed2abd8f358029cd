"""The migration that gives existing links their stories' status and time, and counts months."""

import datetime

import pytest
from django.utils import timezone

from .migrating import migrate, story_models

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0012_article_reading_ids_index")]


def test_an_existing_archive_reads_the_same_after_the_migration():
    Person, Article, ArticlePerson, Tag, TaggedArticle = story_models(migrate(BEFORE))
    kim = Person.objects.create(name="Kim Kardashian", slug="kim-kardashian")
    fashion = Tag.objects.create(name="fashion", slug="fashion")
    now = timezone.now()
    for n, status in enumerate(["published", "published", "published", "draft"]):
        story = Article.objects.create(
            headline=f"Story {n}",
            slug=f"story-{n}",
            status=status,
            published_at=now - datetime.timedelta(days=40 * n) if status == "published" else None,
        )
        ArticlePerson.objects.create(article=story, person=kim, is_main=True)
        TaggedArticle.objects.create(content_object=story, tag=fashion)

    migrate()  # on to the latest, which the current models read
    from articles.models import Article as CurrentArticle
    from people.models import Person as CurrentPerson
    from reading.listings import PEOPLE, TAGS

    try:
        assert sum(n for _, n in PEOPLE.months(kim.pk)) == 3
        assert sum(n for _, n in TAGS.months(fashion.pk)) == 3
        assert len(PEOPLE.months(kim.pk)) == 3
        newest = list(PEOPLE.newest(kim.pk, 2).values_list("article__headline", flat=True))
        assert newest == ["Story 0", "Story 1"]
    finally:
        CurrentArticle.objects.all().delete()
        CurrentPerson.objects.all().delete()  # with the totals the latest models keep
        Tag.objects.all().delete()
