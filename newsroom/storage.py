"""Storage for files that must never be reachable from the web."""

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


@receiver(setting_changed, dispatch_uid="newsroom_originals_storage_reset")
def _forget_originals_storage(setting, **kwargs):
    if setting in ("STORAGES", "ORIGINALS_ROOT"):
        originals_storage._wrapped = empty
