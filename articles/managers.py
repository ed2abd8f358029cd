"""The reading logic for stories: what readers may see, and in what order."""

from django.db import connections, models
from django.db.models import (
    Case,
    Count,
    Exists,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone

from newsroom.precompiled import Precompiled, Slot

from .folded import UNSHOWN, as_prefetched, fold_lists
from .listings import PEOPLE, TAGS, joined

# In the related-stories score a shared person counts for more than a relative
# of one (a spouse, a child), who counts for more than a shared tag.
PERSON_WEIGHT = 5
RELATIVE_WEIGHT = 2
TAG_WEIGHT = 1
# A lead photo's (and its replacement's) columns that no reading page shows.
UNSHOWN_PHOTO_FIELDS = tuple(
    f"{path}__{field}" for path in ("lead_photo", "lead_photo__replacement") for field in UNSHOWN
)
# A story's own columns only SQL reads (the related-stories score).
UNSHOWN_STORY_FIELDS = ("person_ids", "tag_ids")
# Related stories are found among each shared person's and tag's newest stories.
CANDIDATES_PER_LINK = 10
# Relatives beyond these many (closest first) add no candidates of their own.
RELATIVES_DRAWN = 12


def _count_of(queryset, group_by):
    """A correlated subquery counting ``queryset``'s rows (0 when none)."""
    counted = queryset.values(group_by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), Value(0))


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """Stories readers may see: published, and not scheduled for later."""
        return self.filter(status="published", published_at__lte=now or timezone.now())

    def about(self, person):
        return self.filter(person_links__person=person)

    def tagged(self, tag):
        return self.filter(tagged_items__tag=tag)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        """What a story card needs, in one query: no body, the photo joined.

        The photo's replacement comes along for when its licence has expired;
        renditions are stored on the photo row, so they cost nothing more.
        """
        return self.select_related("lead_photo", "lead_photo__replacement").defer(
            "body", *UNSHOWN_STORY_FIELDS, *UNSHOWN_PHOTO_FIELDS
        )

    def for_story_page(self):
        """Everything a story page shows about the story itself, in one query.

        The story's corrections, tags, bylines and people are folded into its
        own row (see ``folded``).
        """
        stories, prefetches = fold_lists(self, connections[self.db].vendor)
        return (
            stories.select_related("lead_photo", "lead_photo__replacement")
            .defer(*UNSHOWN_STORY_FIELDS, *UNSHOWN_PHOTO_FIELDS)
            .prefetch_related(*prefetches)
        )

    def teased_in(self, story):
        """The stories readers may see that ``story``'s body teases, in one query.

        Empty, without a query, when the body has no teaser markers.
        """
        from .body import teaser_slugs

        slugs = teaser_slugs(story.body)
        if not slugs:
            return self.none()
        return self.published().for_listing().exclude(pk=story.pk).filter(slug__in=slugs)

    def story_sidebars(self, story, limit, people=(), ties=None):
        """What a story page draws beside and below the story, in one query.

        Returns (the ``limit`` stories related to ``story`` (see
        ``related_to``), {slug: teased story} (see ``teased_in``), {person pk:
        their newest ``limit`` stories} for each of ``people`` (see
        ``more_on_each``)).

        The rows are the best related stories, ranked with the teasers first
        (the ``limit`` best that are not teasers are among them, so ranking
        them again here gives the sidebar ``related_to`` gives alone), and
        each person's newest stories, one index walk each. The query is
        compiled once for each shape (see ``newsroom.precompiled``).
        """
        from .body import teaser_slugs

        slugs = [slug for slug in teaser_slugs(story.body) if slug != story.slug]
        keys = [getattr(person, "pk", person) for person in people]
        rows = list(
            _SIDEBARS(
                limit,
                using=self.db,
                story=story.pk,
                now=timezone.now(),
                slugs=slugs,
                keys=keys,
                **_linked(story, ties),
            )
        )
        teased = {row.slug: row for row in rows if row.slug in slugs}
        related = [row for row in rows if row.is_pinned or row.score > 0]
        related.sort(key=lambda row: (row.is_pinned, row.score, row.published_at, row.pk))
        return related[::-1][:limit], teased, _sorted_to_people(rows, keys, limit)

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

    def with_main_flag(self, person):
        """Each story marked ``is_main_person``: whether ``person`` is its main person."""
        from .models import ArticlePerson

        main = ArticlePerson.objects.filter(article=OuterRef("pk"), person=person, is_main=True)
        return self.annotate(is_main_person=Exists(main))

    def people_alongside(self, person, within, now=None):
        """The people who share ``person``'s ``within`` newest stories, most shared first.

        Each person carries ``shared``, the number of those stories; one
        query, bounded however many stories ``person`` is in.
        """
        from people.models import Person

        return (
            Person.objects.filter(article_links__article__in=PEOPLE.newest(person, within, now=now))
            .exclude(pk=getattr(person, "pk", person))
            # COUNT(*), not of the link's id: the links are then read from
            # the (article, person) index alone, never from the table.
            .annotate(shared=Count("*"))
            .order_by("-shared", "name", "pk")
        )

    def more_on_each(self, people, story=None, limit=5):
        """{person pk: their newest ``limit`` published stories, less ``story``}, in one query.

        Each person's stories are one walk of their reading index, so a star
        in 50,000 stories costs what a newcomer in five does.
        """
        keys = [getattr(person, "pk", person) for person in people]
        if not keys:
            return {}
        now = timezone.now()
        newest = PEOPLE.newest_each_sql(keys, limit, getattr(story, "pk", story), now, self.db)
        rows = (
            self.published(now)
            .filter(pk__in=RawSQL(*newest))  # noqa: S611  # nosec
            .for_listing()
            .annotate(**_about(keys, self.db))
            .order_by("-published_at", "-pk")
        )
        return _sorted_to_people(rows, keys, limit)

    def related_to(self, story, also=None, ties=None):
        """Published stories related to ``story``, best first, in one query.

        Stories the editor pinned come first; then the rest by a score in
        which each shared person weighs ``PERSON_WEIGHT``, each person tied to
        one of the story's people (a spouse, a parent, a child: not a rumour)
        ``RELATIVE_WEIGHT`` and each shared tag ``TAG_WEIGHT``; ties go to
        the newest. Only stories sharing something are candidates, and of
        those only the ``CANDIDATES_PER_LINK`` newest of each person, tag and
        relative, each one walk of a reading index: the database never scores
        more than a few hundred stories, however large the archive or famous
        the people. ``also`` (a ``values("pk")`` queryset) lets further
        stories in, unscored unless they share something. ``ties`` are the
        relationships touching the story's people when the caller has them
        (``Relationship.objects.touching``); otherwise they are looked up.
        """
        now = timezone.now()
        relatedness = _relatedness(self, story.pk, now, **_linked(story, ties))
        return _ranked(self, story.pk, now, relatedness, also)


