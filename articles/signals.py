"""Receivers for what happens to rows the articles app keeps about people and photos.

When people records are merged (see people.signals), their stories, photos and
evidence move to the person kept; when a photo goes, or is saved with its
licence expired, its rendition files go too;
person and tag links keep their listings, and the ids on their story's
row, current (see articles.listings).
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from people.models import Relationship
from people.signals import person_merging, relationship_merging

from . import listings, renditions
from .models import ArticlePerson, Photo, RelationshipEvidence, TaggedArticle


@receiver(person_merging, dispatch_uid="articles_move_people")
def move_stories_and_photos(sender, source, target, **kwargs):
    """The duplicate's stories and photos become the kept person's.

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
    listings.PEOPLE.recount_all(target)
    listings.PEOPLE.store_keys(moved)

    shown = Photo.people.through.objects
    already = shown.filter(person=target).values("photo")
    shown.filter(person=source, photo__in=already).delete()
    shown.filter(person=source).update(person=target)


@receiver(relationship_merging, sender=Relationship, dispatch_uid="articles_move_evidence")
def move_evidence(sender, duplicate, kept, **kwargs):
    """The stories reporting a duplicate tie now report the tie kept."""
    already = RelationshipEvidence.objects.filter(relationship=kept).values("article")
    RelationshipEvidence.objects.filter(relationship=duplicate, article__in=already).delete()
    RelationshipEvidence.objects.filter(relationship=duplicate).update(relationship=kept)


@receiver(post_delete, sender=Photo, dispatch_uid="articles_photo_renditions_removed")
def remove_renditions(sender, instance, **kwargs):
    renditions.remove(instance)


@receiver(post_save, sender=Photo, dispatch_uid="articles_photo_expired_withdrawn")
def withdraw_expired(sender, instance, raw=False, **kwargs):
    """A photo saved with its expiry day already reached loses its renditions at once."""
    if not raw and instance.is_expired:
        renditions.withdraw(instance)


LISTING_OF = {ArticlePerson: listings.PEOPLE, TaggedArticle: listings.TAGS}


@receiver(pre_save, sender=ArticlePerson, dispatch_uid="articles_person_link_copy")
@receiver(pre_save, sender=TaggedArticle, dispatch_uid="articles_tag_link_copy")
def copy_story_onto_link(sender, instance, raw=False, **kwargs):
    """A link takes its story's status and time; the month it left is remembered."""
    if raw:
        return
    listing = LISTING_OF[sender]
    was = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._months_left = listing.counted_months(was) if was else set()
    listing.copy_onto(instance)


@receiver(post_save, sender=ArticlePerson, dispatch_uid="articles_person_link_count")
@receiver(post_save, sender=TaggedArticle, dispatch_uid="articles_tag_link_count")
@receiver(post_delete, sender=ArticlePerson, dispatch_uid="articles_person_link_uncount")
@receiver(post_delete, sender=TaggedArticle, dispatch_uid="articles_tag_link_uncount")
def count_link(sender, instance, raw=False, **kwargs):
    if raw:
        return
    listing = LISTING_OF[sender]
    listing.recount(getattr(instance, "_months_left", set()) | listing.counted_months(instance))
    listing.store_keys([getattr(instance, f"{listing.story}_id")])
