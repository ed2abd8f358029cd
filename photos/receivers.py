"""Receivers for what happens to photos' own rows and to the people they show.

When a photo goes, or is saved with its licence expired, its rendition files
go too; when people records are merged (see people.signals), the photos of
the duplicate show the person kept.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from people.signals import person_merging

from . import renditions
from .models import Photo, PhotoCredit


@receiver(person_merging, dispatch_uid="photos_move_people")
def move_photos(sender, source, target, **kwargs):
    """The duplicate's photos show the kept person (once, if they showed both)."""
    shown = Photo.people.through.objects
    already = shown.filter(person=target).values("photo")
    shown.filter(person=source, photo__in=already).delete()
    shown.filter(person=source).update(person=target)


@receiver(post_delete, sender=Photo, dispatch_uid="photos_renditions_removed")
def remove_renditions(sender, instance, **kwargs):
    renditions.remove(instance)


@receiver(post_save, sender=Photo, dispatch_uid="photos_expired_withdrawn")
def withdraw_expired(sender, instance, raw=False, **kwargs):
    """A photo saved with its expiry day already reached loses its renditions at once."""
    if not raw and instance.is_expired:
        renditions.withdraw(instance)


@receiver(post_save, sender=PhotoCredit, dispatch_uid="photos_card_fit_saved")
@receiver(post_delete, sender=PhotoCredit, dispatch_uid="photos_card_fit_deleted")
def card_follows_credits(sender, instance, raw=False, **kwargs):
    """A photo that becomes a collage (or stops being one) gets its card crop cut again.

    Only photos that have renditions: the others get theirs when they are made.
    """
    origin = kwargs.get("origin")
    if raw or isinstance(origin, Photo) or getattr(origin, "model", None) is Photo:
        return  # loaddata, or the photo itself is being deleted: nothing to cut
    photo = Photo.objects.filter(pk=instance.photo_id).first()
    if photo is None or not (photo.renditions or {}).get("items") or photo.is_expired:
        return
    if renditions.recorded_card_fit(photo) != renditions.card_fit(photo):
        renditions.refresh(photo, force=True)
