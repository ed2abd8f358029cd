"""Ties between people: what the database refuses, and how each side reads."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from people.models import Person, Relationship
from tests.factories import make_person, make_relationship

pytestmark = pytest.mark.django_db

Kind = Relationship.Kind
EndReason = Relationship.EndReason
D = datetime.date

ALREADY_RECORDED = "This relationship is already recorded."


@pytest.fixture
def kim():
    return make_person("Kim Kardashian", birth_date="1980-10-21")


@pytest.fixture
def kanye():
    return make_person("Kanye West", birth_date="1977-06-08")


def assert_refused_by_database(**fields):
    """Fail unless the database refuses to store a Relationship with ``fields``."""
    with pytest.raises(IntegrityError), transaction.atomic():
        Relationship.objects.create(**fields)


def validation_messages(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value


# What the database refuses


def test_database_refuses_a_relationship_with_oneself(kim):
    assert_refused_by_database(person=kim, other=kim, kind=Kind.SPOUSE)
    assert not Relationship.objects.exists()


def test_database_refuses_an_end_before_the_start(kim, kanye):
    assert_refused_by_database(
        person=kim, other=kanye, kind=Kind.SPOUSE, started=D(2014, 5, 24), ended=D(2014, 5, 23)
    )


def test_a_relationship_may_end_the_day_it_started(kim, kanye):
    make_relationship(kim, kanye, Kind.ENGAGED, started="2013-10-21", ended="2013-10-21")
    assert Relationship.objects.count() == 1


def test_database_refuses_the_same_tie_twice(kim, kanye):
    make_relationship(kim, kanye, Kind.SPOUSE, started="2014-05-24")
    assert_refused_by_database(person=kim, other=kanye, kind=Kind.SPOUSE, started=D(2014, 5, 24))
    assert Relationship.objects.count() == 1


def test_database_refuses_the_same_tie_entered_from_the_other_side(kim, kanye):
    make_relationship(kim, kanye, Kind.SPOUSE, started="2014-05-24")
    assert_refused_by_database(person=kanye, other=kim, kind=Kind.SPOUSE, started=D(2014, 5, 24))


def test_database_refuses_a_parent_who_is_also_the_child(kim):
    north = make_person("North West", birth_date="2013-06-15")
    make_relationship(kim, north, Kind.PARENT)
    assert_refused_by_database(person=north, other=kim, kind=Kind.PARENT)


def test_database_refuses_a_duplicate_undated_tie(kim):
    khloe = make_person("Khloé Kardashian")
    make_relationship(kim, khloe, Kind.SIBLING)
    assert_refused_by_database(person=kim, other=khloe, kind=Kind.SIBLING)
    assert_refused_by_database(person=khloe, other=kim, kind=Kind.SIBLING)
    assert Relationship.objects.count() == 1


def test_the_same_pair_may_marry_twice_on_different_dates(kim, kanye):
    make_relationship(kim, kanye, Kind.SPOUSE, "2000-01-01", "2005-01-01", EndReason.DIVORCE)
    make_relationship(kanye, kim, Kind.SPOUSE, "2010-01-01")
    assert Relationship.objects.involving(kim).count() == 2


def test_the_same_pair_may_have_ties_of_different_kinds(kim, kanye):
    make_relationship(kim, kanye, Kind.PARTNER, "2012-04-01", "2013-10-21")
    make_relationship(kim, kanye, Kind.ENGAGED, "2013-10-21", "2014-05-24")
    make_relationship(kim, kanye, Kind.SPOUSE, "2014-05-24")
    assert Relationship.objects.count() == 3


def test_database_refuses_a_death_before_birth():
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(
            name="Impossible", slug="impossible", birth_date=D(2000, 1, 2), death_date=D(2000, 1, 1)
        )
    assert not Person.objects.exists()


# What full_clean (and so every form) explains


def test_full_clean_explains_a_relationship_with_oneself(kim):
    error = validation_messages(Relationship(person=kim, other=kim, kind=Kind.SIBLING))
    assert "A person cannot be in a relationship with themself." in error.messages


def test_full_clean_explains_an_end_before_the_start(kim, kanye):
    error = validation_messages(
        Relationship(
            person=kim, other=kanye, kind=Kind.PARTNER, started=D(2012, 1, 1), ended=D(2011, 1, 1)
        )
    )
    assert "A relationship cannot end before it started." in error.messages


def test_full_clean_explains_a_duplicate(kim, kanye):
    make_relationship(kim, kanye, Kind.SPOUSE, started="2014-05-24")
    same = Relationship(person=kim, other=kanye, kind=Kind.SPOUSE, started=D(2014, 5, 24))
    assert ALREADY_RECORDED in validation_messages(same).messages


def test_full_clean_explains_a_duplicate_from_the_other_side(kim, kanye):
    make_relationship(kim, kanye, Kind.SPOUSE, started="2014-05-24")
    mirrored = Relationship(person=kanye, other=kim, kind=Kind.SPOUSE, started=D(2014, 5, 24))
    assert ALREADY_RECORDED in validation_messages(mirrored).messages


def test_full_clean_explains_a_duplicate_undated_tie(kim):
    khloe = make_person("Khloé Kardashian")
    make_relationship(kim, khloe, Kind.SIBLING)
    mirrored = Relationship(person=khloe, other=kim, kind=Kind.SIBLING)
    assert ALREADY_RECORDED in validation_messages(mirrored).messages


def test_full_clean_accepts_editing_an_existing_tie(kim, kanye):
    marriage = make_relationship(kim, kanye, Kind.SPOUSE, started="2014-05-24")
    marriage.ended = D(2022, 11, 29)
    marriage.end_reason = EndReason.DIVORCE
    marriage.full_clean()  # not a duplicate of itself


def test_full_clean_explains_a_death_before_birth():
    impossible = Person(
        name="Impossible", slug="impossible", birth_date=D(2000, 1, 2), death_date=D(2000, 1, 1)
    )
    error = validation_messages(impossible)
    assert "The date of death cannot be before the date of birth." in error.messages


def test_an_end_reason_needs_an_end_date(kim, kanye):
    error = validation_messages(
        Relationship(
            person=kim, other=kanye, kind=Kind.SPOUSE, started=D(2014, 5, 24), end_reason="divorce"
        )
    )
    assert error.message_dict["ended"] == ["Give the date it ended, since it has an end reason."]


def test_only_a_marriage_ends_in_divorce(kim, kanye):
    error = validation_messages(
        Relationship(
            person=kim,
            other=kanye,
            kind=Kind.PARTNER,
            started=D(2012, 1, 1),
            ended=D(2013, 1, 1),
            end_reason=EndReason.DIVORCE,
        )
    )
    assert error.message_dict["end_reason"] == ["Only a marriage ends in divorce."]


def test_a_partnership_may_end_in_a_breakup(kim, kanye):
    Relationship(
        person=kim,
        other=kanye,
        kind=Kind.PARTNER,
        started=D(2012, 1, 1),
        ended=D(2013, 1, 1),
        end_reason=EndReason.BREAKUP,
    ).full_clean()


# How each side reads


def read(person):
    """``person``'s ties as (label, counterpart name, dates)."""
    return [
        (tie.label, tie.counterpart.name, tie.dates) for tie in Relationship.objects.ties_of(person)
    ]


