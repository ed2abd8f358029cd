"""Short lists folded into the row they belong to, as JSON.

A story's corrections, tags, bylines, people, lead photo credits and the ties
touching its people; a person's months of coverage, portrait and ties; a tag's
months. The pages show them all; fetched on their own they cost a query and
an ORM pass each, as JSON text columns of the row they cost neither. They are
read back into model instances where a prefetch would have put them. On a
database without JSON aggregates the lists are left to be fetched the
ordinary way, so nothing here is needed for correctness.
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.db import connections, models
from django.db.models import Prefetch
from django.db.models.query import ModelIterable
from django.utils import timezone
from taggit.models import Tag

from newsroom.precompiled import Slot

from .listings import RowSQL, as_date

# What the photo desk keeps about a photo that no reading page shows.
UNSHOWN = ("embedded_metadata",)

# The story's id, however its query names its table (see ``RowSQL``).
STORY = RowSQL.ROW


def _columns(model, prefix, alias, leave_out=()):
    """(json key, SQL column) for every column of ``model``'s table, keys prefixed.

    PostgreSQL's ``json_build_object`` takes at most 100 arguments: a folded
    row holds at most 50 columns, so wide models leave some out.
    """
    return tuple(
        (f"{prefix}{field.attname}", f'{alias}."{field.column}"')
        for field in model._meta.concrete_fields
        if field.name not in leave_out
    )


def _credits_of(photo_sql):
    """(columns, FROM … WHERE …, ORDER BY) of the credits, with their sources, of the
    photo whose id ``photo_sql`` gives; read back with ``_credits``."""
    from photos.models import CreditSource, PhotoCredit

    columns = _columns(PhotoCredit, "", "c") + _columns(CreditSource, "source.", "s")
    # Safe: names from model metadata; ``photo_sql`` is SQL of our own. A
    # collage's word has no source, hence the outer join.
    source = (
        f"{PhotoCredit._meta.db_table} c LEFT JOIN {CreditSource._meta.db_table} s"  # noqa: S608  # nosec
        f" ON s.id = c.source_id WHERE c.photo_id = {photo_sql}"
    )
    return columns, source, 'c."order", c.id'


def _lists(vendor):
    """{annotation: (json keys and SQL columns, FROM … WHERE …, ORDER BY)} for ``vendor``."""
    from people.models import Person, Relationship

    from .models import (
        Article,
        ArticlePerson,
        Correction,
        Photo,
        TaggedArticle,
    )

    # Safe throughout: fixed SQL and names from model metadata.
    people = (
        f"SELECT x.person_id FROM {ArticlePerson._meta.db_table} x"  # noqa: S608  # nosec
        f" WHERE x.article_id = {STORY}"
    )
    ties = Relationship._meta.db_table
    lead = (
        f"(SELECT a.lead_photo_id FROM {Article._meta.db_table} a"  # noqa: S608  # nosec
        f" WHERE a.id = {STORY})"
    )
    replacement = (
        f"(SELECT ph.replacement_id FROM {Photo._meta.db_table} ph"  # noqa: S608  # nosec
        f" WHERE ph.id = {lead})"
    )

    users = get_user_model()._meta.db_table
    bylines = Article.authors.through._meta.db_table
    tags = Tag._meta.db_table
    if vendor == "postgresql":
        # Each tag looked up by its key: joined, PostgreSQL hashed the whole
        # tag table for a story's four tags, most of the row's time.
        tags = f"LATERAL (SELECT * FROM {tags} WHERE id = x.tag_id OFFSET 0)"  # noqa: S608  # nosec
    return {
        "correction_notes": (
            (("kind", "c.kind"), ("text", "c.text"), ("created_at", "c.created_at")),
            f"{Correction._meta.db_table} c WHERE c.article_id = {STORY}",
            "c.created_at, c.id",
        ),
        "tag_list": (
            (("id", "t.id"), ("name", "t.name"), ("slug", "t.slug")),
            f"{TaggedArticle._meta.db_table} x JOIN {tags} t ON t.id = x.tag_id"
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
        # The ties touching the story's people, for the people box and the sidebar.
        "ties_list": (
            _columns(Relationship, "", "r"),
            # A union, not an OR: each side then walks its own index.
            f"{ties} r WHERE r.id IN (SELECT r1.id FROM {ties} r1"  # noqa: S608  # nosec
            f" WHERE r1.person_id IN ({people})"
            f" UNION SELECT r2.id FROM {ties} r2 WHERE r2.other_id IN ({people}))",
            "r.id",
        ),
        # The credits of the lead photo and of its replacement: the one readers see.
        "lead_credits": _credits_of(lead),
        "replacement_credits": _credits_of(replacement),
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
    if json_rows_sql(vendor, (), "", "") is None:
        from .models import ArticlePerson

        people = ArticlePerson.objects.select_related("person")
        return stories, ["tags", "authors", Prefetch("person_links", queryset=people)]
    for name, (columns, source, order) in _lists(vendor).items():
        stories = _fold(stories, name, columns, source, order)
    stories._iterable_class = UnfoldingIterable
    return stories, []


class UnfoldingIterable(ModelIterable):
    """Stories whose folded lists read as if prefetched: ``story.tags.all()``."""

    def __iter__(self):
        from people.models import Person, Relationship

        from .models import ArticlePerson

        user = get_user_model()
        db = self.queryset.db
        for story in super().__iter__():
            as_prefetched(story, "tags", [Tag(**row) for row in json.loads(story.tag_list)])
            as_prefetched(story, "authors", [user(**row) for row in json.loads(story.byline_list)])
            links = []
            for row in json.loads(story.people_list):
                link = _from_row(ArticlePerson, row, db, prefix="link.")
                link.person = _from_row(Person, row, db)
                link.article = story  # as a prefetch would: no query back to the story
                links.append(link)
            as_prefetched(story, "person_links", links)
            story.touching_ties = [
                _from_row(Relationship, row, db) for row in json.loads(story.ties_list)
            ]
            if story.lead_photo_id:
                photo = story.lead_photo
                as_prefetched(photo, "credits", _credits(photo, story.lead_credits, db))
                if photo.replacement_id:
                    replacement = photo.replacement
                    credits = _credits(replacement, story.replacement_credits, db)
                    as_prefetched(replacement, "credits", credits)
            yield story


def _credits(photo, folded, db):
    """``photo``'s credits, each with its source, from a folded JSON list."""
    from photos.models import CreditSource, PhotoCredit

    credits = []
    for row in json.loads(folded):
        credit = _from_row(PhotoCredit, row, db)
        # A collage's word has no source.
        has_source = row["source.id"] is not None
        credit.source = _from_row(CreditSource, row, db, prefix="source.") if has_source else None
        credit.photo = photo
        credits.append(credit)
    return credits


