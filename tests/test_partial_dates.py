"""Dates known to the month or the year: stored with their precision, shown no more exactly."""

import datetime

import pytest

from people import dates
from people.dates import Precision
from people.models import Person, Relationship

from .factories import make_person, make_relationship
from .test_pages import text_of

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.parametrize(
    "precision, shown, machine",
    [
        (Precision.DAY, "21 October 1980", "1980-10-21"),
        (Precision.MONTH, "October 1980", "1980-10"),
        (Precision.YEAR, "1980", "1980"),
    ],
)
def test_a_date_is_shown_as_far_as_it_is_known(precision, shown, machine):
    date = dates.truncated(D(1980, 10, 21), precision)
    assert dates.shown(date, precision) == shown
    assert dates.machine(date, precision) == machine


def test_clean_keeps_only_the_known_part_of_a_date():
    person = Person(
        name="Year Only", slug="year-only", birth_date=D(1980, 10, 21), birth_date_precision="year"
    )
    person.full_clean()
    assert person.birth_date == D(1980, 1, 1)
    tie = Relationship(
        person=make_person("A"),
        other=make_person("B"),
        kind="spouse",
        started=D(2014, 5, 24),
        started_precision="month",
    )
    tie.full_clean()
    assert tie.started == D(2014, 5, 1)


def test_no_exact_age_when_only_the_year_is_known():
    person = make_person("Year Only", birth_date="1980-01-01", birth_date_precision="year")
    assert person.age_on(D(2025, 6, 1)) is None
    assert person.age_today is None


def test_month_precision_gives_an_age_outside_the_birth_month():
    person = make_person("Month Only", birth_date="1980-10-01", birth_date_precision="month")
    assert person.age_on(D(2025, 11, 5)) == 45
    assert person.age_on(D(2025, 9, 30)) == 44
    # In October 2025 they may be 44 or 45.
    assert person.age_on(D(2025, 10, 15)) is None


def test_exact_dates_still_give_exact_ages():
    person = make_person("Exact", birth_date="1980-10-21")
    assert person.age_on(D(2025, 10, 20)) == 44
    assert person.age_on(D(2025, 10, 21)) == 45


def test_person_page_says_born_1980_without_an_age(client):
    make_person(
        "Year Only",
        slug="year-only",
        birth_date="1980-01-01",
        birth_date_precision="year",
        birth_place="Los Angeles, California",
    )
    response = client.get("/people/year-only/")
    text = text_of(response)
    assert "Born 1980 in Los Angeles, California" in text
    assert "(age" not in text
    assert "1 January 1980" not in text
    assert '<time datetime="1980">1980</time>' in response.content.decode()


def test_person_page_shows_month_precision(client):
    make_person(
        "Month Only", slug="month-only", birth_date="1980-10-01", birth_date_precision="month"
    )
    text = text_of(client.get("/people/month-only/"))
    assert "Born October 1980" in text
    assert "1 October 1980" not in text


def test_a_marriage_known_to_the_year_reads_m_2014(client):
    kim = make_person("Kim Kardashian", slug="kim")
    kanye = make_person("Kanye West", slug="kanye")
    make_relationship(kim, kanye, "spouse", "2014-01-01", started_precision="year")
    text = text_of(client.get("/people/kim/"))
    assert "(m. 2014)" in text
    assert "married 2014" in text
    assert "1 January 2014" not in text


def test_a_start_known_to_the_year_does_not_block_a_plausible_marriage():
    # Born in 1998, married "2014": possibly at 16, so it is not refused.
    young = make_person("Young", birth_date="1998-01-01", birth_date_precision="year")
    other = make_person("Other", birth_date="1990-05-05")
    Relationship(
        person=young, other=other, kind="spouse", started=D(2014, 1, 1), started_precision="year"
    ).full_clean()
