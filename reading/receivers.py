"""Every receiver that keeps the reading layer true, in one module.

Every row derived from stories and their person and tag links (the
listings' copies, the monthly counts, the keys stored on each story, see
``reading.listings``) and the page cache's generation (``reading.pagecache``)
are kept current here, whichever ORM path changed them. When people records
are merged (see people.signals), their stories and evidence move to the
person kept (their photos: photos.receivers). Stories written around the
ORM's signals are announced with ``articles.signals.stories_written``; a
photo's renditions with ``photos.signals.renditions_changed``. Connected in
``ReadingConfig.ready()``.
"""

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from articles.models import (
    Article,
    ArticlePerson,
    Byline,
    RelationshipEvidence,
    Section,
    TaggedArticle,
)
from articles.section_list import forget_navigation
from articles.signals import stories_changed
from people.models import Person, Relationship
from people.signals import person_merging, relationship_merging
from photos.signals import renditions_changed

from . import listings, pagecache
from .sections import SECTIONS


@receiver(person_merging, dispatch_uid="articles_move_people")
def move_stories(sender, source, target, **kwargs):
    """The duplicate's stories become the kept person's.

    A story tagged with both keeps one link, marked main if either was.
    """
    links = ArticlePerson.objects.filter(person=source)
    # Fixed now: the subqueries would see the rows deleted below.
    shared = set(
        ArticlePerson.objects.filter(
            person=target, article__in=links.values("article")
        ).values_list("article", flat=True)
    )
    main_on = set(links.filter(is_main=True, article__in=shared).values_list("article", flat=True))
    links.filter(article__in=shared).delete()
    ArticlePerson.objects.filter(person=target, article__in=main_on).update(is_main=True)
    moved = set(links.values_list("article", flat=True)) | shared
    links.update(person=target)
    # The page cache is bumped by sync, and again when the duplicate is deleted.
    listings.sync(moved, people=[source, target])
    # Their photos are moved by photos.receivers.


@receiver(relationship_merging, sender=Relationship, dispatch_uid="articles_move_evidence")
def move_evidence(sender, duplicate, kept, **kwargs):
    """The stories reporting a duplicate tie now report the tie kept."""
    already = RelationshipEvidence.objects.filter(relationship=kept).values("article")
    RelationshipEvidence.objects.filter(relationship=duplicate, article__in=already).delete()
    RelationshipEvidence.objects.filter(relationship=duplicate).update(relationship=kept)


@receiver(stories_changed, dispatch_uid="reading_stories_changed")
def follow_stories_written(sender, story_ids, links=False, **kwargs):
    """Stories written around the ORM (``articles.signals.stories_written``).

    A change of status or time alone moves no link: their copies are
    renewed and their months recounted, not every linked month twice over.
    """
    # A story's section is on its own row: counted again whatever was written.
    SECTIONS.refresh(story_ids)
    if links:
        listings.sync(story_ids)
    else:
        listings.refresh(story_ids)
        pagecache.content_changed()


@receiver(renditions_changed, dispatch_uid="articles_photo_renditions_pages")
def photo_renditions_changed(sender, photo, **kwargs):
    """Renditions are written with a bulk update: cached pages showing the photo must go."""
    pagecache.content_changed()


# Listings ------------------------------------------------------------------------------
#
# Everything derived from stories and their links (see reading.listings) is
# written from here, whatever ORM path changed them: a story's save or
# deletion, a link's save or deletion (``ArticlePerson.objects.create``, the
# admin's inlines, taggit), the related managers (``story.people.add/remove/
# set/clear``, ``person.articles.add(...)``: these create links in bulk and
# send ``m2m_changed`` only), merges and ``loaddata``. Each of these also
# starts a new page cache generation (``page_cache_follows`` below).

LISTING_OF = {
    ArticlePerson: listings.PEOPLE,
    TaggedArticle: listings.TAGS,
    Byline: listings.AUTHORS,
}


@receiver(pre_save, sender=Article, dispatch_uid="articles_story_keys")
def read_story_keys(sender, instance, raw=False, **kwargs):
    """A story saved writes the ids of its links as they stand, not as it remembers them."""
    if raw or instance.pk is None or instance._state.adding:
        return
    for listing in listings.LISTINGS:
        setattr(instance, listing.keys_field, listing.keys_of([instance.pk])[instance.pk])


@receiver(post_save, sender=Article, dispatch_uid="articles_story_listings")
def follow_story(sender, instance, created, raw=False, **kwargs):
    """The links of a story saved take its status and time (a new one has no links yet)."""
    if raw:
        _after_load(instance.pk)
    elif not created:
        listings.refresh([instance.pk])


@receiver(pre_save, sender=Article, dispatch_uid="reading_story_section_copy")
def read_section_copy(sender, instance, raw=False, **kwargs):
    """A story saved keeps where it is counted as stored, not as the object remembers it
    (the count is written by ``SECTIONS.refresh``, around the object)."""
    if raw or instance.pk is None or instance._state.adding:
        return
    stored = SECTIONS.copy_of(instance.pk)
    if stored is not None:
        instance.counted_section, instance.counted_month = stored


