"""A story's way through the desk: draft → in review → published, and back.

Every change of status is recorded (who, when, to what), whether it was made
on the story's page or for many stories at once from the list.
"""

from dataclasses import dataclass

import reversion
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import roles
from .models import Article, StatusChange, desk_time
from .signals import stories_written

Status = Article.Status


@dataclass(frozen=True)
class Step:
    """A button of the story form: what it says and where it takes the story.

    ``to`` is the status the story gets (None keeps it); ``publishing`` steps
    are the editors' alone, as the database's status would be.
    """

    name: str
    label: str
    to: str | None = None
    publishing: bool = False


SAVE = "save"
SUBMIT = "submit"
PUBLISH = "publish"
SCHEDULE = "schedule"
TO_DRAFT = "draft"


def stage(story, now=None):
    """Where the story stands: "draft", "review", "scheduled" or "live"."""
    if story is None or story.status == Status.DRAFT:
        return "draft"
    if story.status == Status.REVIEW:
        return "review"
    published_at = story.published_at
    return "scheduled" if published_at and published_at > (now or timezone.now()) else "live"


def describe_stage(story, now=None):
    """The stage in desk words, as the form's buttons introduce it."""
    where = stage(story, now)
    if where == "scheduled":
        return f"Scheduled for {desk_time(story.published_at)}"
    if where == "live":
        return f"Live since {desk_time(story.published_at)}"
    if where == "review":
        return "In review"
    return "Draft" if story is not None and story.pk else "New draft"


def steps(user, story):
    """The buttons ``user`` gets on ``story``'s form (None: a new story), first the plain save.

    A writer moves a draft to review and back; an editor also publishes,
    schedules and takes back. Someone who may only tag people just saves.
    """
    where = stage(story)
    if story is not None and story.pk and not roles.can_write(user, story):
        return [Step(SAVE, "Save")]
    publish = Step(PUBLISH, "Publish", Status.PUBLISHED, publishing=True)
    schedule = Step(SCHEDULE, "Schedule", Status.PUBLISHED, publishing=True)
    found = {
        "draft": [
            Step(SAVE, "Save draft"),
            Step(SUBMIT, "Submit for review", Status.REVIEW),
            publish,
            schedule,
        ],
        "review": [
            Step(SAVE, "Save"),
            publish,
            schedule,
            Step(TO_DRAFT, "Back to draft", Status.DRAFT),
        ],
        "scheduled": [
            Step(SAVE, "Save"),
            Step(PUBLISH, "Publish now", Status.PUBLISHED, publishing=True),
            Step(TO_DRAFT, "Unschedule", Status.DRAFT, publishing=True),
        ],
        "live": [Step(SAVE, "Update"), Step(TO_DRAFT, "Unpublish", Status.DRAFT, publishing=True)],
    }[where]
    may_publish = roles.can_publish(user)
    return [step for step in found if may_publish or not step.publishing]


def outcome(story, change):
    """What a pressed button did, said to the person who pressed it."""
    if change is None:
        return {
            "draft": "draft saved.",
            "review": "saved; it stays in review.",
            "scheduled": f"saved; it stays scheduled for {desk_time(story.published_at)}.",
            "live": "updated; readers see the changes.",
        }[stage(story)]
    if change.to_status == Status.REVIEW:
        return "submitted for review; editors find it on their desk."
    if change.to_status == Status.PUBLISHED:
        if stage(story) == "scheduled":
            return f"scheduled; readers see it from {desk_time(story.published_at)}."
        return "published; readers see it now."
    if change.from_status == Status.PUBLISHED:
        return "back to draft; readers cannot see it."
    if change.from_status == Status.REVIEW:
        return "back to draft."
    return "draft saved."


def find_step(user, story, name):
    """The step called ``name`` if ``user`` has it on ``story``, else None."""
    return next((step for step in steps(user, story) if step.name == name), None)


def record(article, from_status, user, at=None):
    """Note that ``article`` moved from ``from_status`` to its current status."""
    if from_status == article.status:
        return None
    return StatusChange.objects.create(
        article=article,
        from_status=from_status or "",
        to_status=article.status,
        published_at=article.published_at if article.status == Status.PUBLISHED else None,
        by=user,
        at=at or timezone.now(),
    )


def leave_publication(article, from_status, keep_time=False):
    """A story taken back from published no longer claims a publication time.

    Its status history keeps when it was published; publishing it again sets
    the time afresh, unless the editor typed one (``keep_time``).
    """
    if from_status == Status.PUBLISHED and article.status != Status.PUBLISHED and not keep_time:
        article.published_at = None


def _move(queryset, user, to_status, comment, **changes):
    """Move the stories of ``queryset`` not yet in ``to_status`` there; returns them."""
    now = timezone.now()
    with transaction.atomic():
        moving = list(
            queryset.exclude(status=to_status).select_for_update().values_list("pk", "status")
        )
        pks = [pk for pk, _ in moving]
        Article.objects.filter(pk__in=pks).update(
            status=to_status, updated_at=now, version=F("version") + 1, **changes
        )
        # A bulk update sends no signal of Django's: what is derived from
        # these stories (listings, cached pages) must be told.
        stories_written(pks)
        moved = Article.objects.in_bulk(pks)
        StatusChange.objects.bulk_create(
            StatusChange(
                article=moved[pk],
                from_status=was,
                to_status=to_status,
                published_at=moved[pk].published_at if to_status == Status.PUBLISHED else None,
                by=user,
                at=now,
            )
            for pk, was in moving
        )
        # One revision per story: restoring one story's revision must not
        # roll back the others moved with it.
        for article in moved.values():
            with reversion.create_revision():
                reversion.set_user(user)
                reversion.set_comment(comment)
                reversion.add_to_revision(article)
    return list(moved.values())


def publish(queryset, user):
    """Publish the stories, now or at the time each already has (which schedules it).

    A bulk update skips ``save()``, so the publication time is set here: the
    database refuses a published story without one.
    """
    return _move(
        queryset,
        user,
        Status.PUBLISHED,
        "Published from the story list.",
        published_at=Coalesce(F("published_at"), Value(timezone.now())),
    )


def unpublish(queryset, user):
    """Take the stories back to draft: readers no longer see them."""
    return _move(
        queryset, user, Status.DRAFT, "Unpublished from the story list.", published_at=None
    )


def scheduled(queryset, now=None):
    return queryset.filter(Q(status=Status.PUBLISHED) & Q(published_at__gt=now or timezone.now()))