def _from_row(model, row, db, prefix=""):
    """A ``model`` instance, as if loaded from the database, from a folded JSON row.

    Columns the row leaves out are deferred, as with ``defer()``.
    """
    fields = [field for field in model._meta.concrete_fields if prefix + field.attname in row]
    values = []
    for field in fields:
        value = row[prefix + field.attname]
        if isinstance(field, models.JSONField) and isinstance(value, str):
            value = json.loads(value)  # SQLite nests JSON columns as text
        elif value is not None:
            value = field.to_python(value)
        if isinstance(value, datetime.datetime) and timezone.is_naive(value):
            # Stored in UTC where the database keeps no zone (SQLite).
            value = timezone.make_aware(value, datetime.UTC)
        values.append(value)
    return model.from_db(db, [field.attname for field in fields], values)


def as_prefetched(instance, name, objects):
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


def _fold(rows, name, columns, source, order, params=()):
    """``rows`` annotated ``name``: the JSON text of ``source``'s rows about each of them.

    ``{row}`` in ``source`` stands for the row's id. Unchanged where the
    database has no JSON aggregates: the reader then looks the list up.
    """
    sql = json_rows_sql(connections[rows.db].vendor, columns, source, order)
    if sql is None:
        return rows
    return rows.annotate(**{name: RowSQL(f"({sql})", params, models.TextField())})


def with_months(rows, listing, now=None):
    """People or tags (``rows``), each with ``listing.months`` folded into its row."""
    sql, params = listing.months_sql(now, db=rows.db)
    columns = (("month", "m.month"), ("stories", "m.stories"))
    return _fold(rows, "folded_months", columns, f"({sql}) m", "m.month", params)


