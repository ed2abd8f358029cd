"""What a researcher is told when a tie's dates cannot be, or look wrong."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from pytest_django.asserts import assertContains

from people.models import Person, Relationship

from .factories import make_person, make_relationship
from .test_admin import inline, person_data, relationship_data, saved_tie, tie, url

pytestmark = pytest.mark.django_db

D = datetime.date


def problems(**fields):
    with pytest.raises(ValidationError) as caught:
        Relationship(**fields).full_clean()
    return caught.value.messages


def test_a_parent_younger_than_12_at_the_birth_is_refused():
    parent = make_person("Young Parent", birth_date="2000-03-01")
    child = make_person("Child", birth_date="2011-02-01")
    assert problems(person=parent, other=child, kind="parent") == [
        "Young Parent would have been younger than 12 when Child was born: check both birth "
        "dates, or mark the tie as step or adoptive."
    ]


def test_a_parent_born_after_the_child_is_refused():
    parent = make_person("Parent", birth_date="2000-03-01")
    child = make_person("Child", birth_date="1990-02-01")
    assert "younger than 12" in problems(person=parent, other=child, kind="parent")[0]


def test_a_step_parent_may_be_young_and_a_parent_of_12_is_accepted():
    parent = make_person("Parent", birth_date="2000-03-01")
    child = make_person("Child", birth_date="2011-02-01")
    Relationship(person=parent, other=child, kind="parent", kinship="step").full_clean()
    older = make_person("Older Parent", birth_date="1999-01-31")
    Relationship(person=older, other=child, kind="parent").full_clean()


def test_a_marriage_before_16_is_refused():
    bride = make_person("Bride", birth_date="2000-06-01")
    groom = make_person("Groom", birth_date="1990-01-01")
    assert problems(person=bride, other=groom, kind="spouse", started=D(2016, 5, 31)) == [
        "Bride would have been younger than 16 at this marriage: check the birth date and the "
        "wedding date."
    ]
    Relationship(person=bride, other=groom, kind="spouse", started=D(2016, 6, 1)).full_clean()


def test_a_relationship_starting_after_a_death_is_refused():
    late = make_person("Late Star", birth_date="1940-01-01", death_date="2000-01-01")
    other = make_person("Other", birth_date="1950-01-01")
    assert problems(person=other, other=late, kind="partner", started=D(2001, 1, 1)) == [
        "This relationship starts after Late Star’s death (1 January 2000)."
    ]


def test_a_child_may_be_born_after_the_fathers_death():
    father = make_person("Father", birth_date="1940-01-01", death_date="1980-01-01")
    child = make_person("Child", birth_date="1980-06-01")
    Relationship(person=father, other=child, kind="parent", started=D(1980, 6, 1)).full_clean()


def test_kinship_is_for_parents_and_siblings_only():
    a, b = make_person("A"), make_person("B")
    assert problems(person=a, other=b, kind="spouse", kinship="step") == [
        "Kinship (biological, step, adoptive) is for parents and siblings."
    ]


def test_wikidata_id_must_be_q_and_digits():
    person = Person(name="Kim", slug="kim", wikidata_id="186304")
    with pytest.raises(ValidationError) as caught:
        person.full_clean()
    assert "capital Q followed by digits" in caught.value.message_dict["wikidata_id"][0]
    person.wikidata_id = " q186304 "
    person.full_clean()
    assert person.wikidata_id == "Q186304"


def test_overlapping_marriages_are_a_warning():
    kim = make_person("Kim")
    first = make_person("First")
    second = make_person("Second")
    make_relationship(kim, first, "spouse", "2011-08-20")
    overlap = make_relationship(kim, second, "spouse", "2014-05-24")
    assert overlap.warnings() == [
        "Kim’s marriage to First overlaps the marriage to Second: check the dates, or record "
        "when the earlier one ended."
    ]
    Relationship.objects.filter(other=first).update(ended=D(2013, 6, 3))
    assert overlap.warnings() == []


# In the admin.


def test_admin_refuses_a_too_young_parent_on_the_persons_page(admin_client):
    child = make_person("Child", birth_date="2011-02-01")
    response = admin_client.post(
        url("people_person_add"),
        person_data("Young Parent", birth_date="2000-03-01", ties=[tie("parent", other=child.pk)]),
    )
    assertContains(response, "Young Parent would have been younger than 12 when Child was born")
    assert not Person.objects.filter(name="Young Parent").exists()


def test_admin_refuses_a_birth_date_that_breaks_a_saved_tie(admin_client):
    parent = make_person("Parent", birth_date="1970-01-01")
    child = make_person("Child", birth_date="2011-02-01")
    saved = make_relationship(parent, child, "parent")

    response = admin_client.post(
        url("people_person_change", parent.pk),
        person_data("Parent", birth_date="2005-01-01", ties=[saved_tie(saved)]),
    )
    assertContains(response, "would have been younger than 12")
    parent.refresh_from_db()
    assert parent.birth_date == D(1970, 1, 1)


def test_admin_warns_about_overlapping_marriages_after_saving(admin_client):
    kim, first, second = make_person("Kim"), make_person("First"), make_person("Second")
    make_relationship(kim, first, "spouse", "2011-08-20")
    response = admin_client.post(
        url("people_relationship_add"),
        {**relationship_data(kim, second, started="2014-05-24"), **inline("evidence")},
    )
    assert response.status_code == 302
    assert (
        "Kim’s marriage to First overlaps the marriage to Second: check the dates, or record "
        "when the earlier one ended."
    ) in [m.message for m in get_messages(response.wsgi_request)]
    assert Relationship.objects.count() == 2


def test_admin_refuses_a_marriage_after_a_death(admin_client):
    late = make_person("Late Star", birth_date="1940-01-01", death_date="2000-01-01")
    other = make_person("Other", birth_date="1950-01-01")
    response = admin_client.post(
        url("people_relationship_add"),
        {**relationship_data(other, late, started="2001-01-01"), **inline("evidence")},
    )
    assertContains(response, "This relationship starts after Late Star’s death")
    assert not Relationship.objects.exists()


def test_admin_warns_about_overlapping_marriages_saved_on_the_persons_page(admin_client):
    kim, first, second = make_person("Kim"), make_person("First"), make_person("Second")
    make_relationship(kim, first, "spouse", "2011-08-20")

    saved = Relationship.objects.get()
    response = admin_client.post(
        url("people_person_change", kim.pk),
        person_data(
            "Kim",
            ties=[saved_tie(saved), tie("spouse", started="2014-05-24", other=second.pk)],
        ),
    )
    assert response.status_code == 302
    assert any(
        "Kim’s marriage to First overlaps the marriage to Second" in m.message
        for m in get_messages(response.wsgi_request)
    )


def test_old_addresses_are_listed_and_editable_in_the_admin(admin_client):
    person = make_person("Ye", slug="kanye-west")
    person.slug = "ye"
    person.save()
    assert admin_client.get(url("people_personredirect_changelist")).status_code == 200
    assertContains(admin_client.get(url("people_person_change", person.pk)), "/people/kanye-west/")
