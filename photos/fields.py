"""``OriginalImageField``: a photo's original file, re-encoded on save (see
``photos.originals``) and kept in the private ``originals`` storage.
"""

from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile

from common.storage import originals_storage as _originals_storage

from .originals import clean, cleaned_name


class OriginalFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        # Every stored original is re-encoded: what the upload carried
        # beyond the picture and the desk's credit fields is dropped.
        data, extension = clean(content)
        name = cleaned_name(name, extension)
        # Named: the field reads the new width and height from it.
        super().save(name, ContentFile(data, name=name), save)


class OriginalImageField(models.ImageField):
    """A photo's original: cleaned on save, kept in the private ``originals`` storage."""

    attr_class = OriginalFieldFile


def originals_storage():
    """The private storage of originals (a lazy alias, so a settings change is seen)."""
    return _originals_storage