def months_of(row, listing):
    """``listing.months(row)``: from the row when ``with_months`` folded them there."""
    folded = getattr(row, "folded_months", None)
    if folded is None:
        return listing.months(row)
    return [(as_date(month["month"]), month["stories"]) for month in json.loads(folded)]


def with_portrait(people, day=None):
    """People each with their portrait (the newest one readers may see) and its credits
    folded into their row; read with ``portrait_of``."""
    from photos.models import Photo

    row = RowSQL.ROW
    photos = Photo._meta.db_table
    tagged = Photo.people.through._meta.db_table
    # Safe: names from model metadata; the day is a parameter. Newest by id:
    # a walk of the person's photos backwards (index on person, photo) that
    # stops at the first portrait, where a star has thousands of photos.
    newest = (
        f"SELECT ph.* FROM {photos} ph JOIN {tagged} pp ON pp.photo_id = ph.id"  # noqa: S608  # nosec
        f" WHERE pp.person_id = {row} AND ph.is_portrait"
        " AND (ph.expires_on IS NULL OR ph.expires_on > %s)"
        " ORDER BY pp.photo_id DESC LIMIT 1"
    )
    if not isinstance(day, Slot):
        day = connections[people.db].ops.adapt_datefield_value(day or timezone.localdate())
    portrait_columns = _columns(Photo, "", "ph", leave_out=UNSHOWN)
    people = _fold(people, "folded_portrait", portrait_columns, f"({newest}) ph", "ph.id", [day])
    credits = _credits_of(f"(SELECT ph.id FROM ({newest}) ph)")  # noqa: S608  # nosec
    return _fold(people, "folded_portrait_credits", *credits, [day])


def portrait_of(person):
    """The person's portrait with its credits: from their row when ``with_portrait``
    folded it there, else looked up (two queries)."""
    from photos.models import Photo

    from .managers import with_credits

    folded = getattr(person, "folded_portrait", None)
    if folded is None:
        portrait = Photo.objects.portraits_of(person).first()
        return with_credits([portrait])[0] if portrait else None
    rows = json.loads(folded)
    if not rows:
        return None
    db = person._state.db
    portrait = _from_row(Photo, rows[0], db)
    credits = _credits(portrait, person.folded_portrait_credits, db)
    as_prefetched(portrait, "credits", credits)
    return portrait


# The people at either end of a tie: what the family box and the timeline show.
TIED_PERSON_LEAVES_OUT = ("bio", "aliases", "created_at", "updated_at", "search_key")


def with_ties(people):
    """People each with their ties, both people of each at hand, folded into their row;
    read with ``ties_of``."""
    from people.models import Person, Relationship

    row = RowSQL.ROW
    persons = Person._meta.db_table
    columns = (
        _columns(Relationship, "", "r")
        + _columns(Person, "person.", "a", leave_out=TIED_PERSON_LEAVES_OUT)
        + _columns(Person, "other.", "b", leave_out=TIED_PERSON_LEAVES_OUT)
    )
    source = (
        f"{Relationship._meta.db_table} r JOIN {persons} a ON a.id = r.person_id"
        f" JOIN {persons} b ON b.id = r.other_id WHERE r.person_id = {row} OR r.other_id = {row}"
    )
    return _fold(people, "folded_ties", columns, source, "r.id")


def ties_of(person):
    """``Relationship.objects.ties_of(person)``: from their row when ``with_ties`` folded them."""
    from people.models import Person, Relationship
    from people.relations import ties_from

    folded = getattr(person, "folded_ties", None)
    if folded is None:
        return Relationship.objects.ties_of(person)
    db = person._state.db
    relationships = []
    for row in json.loads(folded):
        relationship = _from_row(Relationship, row, db)
        relationship.person = _from_row(Person, row, db, prefix="person.")
        relationship.other = _from_row(Person, row, db, prefix="other.")
        relationships.append(relationship)
    return ties_from(relationships, person)


def touching_ties(story):
    """The ties touching the story's people: from its row when ``fold_lists`` folded them."""
    from people.models import Relationship

    ties = getattr(story, "touching_ties", None)
    if ties is not None:
        return ties
    people = [link.person_id for link in story.person_links.all()]
    return list(Relationship.objects.touching(people)) if people else []
