"""What readers may see of stories, and what a page of them fetches.

The reading querysets that walk the listings (related stories, "More on",
a person's or tag's newest) build on this one in ``reading.querysets``.
"""

from django.db import models
from django.db.models import (
    Case,
    Exists,
    JSONField,
    OuterRef,
    Prefetch,
    When,
    prefetch_related_objects,
)
from django.utils import timezone

from common.json_rows import decoded, moment, rows_of
from photos.models import PhotoCredit

# What the photo desk keeps about a photo that no reading page shows.
UNSHOWN = ("embedded_metadata",)
# A lead photo's (and its replacement's) columns that no reading page shows.
UNSHOWN_PHOTO_FIELDS = tuple(
    f"{path}__{field}" for path in ("lead_photo", "lead_photo__replacement") for field in UNSHOWN
)
# A story's own columns the cards do not show (the related-stories score reads them).
UNSHOWN_STORY_FIELDS = ("person_ids", "tag_ids", "author_ids", "counted_section", "counted_month")


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

    def for_listing(self, with_keys=False):
        """What a story card needs, in one query: no body, the photo joined.

        The photo's replacement comes along for when its licence has expired;
        renditions are stored on the photo row, so they cost nothing more.
        ``with_keys`` brings the story's ``person_ids`` and ``tag_ids`` too,
        for a caller that weighs stories by them.
        """
        unshown = () if with_keys else UNSHOWN_STORY_FIELDS
        return self.select_related("lead_photo", "lead_photo__replacement").defer(
            "body", *unshown, *UNSHOWN_PHOTO_FIELDS
        )

    def for_story_page(self):
        """Everything a story page shows about the story itself: the story with its
        photo and corrections, then one query each for its tags, bylines and people.

        The shown photo's credits come with ``with_shown_photo_credits``.
        """
        return (
            self.select_related(
                "lead_photo", "lead_photo__replacement", "dateline_place", "section"
            )
            .defer(*UNSHOWN_STORY_FIELDS, *UNSHOWN_PHOTO_FIELDS)
            .prefetch_related(
                "tags",  # in order: ``tags_in_order``
                bylines_prefetch(self.model),
                Prefetch(
                    "person_links",
                    queryset=self.model.people.through.objects.select_related("person"),
                ),
            )
            # The few corrected stories carry their notes on their own row: no
            # query of its own (``correction_notes``).
            .annotate(
                correction_rows=Case(
                    When(has_corrections=True, then=_correction_rows(self.model)),
                    default=None,
                    output_field=JSONField(),
                )
            )
        )

    def with_main_flag(self, person):
        """Each story marked ``is_main_person``: whether ``person`` is its main person."""
        # The models module builds on this one: the link model is the story's.
        main = self.model.people.through.objects.filter(
            article=OuterRef("pk"), person=person, is_main=True
        )
        return self.annotate(is_main_person=Exists(main))


def bylines_prefetch(story_model):
    """The prefetch of a story's bylines in order, each with its author (``byline_authors``)."""
    # The models module builds on this one: the byline model is the story's.
    bylines = story_model._meta.get_field("bylines").related_model
    return Prefetch("bylines", queryset=bylines.objects.select_related("contributor"))


def credits_prefetch():
    """The prefetch of a photo's credits with their sources, as its credit line reads them."""
    return Prefetch("credits", queryset=PhotoCredit.objects.select_related("source"))


def with_credits(photos):
    """Fetch the credits, with their sources, of ``photos`` in one query for all.

    Photos whose credits were fetched already are left as they are; ``None``
    is skipped. Returns ``photos``.
    """
    prefetch_related_objects([photo for photo in photos if photo is not None], credits_prefetch())
    return photos


def with_shown_photo_credits(stories):
    """Fetch the credits of the photos readers see on ``stories``, in one query for all.

    Only the photo actually shown counts: the lead photo, or its replacement
    once expired. Returns ``stories`` (a list) for chaining.
    """
    with_credits([story.lead_photo_for_readers for story in stories])
    return stories


def _correction_rows(story_model):
    # The models module builds on this one: the corrections model is the story's.
    corrections = story_model._meta.get_field("corrections").related_model
    return rows_of(
        corrections.objects, "article", pk="pk", kind="kind", text="text", created_at="created_at"
    )


def correction_notes(story):
    """The story's corrections, oldest first.

    Read from the row ``for_story_page`` gave (no query), else from the table.
    """
    if not story.has_corrections:
        return []
    if not hasattr(story, "correction_rows"):
        return list(story.corrections.all())
    Correction = story.corrections.model
    notes = [
        Correction(
            pk=row["pk"],
            article=story,
            kind=row["kind"],
            text=row["text"],
            created_at=moment(row["created_at"]),
        )
        for row in decoded(story.correction_rows)
    ]
    return sorted(notes, key=lambda note: (note.created_at, note.pk))