def test_a_divorce_reads_the_same_from_both_sides(kim, kanye):
    make_relationship(kim, kanye, Kind.SPOUSE, "2014-05-24", "2022-11-29", EndReason.DIVORCE)
    assert read(kim) == [("Spouse", "Kanye West", "m. 2014, div. 2022")]
    assert read(kanye) == [("Spouse", "Kim Kardashian", "m. 2014, div. 2022")]


def test_a_tie_entered_from_either_side_reads_the_same(kim, kanye):
    make_relationship(kanye, kim, Kind.SPOUSE, "2014-05-24", "2022-11-29", EndReason.DIVORCE)
    assert read(kim) == [("Spouse", "Kanye West", "m. 2014, div. 2022")]
    assert read(kanye) == [("Spouse", "Kim Kardashian", "m. 2014, div. 2022")]


def test_a_parent_and_a_child_read_their_own_side(kim):
    north = make_person("North West", birth_date="2013-06-15")
    make_relationship(kim, north, Kind.PARENT, started="2013-06-15")
    assert read(kim) == [("Parent of", "North West", "")]
    assert read(north) == [("Child of", "Kim Kardashian", "")]


def test_siblings_read_sibling_from_both_sides(kim):
    khloe = make_person("Khloé Kardashian")
    make_relationship(khloe, kim, Kind.SIBLING)
    assert read(kim) == [("Sibling", "Khloé Kardashian", "")]
    assert read(khloe) == [("Sibling", "Kim Kardashian", "")]


