"""``KeyList``: a story's people or tags as ids on its own row, for SQL to read in place.

An ``integer[]`` on PostgreSQL and JSON text elsewhere (SQLite), read in SQL
with ``unnest`` or ``json_each``; in Python, a list of ints either way.
"""

import json

from django.db import models


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
