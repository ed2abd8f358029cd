"""The desk's home page: what each person on the desk has to do next.

The admin index shows these lists above the apps, each for the roles it
concerns: my drafts, stories waiting for review (editors), stories I
submitted and where they are now, stories scheduled for the next 48 hours,
stories published today with their corrections, photo licences running out,
and warnings on live stories (an expired or expiring lead photo, an age that
disagrees with a birth date). Each row links to the story or photo; each
list to the filtered list behind it. Every list is a few indexed rows,
whatever the archive's size.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from common.month_names import month_names
from photos.models import Photo
from photos.rights import EXPIRY_WINDOW_DAYS

from . import calendar, roles, workflow
from .body import age_mismatches
from .models import Article, ArticlePerson, StatusChange, desk_time

#: Rows in each list; the list's own page has the rest.
SHOWN = 8
#: Scheduled stories this far ahead are listed.
AHEAD = datetime.timedelta(hours=48)
#: Live stories published this recently have their ages checked again.
RECENT = datetime.timedelta(hours=48)


@dataclass
class Row:
    label: str
    url: str
    note: str = ""


@dataclass
class Panel:
    title: str
    url: str  # the list behind it
    empty: str
    rows: list = field(default_factory=list)


def story_url(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def stories_url(**filters):
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    return reverse("admin:articles_article_changelist") + (f"?{query}" if query else "")


def where_it_is(story, now):
    """Where a story one submitted stands now, in the words of the story form's stage."""
    if workflow.stage(story, now) == "draft":
        return "back to draft"
    said = workflow.describe_stage(story, now)
    return said[0].lower() + said[1:]


def panels(user, now=None):
    """The lists ``user`` sees on the desk's home page, in order, by role.

    Writers see their drafts and what they submitted; editors what waits for
    their review; the photo desk and editors the licences running out;
    everyone on the desk the schedule, today's stories and the warnings.
    """
    now = now or timezone.now()
    if not roles.can_open(user):
        return [licences_ending(now)] if user.has_perm("photos.change_photo") else []
    found = story_panels(user, now)
    if user.has_perm("photos.change_photo") or roles.can_publish(user):
        found.append(licences_ending(now))
    found.append(warnings(now))
    return found


def story_panels(user, now):
    stories = Article.objects.defer("body", "person_ids", "tag_ids")
    found = []
    if user.has_perm("articles.add_article"):
        found += own_panels(user, stories, now)
    if roles.can_publish(user):
        waiting = stories.filter(status=Article.Status.REVIEW).order_by("updated_at", "pk")
        found.append(
            Panel(
                "Waiting for review",
                stories_url(state="review"),
                "Nothing is waiting for review.",
                [
                    Row(story.headline, story_url(story), f"since {desk_time(story.updated_at)}")
                    for story in waiting[:SHOWN]
                ],
            )
        )
    return found + schedule_panels(stories, now)


def own_panels(user, stories, now):
    """A writer's drafts, and the stories they submitted for review with where each is now."""
    mine = stories.filter(authors=user)
    submitted = StatusChange.objects.filter(by=user, to_status=Article.Status.REVIEW).values(
        "article"
    )
    return [
        Panel(
            "My drafts",
            stories_url(mine="yes", state="draft"),
            "No drafts of yours.",
            [
                Row(story.headline, story_url(story), f"edited {desk_time(story.updated_at)}")
                for story in mine.filter(status=Article.Status.DRAFT).order_by("-updated_at")[
                    :SHOWN
                ]
            ],
        ),
        Panel(
            "Submitted by me",
            stories_url(mine="yes"),
            "Nothing you submitted for review.",
            [
                Row(story.headline, story_url(story), where_it_is(story, now))
                for story in stories.filter(pk__in=submitted).order_by("-updated_at")[:SHOWN]
            ],
        ),
    ]


def schedule_panels(stories, now):
    """What goes live in the next 48 hours, and what went live today."""
    found = []
    scheduled = stories.filter(
        status=Article.Status.PUBLISHED, published_at__gt=now, published_at__lte=now + AHEAD
    ).order_by("published_at", "pk")
    found.append(
        Panel(
            "Scheduled for the next 48 hours",
            stories_url(state="scheduled"),
            "Nothing is scheduled for the next 48 hours.",
            [
                Row(story.headline, story_url(story), desk_time(story.published_at))
                for story in scheduled[:SHOWN]
            ],
        )
    )
    today = (
        stories.filter(
            status=Article.Status.PUBLISHED,
            published_at__gte=calendar.midnight(timezone.localdate(now)),
            published_at__lte=now,
        )
        .annotate(correction_count=Count("corrections"))
        .order_by("-published_at", "-pk")
    )
    found.append(
        Panel(
            "Published today",
            stories_url(state="live", published="recent"),
            "Nothing published yet today.",
            [
                Row(story.headline, story_url(story), published_note(story))
                for story in today[:SHOWN]
            ],
        )
    )
    return found


def published_note(story):
    note = f"{timezone.localtime(story.published_at):%H:%M}"
    if story.correction_count:
        plural = "s" if story.correction_count > 1 else ""
        note += f", {story.correction_count} correction{plural}"
    return note


def licences_ending(now):
    today = timezone.localdate(now)
    photos = Photo.objects.expiring_within(EXPIRY_WINDOW_DAYS, today).only(
        "pk", "caption", "alt_text", "expires_on"
    )
    return Panel(
        f"Photo licences ending within {EXPIRY_WINDOW_DAYS} days",
        reverse("admin:photos_photo_changelist") + "?rights=expiring",
        f"No licence ends within {EXPIRY_WINDOW_DAYS} days.",
        [
            Row(
                str(photo),
                reverse("admin:photos_photo_change", args=[photo.pk]),
                f"ends {photo.expires_on.day} {month_names()[photo.expires_on.month]}",
            )
            for photo in photos[:SHOWN]
        ],
    )


def warnings(now):
    """Live stories readers see with a problem: the lead photo's licence, an age."""
    today = timezone.localdate(now)
    live = Article.objects.published(now)
    rights = (
        live.filter(
            Q(lead_photo__expires_on__lte=today + datetime.timedelta(days=EXPIRY_WINDOW_DAYS))
        )
        .select_related("lead_photo")
        .only("pk", "headline", "lead_photo__expires_on", "lead_photo__restrictions")
        .order_by("lead_photo__expires_on", "-published_at")[:SHOWN]
    )
    rows = [
        Row(story.headline, story_url(story), f"lead photo: {story.lead_photo.rights_warning}")
        for story in rights
    ]
    people = ArticlePerson.objects.select_related("person")
    recent = live.filter(published_at__gte=now - RECENT).prefetch_related(
        Prefetch("person_links", queryset=people)
    )
    for story in recent.order_by("-published_at")[: SHOWN * 4]:
        for mismatch in age_mismatches(story, [link.person for link in story.person_links.all()]):
            rows.append(Row(story.headline, story_url(story), f"age check: {mismatch}"))
    return Panel(
        "Warnings on live stories",
        stories_url(state="live", photo_rights="warning"),
        "No warnings on live stories.",
        rows[:SHOWN],
    )
