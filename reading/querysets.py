"""The reading querysets that walk the listings: related stories, "More on", most read, newest.

``StoryQuerySet`` adds to the plain ``ArticleQuerySet`` of the models what
only the reading layer can answer, from the listings' copies and counts;
``stories()`` is where the reading pages start from.
"""

from typing import NamedTuple

from django.db import connections
from django.db.models import Case, Count, Exists, OuterRef, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles.body import teaser_slugs
from articles.models import Article
from articles.querysets import ArticleQuerySet
from people.models import Person, Relationship

from . import reads
from .listings import PEOPLE, TAGS, joined

# In the related-stories score a shared person counts for more than a relative
# of one (a spouse, a child), who counts for more than a shared tag.
PERSON_WEIGHT = 5
RELATIVE_WEIGHT = 2
TAG_WEIGHT = 1
# Among stories that share something, one of the same section, and one of the
# same kind (an interview beside an interview), each count as much as a tag.
SECTION_WEIGHT = 1
KIND_WEIGHT = 1
# A short note (a birthday, a sighting) is offered beside a story of another
# kind only when no other story fits: it ranks after all of them.
SHORT_KINDS = (Article.Kind.NOTE,)
# Related stories are found among each shared person's and tag's newest stories.
CANDIDATES_PER_LINK = 10
# Relatives beyond these many (closest first) add no candidates of their own.
RELATIVES_DRAWN = 12


class Sidebars(NamedTuple):
    """What a story page draws beside and below the story; no story in two places."""

    related: list
    # {slug: teased story} for the teasers in its body.
    teased: dict
    # {person pk: their newest stories not shown above}, for each person offered.
    more_on: dict
    most_read: list


