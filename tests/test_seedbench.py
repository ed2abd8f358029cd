"""seedbench fills the database with a realistic archive, in bulk, and can take it away."""

import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from articles.models import Article, ArticlePerson
from people.models import Person, Relationship
from photos.models import Photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    call_command("seedbench", stories=600, people=60, tags=40, seed=7, stdout=None)
    return Article.objects.filter(slug__startswith="bench-")


def test_creates_what_was_asked_for(archive):
    assert archive.count() == 600
    assert Person.objects.filter(slug__startswith="bench-").count() == 60
    assert Relationship.objects.filter(kind="spouse").exists()
    assert Relationship.objects.filter(kind="parent").exists()


def test_stories_carry_one_to_six_people_one_of_them_main(archive):
    counts = archive.annotate(
        people_count=Count("person_links", distinct=True),
        main_count=Count("person_links", filter=Q(person_links__is_main=True), distinct=True),
    )
    assert {story.main_count for story in counts} == {1}
    assert {story.people_count for story in counts} <= set(range(1, 7))
    assert max(story.people_count for story in counts) > 3


def test_stories_carry_two_to_eight_tags(archive):
    tag_counts = {story.n for story in archive.annotate(n=Count("tagged_items"))}
    assert tag_counts <= set(range(2, 9))
    assert min(tag_counts) == 2 and max(tag_counts) == 8


def test_a_few_stars_are_in_many_stories(archive):
    in_stories = (
        ArticlePerson.objects.filter(article__in=archive)
        .values("person")
        .annotate(n=Count("article"))
        .order_by("-n")
    )
    top = [row["n"] for row in in_stories[:5]]
    median = sorted(row["n"] for row in in_stories)[len(in_stories) // 2]
    # Each star is in about 5% of 600 stories; a typical person in far fewer.
    assert all(n >= 15 for n in top)
    assert median < top[-1]


def test_mostly_published_with_some_drafts_and_scheduled(archive):
    published = Article.objects.published().filter(slug__startswith="bench-").count()
    assert 540 <= published < 600


def test_photos_carry_credits(archive):
    photo = Photo.objects.filter(image__startswith="bench/").first()
    assert photo.credit_line.startswith("© ")
    assert " / " in photo.credit_line


def test_generated_stories_are_readable(client, archive):
    story = Article.objects.published().filter(slug__startswith="bench-").first()
    assert client.get(story.get_absolute_url()).status_code == 200


def test_clear_removes_the_generated_archive(archive):
    call_command("seedbench", stories=10, people=10, clear=True, stdout=None)
    assert Article.objects.filter(slug__startswith="bench-").count() == 10
    assert Person.objects.filter(slug__startswith="bench-").count() == 10


def test_person_and_tag_listings_count_what_readers_can_see(archive):
    from taggit.models import Tag

    from reading.listings import PEOPLE, TAGS

    for person in Person.objects.filter(slug__startswith="bench-")[:15]:
        listed = sum(n for _, n in PEOPLE.months(person))
        assert listed == Article.objects.published().about(person).count()
    for tag in Tag.objects.filter(slug__startswith="bench-")[:10]:
        listed = sum(n for _, n in TAGS.months(tag))
        assert listed == Article.objects.published().tagged(tag).count()


def test_each_story_row_carries_the_ids_its_links_give(archive):
    from reading.listings import PEOPLE, TAGS

    stories = list(archive.only("person_ids", "tag_ids"))
    people, tags = PEOPLE.keys_of([s.pk for s in stories]), TAGS.keys_of([s.pk for s in stories])
    assert all(story.person_ids == people[story.pk] for story in stories)
    assert all(story.tag_ids == tags[story.pk] for story in stories)
    assert any(len(story.person_ids) > 1 for story in stories)


def test_photos_show_the_people_of_the_first_story_they_lead(client, archive):
    first = {}
    for story in archive.order_by("pk").prefetch_related("person_links"):
        first.setdefault(story.lead_photo_id, {link.person_id for link in story.person_links.all()})
    photos = Photo.objects.filter(pk__in=first).prefetch_related("people")
    assert all({p.pk for p in photo.people.all()} == first[photo.pk] for photo in photos)
    assert Photo.objects.filter(pk__in=first, is_portrait=True).exists()
    star = Person.objects.filter(slug__startswith="bench-").order_by("pk").first()
    html = client.get(star.get_absolute_url()).content.decode()
    assert "person-photos" in html


def test_what_the_listings_derive_agrees_with_the_generated_rows(archive):
    """The archive's derived rows come from the listings' own writer: nothing drifts."""
    from articles.models import PersonCoverage
    from reading import listings

    assert list(listings.check()) == []
    assert PersonCoverage.objects.filter(person__slug__startswith="bench-").count() == 60
    assert PersonCoverage.objects.filter(stories__gt=0).exists()


def test_rebuild_writes_every_derived_row_afresh(archive):
    from articles.models import PersonMonth, TaggedArticle
    from reading import listings

    # Derived rows wiped or wrong, as a load around the ORM would leave them.
    ArticlePerson.objects.update(is_published=False, published_at=None)
    TaggedArticle.objects.filter(pk__in=TaggedArticle.objects.values("pk")[:50]).delete()
    Article.objects.update(person_ids=[], tag_ids=[])
    PersonMonth.objects.all().delete()
    assert list(listings.check())

    listings.rebuild(batch=100)
    assert list(listings.check()) == []
