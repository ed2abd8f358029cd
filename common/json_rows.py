"""Rows of a related table carried on their parent's row, as one JSON list.

A page that shows a few rows of a table only some parents have (a story's
corrections) reads them in the parent's own query instead of a query of
their own: the story page keeps to its query budget with room for its body's
photos. JSON aggregation is spelt differently by SQLite and PostgreSQL.
"""

import datetime
import json

from django.db.models import Aggregate, JSONField, OuterRef, Subquery
from django.db.models.functions import JSONObject
from django.utils import timezone


class JSONList(Aggregate):
    """The aggregated rows' values as one JSON list (order not kept)."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = self.as_sql(compiler, connection, function="JSON_AGG", **extra)
        # As text, as JSONField reads its values: psycopg would parse a json result itself.
        return f"({sql})::text", params


def rows_of(related, parent_field, **fields):
    """A subquery giving the ``related`` rows of the outer row as a JSON list.

    ``related`` is a queryset of the child model, ``parent_field`` its foreign
    key to the outer row, ``fields`` the values each row carries (name: field).
    """
    return Subquery(
        related.filter(**{parent_field: OuterRef("pk")})
        .order_by()
        .values(parent_field)
        .annotate(rows=JSONList(JSONObject(**fields)))
        .values("rows")
    )


def decoded(rows):
    """The JSON list from ``rows_of`` as Python: a list of dicts, [] for none."""
    if rows is None:
        return []
    return json.loads(rows) if isinstance(rows, str) else rows


def moment(value):
    """A stored time read out of JSON: ISO text, naive (SQLite, in UTC) or not."""
    parsed = datetime.datetime.fromisoformat(value)
    return parsed if timezone.is_aware(parsed) else parsed.replace(tzinfo=datetime.UTC)
