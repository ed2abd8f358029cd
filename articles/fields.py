"""``KeyList``: a story's people or tags as ids on its own row, for SQL to read in place.

An ``integer[]`` on PostgreSQL and JSON text elsewhere (SQLite), read in SQL
with ``unnest`` or ``json_each``; in Python, a list of ints either way.

``OriginalImageField``: a photo's original file, re-encoded on save (see
``articles.originals``) and kept in the private ``originals`` storage.
"""

import json

from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile

from common.storage import originals_storage as _originals_storage

from .originals import clean, cleaned_name


class KeyList(models.Field):
    description = "A list of ids"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("editable") is False:
            del kwargs["editable"]
        return name, path, args, kwargs

    def db_type(self, connection):
        return "integer[]" if connection.vendor == "postgresql" else "text"

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        keys = [int(key) for key in value]
        return keys if connection.vendor == "postgresql" else json.dumps(keys)

    def from_db_value(self, value, expression, connection):
        if isinstance(value, str):
            return json.loads(value)
        return value

    def to_python(self, value):
        return json.loads(value) if isinstance(value, str) else value


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