def _linked(story, ties=None):
    """{"people", "relatives", "tags": their ids}: what relates other stories to ``story``."""
    from people.models import Relationship

    people = [link.person_id for link in story.person_links.all()]
    if ties is None:
        ties = Relationship.objects.touching(people)
    return {
        "people": people,
        "relatives": relatives_of(people, ties),
        "tags": [tag.pk for tag in story.tags.all()],
    }


def _relatedness(stories, story, now, people, relatives, tags):
    """What ranks ``stories`` against the story ``story`` (an id): (candidates, annotations).

    Candidates are a ``pk__in`` expression; the annotations are
    ``is_pinned`` and ``score``. Every value may be a ``Slot``.
    """
    from .models import Article

    Pin = Article.related.through
    pinned = Pin.objects.filter(from_article=story)
    # Candidates and score in SQL of our own: a score of index walks and
    # two weighted counts, composed here in microseconds rather than by
    # the ORM in milliseconds. Every value is a parameter.
    # Relatives and tags say less about a story than its people: fewer each.
    fewer = max(CANDIDATES_PER_LINK // 2, 1)
    db = stories.db
    parts = [
        pinned.values_list("to_article").query.get_compiler(db).as_sql(),
        PEOPLE.newest_each_sql(people, CANDIDATES_PER_LINK, story, now, db),
        PEOPLE.newest_each_sql(relatives, fewer, story, now, db),
        TAGS.newest_each_sql(tags, fewer, story, now, db),
    ]
    parts = [(sql, params) for sql, params in parts if sql]
    candidates = RawSQL(*joined(parts, " UNION ALL "))  # noqa: S611  # nosec
    score = PEOPLE.shared(
        [(PERSON_WEIGHT, people), (RELATIVE_WEIGHT, relatives)], db
    ) + TAGS.shared([(TAG_WEIGHT, tags)], db)
    return candidates, {
        "is_pinned": Exists(pinned.filter(to_article=OuterRef("pk"))),
        "score": score,
    }


def _ranked(stories, story, now, relatedness, also=None, selected=True):
    """``related_to``'s stories; with ``selected`` false, ranked without the
    ranking in the rows (as a subquery must be: one column)."""
    candidates, annotations = relatedness
    found = Q(pk__in=candidates)
    if also is not None:
        found |= Q(pk__in=also)
    stories = stories.published(now).exclude(pk=story).filter(found)
    stories = stories.annotate(**annotations) if selected else stories.alias(**annotations)
    return stories.order_by("-is_pinned", "-score", "-published_at", "-pk")


def _sidebar_rows(stories, limit, people, relatives, tags, slugs, keys):
    """``story_sidebars``'s query, of ``Slot``s: the ranked related stories with the
    teasers first, and the newest ``limit`` of each of ``keys``, as cards."""
    story, now = Slot("story"), Slot("now", models.DateTimeField())
    also = stories.filter(slug__in=slugs).values("pk") if slugs else None
    relatedness = _relatedness(stories, story, now, people, relatives, tags)
    ranked = _ranked(stories, story, now, relatedness, also, selected=False)
    if slugs:
        ranked = ranked.alias(
            is_teaser=Case(When(slug__in=slugs, then=Value(1)), default=Value(0))
        ).order_by("-is_teaser", "-is_pinned", "-score", "-published_at", "-pk")
    ranked = ranked.values("pk")[: limit + len(slugs)]
    # One IN over a union, not an OR of two: an OR of subqueries would
    # have PostgreSQL scan every story instead of looking these few up.
    sql, params = ranked.query.get_compiler(stories.db).as_sql()
    parts = [(f"SELECT * FROM ({sql}) ranked", params)]  # noqa: S608  # nosec
    if keys:
        parts.append(PEOPLE.newest_each_sql(keys, limit, story, now, stories.db))
    wanted = Q(pk__in=RawSQL(*joined(parts, " UNION ALL ")))  # noqa: S611  # nosec
    return (
        stories.published(now)
        .filter(wanted)
        .for_listing()
        .annotate(**relatedness[1], **_about(keys, stories.db))
        .order_by("-published_at", "-pk")
    )


_SIDEBARS = Precompiled(
    "articles.Article",
    _sidebar_rows,
    arrays=("people", "relatives", "tags"),
    items=("slugs", "keys"),
)


def _about(keys, db):
    """Annotations ``about_0``, ``about_1``…: whether a story is about each of ``keys``."""
    return {f"about_{n}": PEOPLE.shared([(1, [key])], db) for n, key in enumerate(keys)}


def _sorted_to_people(rows, keys, limit):
    """{key: the first ``limit`` of ``rows`` (newest first) about it}, from ``_about``.

    The rows hold each key's ``limit`` newest stories, drawn by its own walk,
    and maybe others about it found another way: those are older than its
    own newest, so they fall off the end of its list.
    """
    found = {key: [] for key in keys}
    for row in rows:
        for n, key in enumerate(keys):
            if getattr(row, f"about_{n}") and len(found[key]) < limit:
                found[key].append(row)
    return found


def relatives_of(people, ties):
    """The people tied to any of ``people`` (not by rumour) who are not among them.

    At most ``RELATIVES_DRAWN``, family first, in a stable order.
    """
    from people.models import Relationship

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


def with_credits(photos):
    """Fetch the credits, with their sources, of ``photos`` in one query for all.

    Photos whose credits are at hand already (folded into their story's row)
    are left as they are.
    """
    wanted = {}
    for photo in photos:
        if photo is not None and "credits" not in getattr(photo, "_prefetched_objects_cache", {}):
            wanted.setdefault(photo.pk, []).append(photo)
    if wanted:
        found = {pk: [] for pk in wanted}
        # From the database the photos came from, as a prefetch would.
        using = next(iter(wanted.values()))[0]._state.db
        for credit in _CREDITS(photos=list(wanted), using=using):
            found[credit.photo_id].append(credit)
        for pk, same in wanted.items():
            for photo in same:
                as_prefetched(photo, "credits", found[pk])
    return photos


_CREDITS = Precompiled(
    "photos.PhotoCredit",
    lambda credits, photos: credits.filter(photo__pk__in=photos).select_related("source"),
    items=("photos",),
)


def with_shown_photo_credits(stories):
    """Fetch the credits of the photos readers see on ``stories``, in one query for all.

    Only the photo actually shown counts: the lead photo, or its replacement
    once expired. Returns ``stories`` (a list) for chaining.
    """
    with_credits([story.lead_photo_for_readers for story in stories])
    return stories
