"""Storage for files that must never be reachable from the web."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk with no URL: asking for one is an error, not a link to MEDIA_URL."""

    def __init__(self, location=None, **kwargs):
        if location is None:
            raise ValueError("Private storage needs its own location, outside MEDIA_ROOT.")
        super().__init__(location=location, base_url=None, **kwargs)

    def url(self, name):
        raise ValueError(f"{name} is kept in private storage and has no public address.")


class OriginalsStorage(LazyObject):
    """``storages["originals"]``, looked up when first used and again after settings change."""

    def _setup(self):
        self._wrapped = storages["originals"]


originals_storage = OriginalsStorage()


@receiver(setting_changed, dispatch_uid="common_originals_storage_reset")
def _forget_originals_storage(setting, **kwargs):
    if setting in ("STORAGES", "ORIGINALS_ROOT"):
        originals_storage._wrapped = empty


@register(Tags.security)
def check_originals_are_private(app_configs, **kwargs):
    """Originals on disk must not lie inside the publicly served MEDIA_ROOT."""
    if settings.MEDIA_BUCKET:
        return []
    originals = Path(settings.ORIGINALS_ROOT).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    if originals == media or media in originals.parents:
        return [
            Error(
                f"ORIGINALS_ROOT ({originals}) lies inside MEDIA_ROOT ({media}), which is "
                "served to anyone: photo originals would be public.",
                hint="Point ORIGINALS_ROOT at a directory outside MEDIA_ROOT.",
                id="newsroom.E010",
            )
        ]
    return []
