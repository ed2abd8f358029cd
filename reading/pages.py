"""What each reading page reads, by name: plain querysets, one or two queries each.

The reading logic stays in the querysets (``managers``, ``listings``); here it
is put together for a page.
"""

from django.utils import timezone
from taggit.models import Tag

from articles.body import photo_ids
from articles.models import Article, Contributor, Photo
from articles.querysets import UNSHOWN, credits_prefetch
from people.models import Person, Relationship

from .listings import PEOPLE, TAGS
from .querysets import stories


def newest(limit, now=None):
    """The ``limit`` newest stories readers may see, as cards (``for_listing``)."""
    return list(Article.objects.published(now).for_listing().newest_first()[:limit])


def story(slug, now=None):
    """The published story at ``slug`` with all its page shows of it
    (``for_story_page``), or None."""
    return Article.objects.published(now).for_story_page().filter(slug=slug).first()


def body_photos(story):
    """The photos ``story``'s body places, by id, each with its replacement: one query, or
    none for a body without photo markers."""
    ids = photo_ids(story.body)
    if not ids:
        return {}
    photos = (
        Photo.objects.filter(pk__in=ids)
        .select_related("replacement")
        .defer(*UNSHOWN, *(f"replacement__{field}" for field in UNSHOWN))
    )
    return {photo.pk: photo for photo in photos}


def person(slug):
    """The person at ``slug``, or None."""
    return Person.objects.filter(slug=slug).first()


def author(slug):
    """The author at ``slug`` with their portrait (and its stand-in), or None."""
    authors = Contributor.objects.select_related("photo", "photo__replacement")
    return authors.defer(*(f"photo__{field}" for field in UNSHOWN)).filter(slug=slug).first()


def authored(author):
    """``author``'s stories readers may see, newest first, as cards."""
    return Article.objects.published().filter(bylines__contributor=author).for_listing()


def tag(slug):
    """The tag at ``slug``, or None."""
    return Tag.objects.filter(slug=slug).first()


def months(row, listing):
    """``listing``'s months of ``row`` (a person or a tag): one query."""
    return listing.months(row, db=row._state.db)


def portrait(person):
    """The person's newest portrait readers may see, with its credits, or None.

    One walk of the person's photos, newest first, that stops at the first
    portrait; its credits in a second query.
    """
    photos = Photo.objects.portraits_of(person).defer(*UNSHOWN)
    return photos.prefetch_related(credits_prefetch()).first()


def ties(person):
    """``person``'s ties as they read on their page, grouped and dated: one query."""
    return Relationship.objects.ties_of(person)


def touching_ties(story):
    """The ties touching the story's people (their links prefetched): one query, or none."""
    people = [link.person_id for link in story.person_links.all()]
    return list(Relationship.objects.touching(people)) if people else []


# A page of a person's or a tag's stories, as cards.
PERSON_PAGES = PEOPLE.pages(lambda stories, person: stories.with_main_flag(person).for_listing())
TAG_PAGES = TAGS.pages(lambda stories, tag: stories.for_listing())


def person_photos(person, limit):
    """The newest ``limit`` photos showing ``person`` from published stories."""
    stories = Article.objects.published(timezone.now())
    return list(Photo.objects.of_person_in_stories(person.pk, stories)[:limit])


def often_with(person, within, limit):
    """The ``limit`` people who share most of ``person``'s ``within`` newest stories."""
    return list(stories().people_alongside(person.pk, within)[:limit])
