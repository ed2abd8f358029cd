"""Housekeeping that follows a photo's rows: its rendition files go with it."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from . import renditions
from .models import Photo


@receiver(post_delete, sender=Photo, dispatch_uid="articles_photo_renditions_removed")
def remove_renditions(sender, instance, **kwargs):
    renditions.remove(instance)