class StoryQuerySet(ArticleQuerySet):
    """The stories as the reading pages ask for them: through the listings."""

    def story_sidebars(self, story, limit, people=(), ties=None, most_read=0):
        """What a story page draws beside and below the story, from one query
        (``sidebars``): a ``Sidebars``.

        One story, once: the stories its body teases are not offered again;
        the ``limit`` related stories come next, best first; then "More on"
        each of ``people`` in turn, their newest ``limit`` stories not shown
        before (a second list shows what the first did not); then, with
        ``most_read``, that many of the last day's most read stories not
        shown anywhere above. None of them is ``story`` itself.
        """
        slugs = [slug for slug in teaser_slugs(story.body) if slug != story.slug]
        keys = [getattr(person, "pk", person) for person in people]
        linked = _linked(story, ties)
        # Each person's newest, deep enough to fill their list whatever the
        # lists before it took; the most read, deep enough to fill the box.
        depth = limit * (len(keys) + 1) + len(slugs)
        drawn = most_read + depth + 1 if most_read else 0
        rows = list(
            self.sidebars(story, limit, slugs, keys, linked=linked, depth=depth, most_read=drawn)
        )
        teased = {row.slug: row for row in rows if row.slug in slugs}
        # The rows' scores from the keys they carry: the same sum the ranked
        # query made in SQL, without compiling it a second time.
        for row in rows:
            row.shares = relatedness(row, **linked)
            row.score = row.shares + likeness(row, story)
            row.fits = fits(row, story)
        related = [
            row for row in rows if (row.is_pinned or row.shares > 0) and row.slug not in teased
        ]
        related.sort(key=lambda row: (row.is_pinned, row.fits, row.score, row.published_at, row.pk))
        related = related[::-1][:limit]
        shown = {row.pk for row in [*teased.values(), *related]}
        more_on = {}
        for key in keys:
            more_on[key] = _newest_about(rows, key, limit, shown)
            shown.update(row.pk for row in more_on[key])
        popular = reads.ranked(rows, most_read, leave_out=shown) if most_read else []
        return Sidebars(related, teased, more_on, popular)

    def sidebars(
        self, story, limit, slugs=(), keys=(), ties=None, linked=None, depth=None, most_read=0
    ):
        """The rows of ``story_sidebars``, as cards, newest first: one query.

        Related stories: those the editor pinned come first; then those that
        fit (a short note fits only beside another short note), then the rest;
        each by a score in which each shared person weighs ``PERSON_WEIGHT``,
        each person tied to one of the story's people (a spouse, a parent, a
        child: not a rumour) ``RELATIVE_WEIGHT``, each shared tag
        ``TAG_WEIGHT``, the same section ``SECTION_WEIGHT`` and the same
        kind ``KIND_WEIGHT``; ties go to the newest. Only stories sharing a
        person, relative or tag are candidates, and of those only the
        ``CANDIDATES_PER_LINK`` newest of each person, tag and relative, each
        one walk of a reading index:
        the database never scores more than a few hundred stories, however
        large the archive or famous the people. The ``limit`` best of them
        come, with the teased stories (``slugs``) ranked first, and then the
        newest ``depth`` (else ``limit``) of each person in ``keys``, one index
        walk each, and the ``most_read`` stories read most in the last day,
        each row then carrying its ``reads``.

        Each row carries ``is_pinned`` and its own ``person_ids`` and
        ``tag_ids``, from which ``relatedness`` gives what it shares
        (``likeness`` and ``fits`` what its kind and section add). ``ties`` are
        the relationships touching the story's people when the caller has
        them (``Relationship.objects.touching``); otherwise they are looked
        up; ``linked`` is ``_linked``'s answer when the caller has it.
        """
        now = timezone.now()
        db = self.db
        candidates, annotations = _relatedness(
            self.model.related.through, db, story.pk, now, **(linked or _linked(story, ties))
        )
        fit, alike = _likeness(story)
        annotations["score"] = annotations["score"] + alike
        found = Q(pk__in=candidates)
        if slugs:
            found |= Q(slug__in=slugs)
        ranked = (
            self.published(now).exclude(pk=story.pk).filter(found).alias(**annotations, fits=fit)
        )
        order = ["-is_pinned", "-fits", "-score", "-published_at", "-pk"]
        if slugs:
            teaser = Case(When(slug__in=slugs, then=Value(1)), default=Value(0))
            ranked, order = ranked.alias(is_teaser=teaser), ["-is_teaser", *order]
        ranked = ranked.order_by(*order).values("pk")[: limit + len(slugs)]
        # One IN over a union, not an OR of two: an OR of subqueries would
        # have PostgreSQL scan every story instead of looking these few up.
        # (Each side unsliced and unordered, as SQLite wants a union's parts.)
        wanted = self.filter(pk__in=ranked).order_by().values("pk")
        if keys:
            newest = RawSQL(*PEOPLE.newest_each_sql(keys, depth or limit, story.pk, now, db))  # noqa: S611  # nosec
            wanted = wanted.union(self.filter(pk__in=newest).order_by().values("pk"), all=True)
        if most_read:
            popular = self.filter(pk__in=reads.top(most_read, now)).order_by().values("pk")
            wanted = wanted.union(popular, all=True)
        rows = (
            self.published(now)
            .exclude(pk=story.pk)
            .filter(pk__in=wanted)
            .for_listing(with_keys=True)
            .annotate(is_pinned=annotations["is_pinned"])
        )
        if most_read:
            rows = rows.annotate(reads=reads.total(now))
        return rows.order_by("-published_at", "-pk")

    def most_read(self, limit, now=None, section=None):
        """The ``limit`` stories read most in the last day that readers may see (of
        ``section`` only, if given), most read first, as cards, each with its ``reads``:
        one query."""
        now = now or timezone.now()
        return (
            self.published(now)
            .filter(pk__in=reads.top(limit, now, section))
            .for_listing()
            .annotate(reads=reads.total(now))
            .order_by("-reads", "-pk")
        )

    def more_on(self, person, story=None, limit=None):
        """Published stories about ``person``, newest first, less ``story``.

        With ``limit``, only that many, drawn by one walk of the person's
        reading index, so a star's feed costs what a newcomer's does.
        """
        if limit is not None:
            newest = PEOPLE.newest(person, limit, exclude=getattr(story, "pk", story))
            return self.published().filter(pk__in=newest).newest_first()
        stories = self.published().about(person).newest_first()
        if story is not None:
            stories = stories.exclude(pk=story.pk)
        return stories

    def newest_tagged(self, tag, limit):
        """The ``limit`` newest published stories tagged ``tag``: one index walk."""
        return self.published().filter(pk__in=TAGS.newest(tag, limit)).newest_first()

    def people_alongside(self, person, within, now=None):
        """The people who share ``person``'s ``within`` newest stories, most shared first.

        Each person carries ``shared``, the number of those stories; one
        query, bounded however many stories ``person`` is in.
        """
        return (
            Person.objects.filter(article_links__article__in=PEOPLE.newest(person, within, now=now))
            .exclude(pk=getattr(person, "pk", person))
            # COUNT(*), not of the link's id: the links are then read from
            # the (article, person) index alone, never from the table.
            .annotate(shared=Count("*"))
            .order_by("-shared", "name", "pk")
        )


def _linked(story, ties=None):
    """{"people", "relatives", "tags": their ids}: what relates other stories to ``story``."""
    people = [link.person_id for link in story.person_links.all()]
    if ties is None:
        ties = Relationship.objects.touching(people)
    return {
        "people": people,
        "relatives": relatives_of(people, ties),
        "tags": [tag.pk for tag in story.tags.all()],
    }


