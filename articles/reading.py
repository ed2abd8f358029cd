"""What each reading page reads, by name: each query built and compiled once per worker.

A page's queries have the same shape for every story, person or tag; only
their values change, so each is compiled once and run with the request's
values (see ``newsroom.precompiled``). The reading logic stays in the
querysets (``managers``, ``listings``, ``folded``); here it is put together
for a page, with a ``Slot`` for every value, the moment included.
"""

from django.db.models import DateField, DateTimeField
from django.utils import timezone
from taggit.models import Tag

from newsroom.precompiled import Precompiled, Slot

from .folded import with_months, with_portrait, with_ties
from .listings import PEOPLE, TAGS
from .models import Article

NOW = DateTimeField()
DAY = DateField()


def _first(rows):
    return next(iter(rows), None)


_NEWEST = Precompiled(
    Article,
    lambda stories, limit: stories.published(Slot("now", NOW)).for_listing().newest_first()[:limit],
)


def newest(limit, now=None):
    """The ``limit`` newest stories readers may see, as cards (``for_listing``)."""
    return list(_NEWEST(limit, now=now or timezone.now()))


_STORY = Precompiled(
    Article,
    lambda stories: stories.published(Slot("now", NOW)).for_story_page().filter(slug=Slot("slug")),
)


def story(slug, now=None):
    """The published story at ``slug`` with all its page shows of it
    (``for_story_page``), or None."""
    return _first(_STORY(now=now or timezone.now(), slug=slug))


_PERSON = Precompiled(
    "people.Person",
    lambda people: with_ties(
        with_portrait(
            with_months(people.filter(slug=Slot("slug")), PEOPLE, Slot("now", NOW)),
            day=Slot("day", DAY),
        )
    ),
)


def person(slug):
    """The person at ``slug`` with their months, portrait and ties folded in, or None."""
    return _first(_PERSON(slug=slug, now=timezone.now(), day=timezone.localdate()))


_TAG = Precompiled(
    Tag,
    lambda tags: with_months(tags.filter(slug=Slot("slug")), TAGS, Slot("now", NOW)),
)


def tag(slug):
    """The tag at ``slug`` with its months folded in, or None."""
    return _first(_TAG(slug=slug, now=timezone.now()))


# A page of a person's or a tag's stories, as cards.
PERSON_PAGES = PEOPLE.pages(lambda stories, person: stories.with_main_flag(person).for_listing())
TAG_PAGES = TAGS.pages(lambda stories, tag: stories.for_listing())

_PERSON_PHOTOS = Precompiled(
    "photos.Photo",
    lambda photos, limit: photos.of_person_in_stories(
        Slot("person"),
        Article.objects.using(photos.db).published(Slot("now", NOW)),
        day=Slot("day", DAY),
    )[:limit],
)


def person_photos(person, limit):
    """The newest ``limit`` photos showing ``person`` from published stories."""
    return list(
        _PERSON_PHOTOS(limit, person=person.pk, now=timezone.now(), day=timezone.localdate())
    )


_OFTEN_WITH = Precompiled(
    "people.Person",
    lambda people, within, limit: Article.objects.using(people.db).people_alongside(
        Slot("person"), within, now=Slot("now", NOW)
    )[:limit],
)


def often_with(person, within, limit):
    """The ``limit`` people who share most of ``person``'s ``within`` newest stories."""
    return list(_OFTEN_WITH(within, limit, person=person.pk, now=timezone.now()))
