"""The editorial calendar: stories by day on the desk's clock, and moving a scheduled one."""

import datetime
import re

import pytest
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from articles.roles import EDITOR, REPORTER

from .desk import admin_url, role_user
from .factories import make_article, make_person

pytestmark = pytest.mark.django_db

CALENDAR = admin_url("articles_article_calendar")


@pytest.fixture
def editor_client(client):
    client.force_login(role_user(EDITOR))
    return client


def at(day, hour, minute=0):
    """An aware moment on the desk's clock."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def monday(day):
    return day - datetime.timedelta(days=day.weekday())


def days_shown(page):
    """{day: [headlines]} as the week page lists them."""
    found = {}
    for day, body in re.findall(
        r'<section class="story-calendar__day[^"]*" aria-labelledby="day-([\d-]+)">(.*?)</section>',
        page,
        re.S,
    ):
        found[day] = re.findall(r'/change/">([^<]+)</a>', body)
    return found


def move(client, story, when, version=None, week=""):
    story.refresh_from_db()  # the version the calendar would show
    return client.post(
        admin_url("articles_article_calendar_move", story.pk),
        {"when": when, "version": story.version if version is None else version, "week": week},
    )


def test_a_week_lists_each_days_stories_in_order_on_the_desks_clock(editor_client, settings):
    settings.TIME_ZONE = "Europe/Berlin"
    next_week = monday(timezone.localdate()) + datetime.timedelta(days=7)
    tuesday = next_week + datetime.timedelta(days=1)
    make_article("Late on Tuesday", published_at=at(tuesday, 23, 30))
    make_article("Early on Tuesday", published_at=at(tuesday, 6, 0))
    # 23:30 UTC on the Monday is already Tuesday in Berlin.
    utc_monday = timezone.make_aware(
        datetime.datetime.combine(next_week, datetime.time(23, 30)), datetime.UTC
    )
    make_article("Monday night in London", published_at=utc_monday)
    make_article("A draft", status="draft")
    make_article("The week after", published_at=at(next_week + datetime.timedelta(days=8), 9))

    response = editor_client.get(CALENDAR, {"week": tuesday.isoformat()})

    assert response.status_code == 200
    shown = days_shown(response.content.decode())
    assert list(shown) == [(next_week + datetime.timedelta(days=n)).isoformat() for n in range(7)]
    assert shown[next_week.isoformat()] == []
    assert shown[tuesday.isoformat()] == [
        "Monday night in London",
        "Early on Tuesday",
        "Late on Tuesday",
    ]
    assert "00:30" in response.content.decode()  # the London story's time in Berlin


def test_the_week_reads_its_stories_in_one_query_whatever_their_number(
    editor_client, django_assert_max_num_queries
):
    today = timezone.localdate()
    for n in range(40):
        make_article(f"Story {n}", published_at=at(today, 8) + datetime.timedelta(minutes=n))
    with django_assert_max_num_queries(8):
        page = editor_client.get(CALENDAR).content.decode()
    # A busy day shows its first stories and links to the rest.
    assert "15 more on this day" in page
    day = editor_client.get(CALENDAR, {"day": today.isoformat()}).content.decode()
    assert len(days_shown(day)[today.isoformat()]) == 40


@pytest.mark.parametrize(
    "query", [{"week": "2026-13-45"}, {"week": "0001-01-01"}, {"day": "9999-12-31"}, {"day": "x"}]
)
def test_a_date_that_is_not_one_shows_this_week_and_says_so(editor_client, query):
    response = editor_client.get(CALENDAR, query, follow=True)

    assert response.status_code == 200
    assert "That is not a date" in response.content.decode()
    assert timezone.localdate().isoformat() in days_shown(response.content.decode())


def test_an_editor_moves_a_scheduled_story_and_the_history_says_so(editor_client):
    story = make_article(
        "Kim's birthday plans", published_at=timezone.now() + datetime.timedelta(days=1)
    )
    later = timezone.localtime(timezone.now() + datetime.timedelta(days=3)).replace(
        second=0, microsecond=0
    )

    response = move(editor_client, story, later.strftime("%Y-%m-%dT%H:%M"))

    assert response.status_code == 302
    assert response["Location"].endswith(f"?week={monday(later.date()).isoformat()}")
    story.refresh_from_db()
    assert story.published_at == later and story.is_scheduled
    comment = Version.objects.get_for_object(story)[0].revision.get_comment()
    assert comment.startswith("Rescheduled from ") and "on the calendar" in comment
    page = editor_client.get(response["Location"]).content.decode()
    assert "is now scheduled for" in page


@pytest.mark.parametrize(
    "when, message",
    [
        ("", "Give the new day and time"),
        ("next tuesday", "Give the new day and time"),
        ("2001-01-01T10:00", "Pick a time still to come"),
    ],
)
def test_a_move_to_no_time_or_a_past_one_is_refused(editor_client, when, message):
    ahead = timezone.now() + datetime.timedelta(days=1)
    story = make_article("Kim's birthday plans", published_at=ahead)

    response = move(editor_client, story, when)

    assert response.status_code == 302
    assert message in editor_client.get(response["Location"]).content.decode()
    story.refresh_from_db()
    assert story.published_at == ahead


def test_a_move_over_a_newer_save_or_of_a_live_story_is_refused(editor_client):
    ahead = timezone.now() + datetime.timedelta(days=1)
    story = make_article("Kim's birthday plans", published_at=ahead)
    live = make_article("Already out")
    later = (timezone.localtime() + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")

    stale = move(editor_client, story, later, version=story.version - 1)
    assert (
        "saved since the calendar was drawn"
        in editor_client.get(stale["Location"]).content.decode()
    )
    not_scheduled = move(editor_client, live, later)
    assert "is not scheduled" in editor_client.get(not_scheduled["Location"]).content.decode()
    story.refresh_from_db()
    live.refresh_from_db()
    assert story.published_at == ahead and live.is_live


def test_a_move_past_a_birthday_that_breaks_a_printed_age_is_refused(editor_client):
    now = timezone.localtime()
    born = (now + datetime.timedelta(days=5)).date().replace(year=now.year - 6)
    psalm = make_person("Psalm West", birth_date=born.isoformat())
    story = make_article(
        "Psalm West (5) starts school",
        people=[psalm],
        body="<p>Psalm West (5) starts school.</p>",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    after_birthday = (now + datetime.timedelta(days=8)).strftime("%Y-%m-%dT%H:%M")

    response = move(editor_client, story, after_birthday)

    assert "the age check disagrees" in editor_client.get(response["Location"]).content.decode()
    story.refresh_from_db()
    assert story.published_at.date() == (timezone.now() + datetime.timedelta(days=1)).date()


def test_a_reporter_sees_the_calendar_but_cannot_move_a_story(client):
    client.force_login(role_user(REPORTER))
    ahead = timezone.now() + datetime.timedelta(days=1)
    story = make_article("Kim's birthday plans", published_at=ahead)

    page = client.get(CALENDAR, {"week": timezone.localdate(ahead).isoformat()}).content.decode()
    refused = move(
        client,
        story,
        (timezone.localtime() + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
    )

    assert "Kim&#x27;s birthday plans" in page or "Kim's birthday plans" in page
    assert 'name="when"' not in page
    assert refused.status_code == 403
    story.refresh_from_db()
    assert story.published_at == ahead
    assert client.get(admin_url("articles_article_calendar_move", story.pk)).status_code == 405


def test_the_story_list_links_to_the_calendar(editor_client):
    page = editor_client.get(admin_url("articles_article_changelist")).content.decode()
    assert f'href="{CALENDAR}"' in page
    assert Article.objects.count() == 0


def test_the_desks_home_page_opens_the_calendar(editor_client):
    page = editor_client.get(admin_url("index")).content.decode()
    assert f'href="{CALENDAR}"' in page
