"""A story's way through the desk: draft → in review → published, and back.

Every change of status is recorded (who, when, to what), whether it was made
on the story's page or for many stories at once from the list.
"""

import reversion
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Article, StatusChange
from .signals import stories_written

Status = Article.Status


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