@pytest.mark.parametrize(
    ("kind", "started", "ended", "end_reason", "label", "dates"),
    [
        (Kind.PARTNER, "2010-03-01", "2012-08-01", "breakup", "Partner", "2010–2012"),
        (Kind.PARTNER, "2019-01-01", None, "", "Partner", "since 2019"),
        (Kind.PARTNER, None, "2012-08-01", "breakup", "Partner", "until 2012"),
        (Kind.PARTNER, None, None, "", "Partner", ""),
        (Kind.ENGAGED, "2019-06-01", None, "", "Engaged to", "since 2019"),
        (Kind.ENGAGED, "2010-03-01", "2012-08-01", "", "Engaged to", "2010–2012"),
        (Kind.SPOUSE, "2014-05-24", None, "", "Spouse", "m. 2014"),
        (Kind.SPOUSE, "1990-01-01", "2001-01-01", "death", "Spouse", "m. 1990, died 2001"),
        (Kind.SPOUSE, "1990-01-01", "2001-01-01", "separation", "Spouse", "m. 1990, sep. 2001"),
        (Kind.SPOUSE, "1990-01-01", "2001-01-01", "", "Spouse", "m. 1990, ended 2001"),
        (Kind.SIBLING, None, None, "", "Sibling", ""),
    ],
)
def test_labels_and_dates(kim, kanye, kind, started, ended, end_reason, label, dates):
    make_relationship(kim, kanye, kind, started, ended, end_reason)
    assert read(kim) == [(label, "Kanye West", dates)]
    assert read(kanye) == [(label, "Kim Kardashian", dates)]


def test_ties_are_grouped_spouses_parents_children_siblings(kim, kanye):
    kris = make_person("Kris Jenner")
    north = make_person("North West")
    khloe = make_person("Khloé Kardashian")
    # Entered in the opposite order to the page's.
    make_relationship(kim, khloe, Kind.SIBLING)
    make_relationship(kris, kim, Kind.PARENT, started="1980-10-21")
    make_relationship(kim, north, Kind.PARENT, started="2013-06-15")
    make_relationship(kanye, kim, Kind.SPOUSE, "2014-05-24", "2022-11-29", EndReason.DIVORCE)
    assert [(label, name) for label, name, _ in read(kim)] == [
        ("Spouse", "Kanye West"),
        ("Parent of", "North West"),
        ("Child of", "Kris Jenner"),
        ("Sibling", "Khloé Kardashian"),
    ]


def test_partners_and_engagements_sit_between_spouses_and_parents(kim, kanye):
    pete = make_person("Pete Davidson")
    north = make_person("North West")
    make_relationship(kim, north, Kind.PARENT)
    make_relationship(kim, pete, Kind.PARTNER, "2021-10-01", "2022-08-01", EndReason.BREAKUP)
    make_relationship(kim, kanye, Kind.ENGAGED, "2013-10-21", "2014-05-24")
    make_relationship(kim, kanye, Kind.SPOUSE, "2014-05-24")
    assert [label for label, _, _ in read(kim)] == ["Spouse", "Partner", "Engaged to", "Parent of"]


def test_within_a_group_earliest_first_and_undated_last(kim):
    damon = make_person("Damon Thomas")
    kris = make_person("Kris Humphries")
    kanye = make_person("Kanye West")
    make_relationship(kim, kanye, Kind.SPOUSE, "2014-05-24")
    make_relationship(kim, kris, Kind.SPOUSE, None)
    make_relationship(kim, damon, Kind.SPOUSE, "2000-05-01", "2004-01-01", EndReason.DIVORCE)
    assert [name for _, name, _ in read(kim)] == ["Damon Thomas", "Kanye West", "Kris Humphries"]


def test_undated_ties_in_a_group_are_in_name_order(kim):
    for name in ["Rob Kardashian", "Khloé Kardashian", "Kourtney Kardashian"]:
        make_relationship(kim, make_person(name), Kind.SIBLING)
    assert [name for _, name, _ in read(kim)] == [
        "Khloé Kardashian",
        "Kourtney Kardashian",
        "Rob Kardashian",
    ]


def test_other_peoples_ties_are_not_shown(kim, kanye):
    kris = make_person("Kris Jenner")
    make_relationship(kris, make_person("Caitlyn Jenner"), Kind.SPOUSE, "1991-04-21")
    make_relationship(kim, kanye, Kind.SPOUSE, "2014-05-24")
    assert read(kim) == [("Spouse", "Kanye West", "m. 2014")]
    assert read(make_person("Nobody Related")) == []


def test_ties_of_reads_a_page_in_one_query(kim, kanye, django_assert_num_queries):
    make_relationship(kim, kanye, Kind.SPOUSE, "2014-05-24")
    make_relationship(make_person("Kris Jenner"), kim, Kind.PARENT)
    make_relationship(kim, make_person("Khloé Kardashian"), Kind.SIBLING)
    with django_assert_num_queries(1):
        names = [tie.counterpart.name for tie in Relationship.objects.ties_of(kim)]
    assert names == ["Kanye West", "Kris Jenner", "Khloé Kardashian"]


def test_seen_from_someone_outside_the_tie_is_an_error(kim, kanye):
    marriage = make_relationship(kim, kanye, Kind.SPOUSE, "2014-05-24")
    assert marriage.seen_from(kanye).counterpart == kim
    with pytest.raises(ValueError, match="not part of"):
        marriage.seen_from(make_person("Stranger"))
