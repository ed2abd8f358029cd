"""The editorial calendar: scheduled and published stories by day, on the desk's clock,
and moving a scheduled story to another time.

A week is read in one query over the (status, time) index. Moving a story is
checked as publishing is: an editor's right, a time still to come, the ages
in the text as they will be then, and the version the calendar showed.
"""

import datetime
from dataclasses import dataclass

import reversion
from django.db import transaction
from django.utils import timezone

from . import roles
from .body import age_mismatches
from .models import Article, desk_time

#: Stories shown under one day of a week; the day's own page shows them all.
SHOWN_PER_DAY = 25


class Refused(Exception):
    """A move the calendar will not make; the message says why, in desk words."""


@dataclass
class Day:
    date: datetime.date
    stories: list
    more: int = 0

    @property
    def is_today(self):
        return self.date == timezone.localdate()


def week_start(day):
    """The Monday of ``day``'s week."""
    return day - datetime.timedelta(days=day.weekday())


def midnight(day):
    """The first moment of ``day`` on the desk's clock."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def days(first, count, per_day=SHOWN_PER_DAY):
    """``count`` days from ``first``, each with its stories in time order.

    At most ``per_day`` stories a day (None: all); ``more`` counts the rest.
    Each story carries ``local``, its time on the desk's clock.
    """
    start, end = midnight(first), midnight(first + datetime.timedelta(days=count))
    stories = (
        Article.objects.filter(
            status=Article.Status.PUBLISHED, published_at__gte=start, published_at__lt=end
        )
        .only("pk", "headline", "status", "published_at", "version")
        .order_by("published_at", "pk")
    )
    found = [Day(first + datetime.timedelta(days=n), []) for n in range(count)]
    for story in stories:
        story.local = timezone.localtime(story.published_at)
        day = found[(story.local.date() - first).days]
        if per_day is None or len(day.stories) < per_day:
            day.stories.append(story)
        else:
            day.more += 1
    return found


#: The years the calendar goes to: beyond them a week has no neighbours to step to.
YEARS = range(1900, 2200)


def parse_day(value, default):
    """A ``YYYY-MM-DD`` from the address, or ``default`` (and False) when it is not one."""
    if not value:
        return default, True
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return default, False
    return (day, True) if day.year in YEARS else (default, False)


def parse_moment(value):
    """A ``datetime-local`` input ("2026-12-07T09:30") on the desk's clock, or None."""
    try:
        moment = datetime.datetime.fromisoformat(value or "")
    except ValueError:
        return None
    if timezone.is_aware(moment):
        return None
    return timezone.make_aware(moment)


def reschedule(story_pk, when, seen_version, user, now=None):
    """Move the scheduled story to ``when``; raises Refused with the reason.

    Saved as any desk save is: one revision, by ``user``, with a comment that
    says what moved, and every page showing the story follows.
    """
    now = now or timezone.now()
    if not roles.can_publish(user):
        raise Refused("Only an editor can move a story on the calendar.")
    if when is None:
        raise Refused("Give the new day and time, as the calendar's field asks.")
    if when <= now:
        raise Refused(
            "Pick a time still to come: to publish now, open the story and press Publish."
        )
    with transaction.atomic():
        story = Article.objects.select_for_update().filter(pk=story_pk).first()
        if story is None:
            raise Refused("That story no longer exists.")
        if str(story.version) != str(seen_version):
            raise Refused(
                f"“{story}” was saved since the calendar was drawn: it is shown again "
                "as it is now; move it once more if still needed."
            )
        if not story.is_scheduled:
            raise Refused(f"“{story}” is not scheduled: only scheduled stories can be moved.")
        people = [link.person for link in story.person_links.select_related("person")]
        mismatches = age_mismatches(story, people, when=when)
        if mismatches:
            raise Refused(
                f"“{story}” was not moved: at that time the age check disagrees ("
                + "; ".join(str(mismatch) for mismatch in mismatches)
                + "). Open the story to correct the text."
            )
        was = story.published_at
        with reversion.create_revision():
            story.published_at = when
            story.save()
            reversion.set_user(user)
            reversion.set_comment(
                f"Rescheduled from {desk_time(was)} to {desk_time(when)} on the calendar"
            )
    return story