def _pinned_sql(Pin, story, db):
    """(SQL, parameters) of the ids of the stories the editor pinned to ``story`` (an id)."""
    name = connections[db].ops.quote_name
    meta = Pin._meta
    to, source = (name(meta.get_field(f).column) for f in ("to_article", "from_article"))
    # Safe: names from the model, quoted; the story is a parameter.
    return f"SELECT {to} FROM {name(meta.db_table)} WHERE {source} = %s", [story]  # noqa: S608  # nosec


def _relatedness(Pin, db, story, now, people, relatives, tags):
    """What ranks stories against the story ``story`` (an id): (candidates, annotations).

    ``Pin`` is the model of the editor's pinned related stories. Candidates
    are a ``pk__in`` expression; the annotations are ``is_pinned`` and ``score``.
    """
    # Candidates and score in SQL of our own: a score of index walks and
    # two weighted counts. Every value is a parameter. Relatives and tags
    # say less about a story than its people: fewer each.
    fewer = max(CANDIDATES_PER_LINK // 2, 1)
    parts = [
        _pinned_sql(Pin, story, db),
        PEOPLE.newest_each_sql(people, CANDIDATES_PER_LINK, story, now, db),
        PEOPLE.newest_each_sql(relatives, fewer, story, now, db),
        TAGS.newest_each_sql(tags, fewer, story, now, db),
    ]
    parts = [(sql, params) for sql, params in parts if sql]
    candidates = RawSQL(*joined(parts, " UNION ALL "))  # noqa: S611  # nosec
    score = PEOPLE.shared(
        [(PERSON_WEIGHT, people), (RELATIVE_WEIGHT, relatives)], db
    ) + TAGS.shared([(TAG_WEIGHT, tags)], db)
    pinned = Pin.objects.filter(from_article=story, to_article=OuterRef("pk"))
    return candidates, {"is_pinned": Exists(pinned), "score": score}


def _likeness(story):
    """(fits, alike): annotations saying whether a story fits beside ``story`` (1) or
    is a short note beside a story of another kind (0), and what its kind and
    section add to its score."""
    fit = Value(1)
    if story.kind not in SHORT_KINDS:
        fit = Case(When(kind__in=SHORT_KINDS, then=Value(0)), default=Value(1))
    alike = Case(When(kind=story.kind, then=Value(KIND_WEIGHT)), default=Value(0))
    if story.section_id is not None:
        alike = alike + Case(
            When(section_id=story.section_id, then=Value(SECTION_WEIGHT)), default=Value(0)
        )
    return fit, alike


def fits(row, story):
    """1 if ``row`` fits beside ``story``, 0 for a short note beside another kind: as
    ``_likeness`` says in SQL."""
    return int(row.kind not in SHORT_KINDS or story.kind in SHORT_KINDS)


def likeness(row, story):
    """What ``row``'s kind and section add to its score beside ``story``: as ``_likeness``."""
    same_section = story.section_id is not None and row.section_id == story.section_id
    return KIND_WEIGHT * (row.kind == story.kind) + SECTION_WEIGHT * same_section


def relatedness(row, people, relatives, tags):
    """``row``'s score against a story with these people, relatives and tags,
    from the keys ``row`` keeps: what ``_relatedness``'s ``score`` sums in SQL."""
    near, far, shared = set(people), set(relatives), set(tags)
    return sum(
        PERSON_WEIGHT if key in near else RELATIVE_WEIGHT if key in far else 0
        for key in row.person_ids
    ) + TAG_WEIGHT * len(shared.intersection(row.tag_ids))


def _newest_about(rows, key, limit, shown):
    """The first ``limit`` of ``rows`` (newest first) about the person ``key``, from their
    ``person_ids``, less those in ``shown`` (ids).

    The rows hold the key's newest stories, drawn by its own walk deep enough
    for what ``shown`` takes, and maybe others about it found another way:
    those are older than its own newest, so they fall off the end of its list.
    """
    return [row for row in rows if key in row.person_ids and row.pk not in shown][:limit]


def relatives_of(people, ties):
    """The people tied to any of ``people`` (not by rumour) who are not among them.

    At most ``RELATIVES_DRAWN``, family first, in a stable order.
    """
    inside = set(people)
    found = {}
    for tie in ties:
        if tie.status == Relationship.Status.RUMOURED:
            continue
        for near, far in ((tie.person_id, tie.other_id), (tie.other_id, tie.person_id)):
            if near in inside and far not in inside:
                family = tie.kind in Relationship.FAMILY_KINDS
                found[far] = min(found.get(far, (1, far)), (0 if family else 1, far))
    return [far for far in sorted(found, key=found.get)][:RELATIVES_DRAWN]


def stories():
    """Every story, as a ``StoryQuerySet``: where the reading pages start from."""
    return StoryQuerySet(Article)
