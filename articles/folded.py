"""Short lists folded into the row they belong to, as JSON.

A story's corrections, tags and bylines, and a person's or a tag's stories per
month. The pages show them all; fetched on their own they cost a query and an
ORM pass each, as JSON text columns of the row they cost neither. On a
database without JSON aggregates the lists are left to be fetched the
ordinary way, so nothing here is needed for correctness.
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.db import connections, models
from django.db.models import Prefetch
from django.db.models.expressions import RawSQL
from django.db.models.query import ModelIterable
from django.utils import timezone
from taggit.models import Tag

from .listings import RowSQL, as_date

# The story's row in the outer query.
STORY = '"articles_article"."id"'


def _columns(model, prefix, alias):
    """(json key, SQL column) for every column of ``model``'s table, keys prefixed."""
    return tuple(
        (f"{prefix}{field.attname}", f'{alias}."{field.column}"')
        for field in model._meta.concrete_fields
    )


def _lists():
    """{annotation: (json keys and SQL columns, FROM … WHERE …, ORDER BY)}."""
    from people.models import Person

    from .models import Article, ArticlePerson, Correction, TaggedArticle

    users = get_user_model()._meta.db_table
    bylines = Article.authors.through._meta.db_table
    return {
        "correction_notes": (
            (("kind", "c.kind"), ("text", "c.text"), ("created_at", "c.created_at")),
            f"{Correction._meta.db_table} c WHERE c.article_id = {STORY}",
            "c.created_at, c.id",
        ),
        "tag_list": (
            (("id", "t.id"), ("name", "t.name"), ("slug", "t.slug")),
            f"{TaggedArticle._meta.db_table} x JOIN {Tag._meta.db_table} t ON t.id = x.tag_id"
            f" WHERE x.content_object_id = {STORY}",
            "t.name, t.id",
        ),
        "byline_list": (
            (
                ("id", "u.id"),
                ("username", "u.username"),
                ("first_name", "u.first_name"),
                ("last_name", "u.last_name"),
            ),
            f"{bylines} x JOIN {users} u ON u.id = x.user_id WHERE x.article_id = {STORY}",
            "x.id",
        ),
        # Whole rows: the page asks a great deal of the people (ages, ties, links).
        "people_list": (
            _columns(ArticlePerson, "link.", "x") + _columns(Person, "", "p"),
            f"{ArticlePerson._meta.db_table} x JOIN {Person._meta.db_table} p"
            f" ON p.id = x.person_id WHERE x.article_id = {STORY}",
            'x."order", x.id',
        ),
    }


def json_rows_sql(vendor, columns, source, order):
    """SQL giving the rows of ``source`` as one JSON array text, or None on other databases."""
    # Safe: every part is fixed SQL or a name from model metadata.
    if vendor == "postgresql":
        pairs = ", ".join(f"'{key}', {column}" for key, column in columns)
        return (
            f"SELECT COALESCE(json_agg(json_build_object({pairs}) ORDER BY {order}), '[]')::text"  # noqa: S608  # nosec
            f" FROM {source}"
        )
    if vendor == "sqlite":
        # SQLite aggregates in the order of the ordered subquery.
        named = ", ".join(f'{column} AS "{key}"' for key, column in columns)
        pairs = ", ".join(f"'{key}', \"{key}\"" for key, _ in columns)
        return (
            f"SELECT json_group_array(json_object({pairs}))"  # noqa: S608  # nosec
            f" FROM (SELECT {named} FROM {source} ORDER BY {order})"
        )
    return None


def fold_lists(stories, vendor):
    """``stories`` with each story's corrections, tags, bylines and people in its own row.

    Returns (the queryset, the prefetches still needed: those of the lists
    this database cannot fold).
    """
    annotations = {}
    for name, (columns, source, order) in _lists().items():
        sql = json_rows_sql(vendor, columns, source, order)
        if sql:
            # Safe: fixed SQL from model metadata, nothing from the request.
            annotations[name] = RawSQL(sql, [])  # noqa: S611  # nosec
    if not annotations:
        from .models import ArticlePerson

        people = ArticlePerson.objects.select_related("person")
        return stories, ["tags", "authors", Prefetch("person_links", queryset=people)]
    stories = stories.annotate(**annotations)
    stories._iterable_class = UnfoldingIterable
    return stories, []


class UnfoldingIterable(ModelIterable):
    """Stories whose folded lists read as if prefetched: ``story.tags.all()``."""

    def __iter__(self):
        from people.models import Person

        from .models import ArticlePerson

        user = get_user_model()
        db = self.queryset.db
        for story in super().__iter__():
            _as_prefetched(story, "tags", [Tag(**row) for row in json.loads(story.tag_list)])
            _as_prefetched(story, "authors", [user(**row) for row in json.loads(story.byline_list)])
            links = []
            for row in json.loads(story.people_list):
                link = _from_row(ArticlePerson, row, db, prefix="link.")
                link.person = _from_row(Person, row, db)
                link.article = story  # as a prefetch would: no query back to the story
                links.append(link)
            _as_prefetched(story, "person_links", links)
            yield story


def _from_row(model, row, db, prefix=""):
    """A ``model`` instance, as if loaded from the database, from a folded JSON row."""
    fields = model._meta.concrete_fields
    values = []
    for field in fields:
        value = row[prefix + field.attname]
        if value is not None:
            value = field.to_python(value)
        if isinstance(value, datetime.datetime) and timezone.is_naive(value):
            # Stored in UTC where the database keeps no zone (SQLite).
            value = timezone.make_aware(value, datetime.UTC)
        values.append(value)
    return model.from_db(db, [field.attname for field in fields], values)


def _as_prefetched(instance, name, objects):
    """Store ``objects`` where ``prefetch_related(name)`` would have: no query when read."""
    queryset = getattr(instance, name).all()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    instance._prefetched_objects_cache = getattr(instance, "_prefetched_objects_cache", {})
    instance._prefetched_objects_cache[name] = queryset


def correction_notes(story):
    """The story's corrections, oldest first: from its own row when it was folded there."""
    from .models import Correction

    if not story.has_corrections:
        return []
    notes = getattr(story, "correction_notes", None)
    if notes is None:
        return list(story.corrections.all())
    found = []
    for note in json.loads(notes):
        created_at = datetime.datetime.fromisoformat(note["created_at"])
        if timezone.is_naive(created_at):
            created_at = timezone.make_aware(created_at, datetime.UTC)
        found.append(
            Correction(article=story, kind=note["kind"], text=note["text"], created_at=created_at)
        )
    return found


def with_months(rows, listing):
    """People or tags (``rows``), each with ``listing.months`` folded into its row."""
    sql, params = listing.months_sql(db=rows.db)
    columns = (("month", "m.month"), ("stories", "m.stories"))
    folded = json_rows_sql(connections[rows.db].vendor, columns, f"({sql}) m", "m.month")
    if folded is None:
        return rows
    return rows.annotate(folded_months=RowSQL(f"({folded})", params, models.TextField()))


def months_of(row, listing):
    """``listing.months(row)``: from the row when ``with_months`` folded them there."""
    folded = getattr(row, "folded_months", None)
    if folded is None:
        return listing.months(row)
    return [(as_date(month["month"]), month["stories"]) for month in json.loads(folded)]
