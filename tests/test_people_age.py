"""A person's age, as printed next to their name in stories and on their page."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from people.models import Person
from tests.factories import link_person, make_article, make_person

D = datetime.date
UTC = datetime.UTC


@pytest.fixture(autouse=True)
def berlin(settings):
    """The newsroom's clock: local dates are Berlin dates."""
    settings.TIME_ZONE = "Europe/Berlin"


def person(born=None, died=None):
    return Person(name="Someone", birth_date=born, death_date=died)


# Birthdays


def test_the_day_before_the_birthday_is_still_the_younger_age():
    kim = person(born=D(1980, 10, 21))
    assert kim.age_on(D(2020, 10, 20)) == 39


def test_the_birthday_itself_adds_the_year():
    kim = person(born=D(1980, 10, 21))
    assert kim.age_on(D(2020, 10, 21)) == 40


def test_the_day_of_birth_is_age_zero():
    assert person(born=D(1980, 10, 21)).age_on(D(1980, 10, 21)) == 0


def test_early_in_the_year_before_a_late_birthday():
    assert person(born=D(1980, 12, 31)).age_on(D(2021, 1, 1)) == 40


# 29 February


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (D(2001, 2, 28), 0),  # common year: not yet, 28 February is the day before
        (D(2001, 3, 1), 1),  # common year: the birthday counts on 1 March
        (D(2003, 2, 28), 2),
        (D(2003, 3, 1), 3),
        (D(2004, 2, 28), 3),  # leap year: the day before the real birthday
        (D(2004, 2, 29), 4),  # leap year: the birthday itself
        (D(2004, 3, 1), 4),
    ],
)
def test_born_on_29_february(on, age):
    assert person(born=D(2000, 2, 29)).age_on(on) == age


# No age to give


def test_before_birth_there_is_no_age():
    assert person(born=D(1980, 10, 21)).age_on(D(1980, 10, 20)) is None


def test_unknown_birth_date_gives_no_age():
    nobody_knows = person(born=None)
    assert nobody_knows.age_on(D(2020, 1, 1)) is None
    assert nobody_knows.age_today is None
    assert nobody_knows.age_at_death is None


def test_unknown_birth_date_gives_no_age_at_death_either():
    assert person(born=None, died=D(2009, 6, 25)).age_at_death is None


def test_the_dead_do_not_grow_older():
    michael = person(born=D(1958, 8, 29), died=D(2009, 6, 25))
    assert michael.age_on(D(2009, 6, 25)) == 50  # the day of death still has an age
    assert michael.age_on(D(2009, 6, 26)) is None
    assert michael.age_on(D(2025, 1, 1)) is None
    assert michael.age_today is None
    assert michael.age_at_death == 50


def test_before_death_the_age_counts_as_usual():
    michael = person(born=D(1958, 8, 29), died=D(2009, 6, 25))
    assert michael.age_on(D(2008, 8, 28)) == 49
    assert michael.age_on(D(2008, 8, 29)) == 50


def test_age_at_death_counts_a_birthday_on_the_day_of_death():
    assert person(born=D(1950, 6, 25), died=D(2009, 6, 25)).age_at_death == 59
    assert person(born=D(1950, 6, 26), died=D(2009, 6, 25)).age_at_death == 58


def test_living_people_have_no_age_at_death():
    assert person(born=D(1980, 10, 21)).age_at_death is None


# Moments rather than dates: the local (Berlin) date counts


def test_late_evening_utc_is_already_the_next_day_in_berlin():
    born = person(born=D(1990, 2, 6))
    # 23:30 UTC on 5 February is 00:30 on 6 February in Berlin: the birthday.
    assert born.age_on(datetime.datetime(2021, 2, 5, 23, 30, tzinfo=UTC)) == 31
    # 22:30 UTC is 23:30 in Berlin, still 5 February.
    assert born.age_on(datetime.datetime(2021, 2, 5, 22, 30, tzinfo=UTC)) == 30


def test_a_moment_in_another_time_zone_is_read_as_a_berlin_date():
    born = person(born=D(1990, 2, 6))
    # 15:30 in Los Angeles on 5 February is 00:30 on 6 February in Berlin.
    moment = datetime.datetime(2021, 2, 5, 15, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert born.age_on(moment) == 31


def test_a_moment_before_birth_in_berlin_gives_no_age():
    born = person(born=D(1990, 2, 6))
    assert born.age_on(datetime.datetime(1990, 2, 5, 22, 30, tzinfo=UTC)) is None
    assert born.age_on(datetime.datetime(1990, 2, 5, 23, 30, tzinfo=UTC)) == 0


def test_a_moment_after_death_in_berlin_gives_no_age():
    gone = person(born=D(1950, 1, 1), died=D(2021, 2, 5))
    assert gone.age_on(datetime.datetime(2021, 2, 5, 22, 30, tzinfo=UTC)) == 71
    assert gone.age_on(datetime.datetime(2021, 2, 5, 23, 30, tzinfo=UTC)) is None


def test_age_today_uses_todays_berlin_date(monkeypatch):
    born = person(born=D(1990, 2, 6))
    late_on_the_5th_utc = datetime.datetime(2021, 2, 5, 23, 30, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: late_on_the_5th_utc)
    assert born.age_today == 31
    monkeypatch.setattr(timezone, "now", lambda: late_on_the_5th_utc - datetime.timedelta(hours=1))
    assert born.age_today == 30


# In a story: the age when it was published


@pytest.mark.django_db
def test_age_at_publication_is_the_age_on_the_berlin_publication_date():
    kim = make_person("Kim Kardashian", birth_date="1980-10-21")
    story = make_article(
        "Kim at the Met Gala",
        published_at=datetime.datetime(2020, 10, 20, 22, 15, tzinfo=UTC),  # 00:15 on 21st
    )
    link = link_person(story, kim)
    assert link.age_at_publication() == 40
    story.published_at = datetime.datetime(2020, 10, 20, 21, 45, tzinfo=UTC)  # 23:45 on 20th
    assert link.age_at_publication() == 39


@pytest.mark.django_db
def test_age_at_publication_of_an_unpublished_story_is_the_age_today(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2021, 2, 5, 23, 30, tzinfo=UTC))
    kim = make_person("Kim Kardashian", birth_date="1990-02-06")
    draft = make_article("Not yet", status="draft")
    link = link_person(draft, kim)
    assert draft.published_at is None
    assert link.age_at_publication() == 31