@receiver(post_save, sender=Article, dispatch_uid="reading_story_section_count")
def count_story_in_section(sender, instance, created, raw=False, **kwargs):
    """A story saved is counted in its section's month, and no longer where it was."""
    if not raw:
        SECTIONS.refresh([instance.pk])


@receiver(post_delete, sender=Article, dispatch_uid="reading_story_section_uncount")
def uncount_story_in_section(sender, instance, **kwargs):
    SECTIONS.forget(instance)


@receiver(post_save, sender=Section, dispatch_uid="reading_section_saved")
@receiver(post_delete, sender=Section, dispatch_uid="reading_section_deleted")
def section_changed(sender, **kwargs):
    """The header's navigation lists the sections: it is read afresh."""
    forget_navigation()


@receiver(pre_save, sender=ArticlePerson, dispatch_uid="articles_person_link_copy")
@receiver(pre_save, sender=TaggedArticle, dispatch_uid="articles_tag_link_copy")
@receiver(pre_save, sender=Byline, dispatch_uid="articles_byline_copy")
def copy_story_onto_link(sender, instance, raw=False, **kwargs):
    """A link takes its story's status and time; the month it left is remembered."""
    listing = LISTING_OF[sender]
    was = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    if raw:
        # A fixture loaded over a link replaces its copies: the months it was
        # counted in, and the story it was on, are counted again after the load.
        if was is not None:
            _after_load(getattr(was, f"{listing.story}_id"), listing, listing.counted_months(was))
        return
    instance._months_left = listing.counted_months(was) if was else set()
    listing.copy_onto(instance)


@receiver(post_save, sender=ArticlePerson, dispatch_uid="articles_person_link_count")
@receiver(post_save, sender=TaggedArticle, dispatch_uid="articles_tag_link_count")
@receiver(post_delete, sender=ArticlePerson, dispatch_uid="articles_person_link_uncount")
@receiver(post_delete, sender=TaggedArticle, dispatch_uid="articles_tag_link_uncount")
@receiver(post_save, sender=Byline, dispatch_uid="articles_byline_count")
@receiver(post_delete, sender=Byline, dispatch_uid="articles_byline_uncount")
def count_link(sender, instance, raw=False, **kwargs):
    listing = LISTING_OF[sender]
    story = getattr(instance, f"{listing.story}_id")
    if raw:
        _after_load(story)
        return
    listing.recount(getattr(instance, "_months_left", set()) | listing.counted_months(instance))
    listing.store_keys([story])


@receiver(post_save, sender=Person, dispatch_uid="reading_person_total")
def start_person_total(sender, instance, created, raw=False, **kwargs):
    """Every person has a total from the start, 0 until covered (``PersonCoverage``)."""
    if created or raw:
        listings.PEOPLE.start_totals([instance.pk])


@receiver(m2m_changed, sender=ArticlePerson, dispatch_uid="articles_people_relinked")
def follow_people_manager(sender, instance, action, reverse, pk_set, **kwargs):
    """``story.people.add(...)`` and ``person.articles.add(...)`` create links in bulk.

    Removing and clearing delete links one by one (``post_delete`` above).
    """
    if action != "post_add" or not pk_set:
        return
    stories = pk_set if reverse else [instance.pk]
    listings.PEOPLE.refresh(stories)
    listings.PEOPLE.store_keys(stories)


def _after_load(story_id, listing=None, months=()):
    """``loaddata`` saves rows raw, links possibly before their story: the stories
    loaded (and the ``months`` of ``listing`` that rows loaded over were counted
    in) are brought in line once the load's transaction commits."""
    if listing is not None:
        left = getattr(_loading, "months", None)
        if left is None:
            left = _loading.months = set()
        left |= {(listing, pair) for pair in months}
    pending = getattr(_loading, "stories", None)
    if pending is None:
        pending = _loading.stories = set()
    if story_id is not None and story_id not in pending:
        # One callback per story, not per load: after a load rolled back, the
        # next one still syncs (its own stories and any left over, harmlessly).
        pending.add(story_id)
        transaction.on_commit(_sync_loaded)


def _sync_loaded():
    """Sync every story loaded so far; the first callback of a load does it all."""
    stories = getattr(_loading, "stories", None)
    left = getattr(_loading, "months", None)
    if stories or left:
        _loading.stories, _loading.months = set(), set()
        listings.sync(stories or ())
        SECTIONS.refresh(stories or ())
        for listing in listings.LISTINGS:
            listing.recount({pair for each, pair in left or () if each == listing})


_loading = threading.local()


# The page cache ------------------------------------------------------------------------
#
# Last, so that a page is never cached under the new generation from rows the
# receivers above have yet to write.


@receiver(post_save, dispatch_uid="pagecache_saved")
@receiver(post_delete, dispatch_uid="pagecache_deleted")
@receiver(m2m_changed, dispatch_uid="pagecache_relinked")
def page_cache_follows(sender, **kwargs):
    """Every save, deletion and relinking of reader content starts a new generation."""
    pagecache.changed_by(sender, **kwargs)
