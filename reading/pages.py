"""What each reading page reads, by name: plain querysets, one or two queries each.

The reading logic stays in the querysets (``managers``, ``listings``); here it
is put together for a page.
"""

from django.utils import timezone
from taggit.models import Tag

from articles.body import photo_ids
from articles.models import Article, Contributor, Photo, Section
from articles.querysets import UNSHOWN, credits_prefetch
from people.models import Person, Relationship

from . import reads
from .listings import AUTHORS, PEOPLE, TAGS
from .querysets import stories
from .sections import SECTIONS


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


def tag(slug):
    """The tag at ``slug`` with its description (if it has one), or None."""
    return Tag.objects.select_related("description").filter(slug=slug).first()


def section(slug):
    """The section at ``slug``, or None."""
    return Section.objects.filter(slug=slug).first()


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


# A page of a person's, a tag's or an author's stories, as cards.
PERSON_PAGES = PEOPLE.pages(lambda stories, person: stories.with_main_flag(person).for_listing())
TAG_PAGES = TAGS.pages(lambda stories, tag: stories.for_listing())
AUTHOR_PAGES = AUTHORS.pages(lambda stories, author: stories.for_listing())
SECTION_PAGES = SECTIONS.pages(lambda stories, section: stories.for_listing())


def person_photos(person, limit):
    """The newest ``limit`` photos showing ``person`` from published stories."""
    stories = Article.objects.published(timezone.now())
    return list(Photo.objects.of_person_in_stories(person.pk, stories)[:limit])


def most_read(limit, leave_out=(), now=None, section=None):
    """The ``limit`` stories read most in the last day that readers may see (of
    ``section`` only, if given), most read first, less those in ``leave_out`` (what the
    page shows already), as cards: one query (the story page has them in its sidebars'
    query)."""
    leave_out = [getattr(story, "pk", story) for story in leave_out if story is not None]
    found = stories().most_read(limit + len(leave_out), now, section)
    return reads.ranked(found, limit, leave_out=leave_out)


def often_with(person, within, limit):
    """The ``limit`` people who share most of ``person``'s ``within`` newest stories."""
    return list(stories().people_alongside(person.pk, within)[:limit])
