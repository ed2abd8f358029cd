"""The photo desk's and researchers' lists at archive size: the photo list and its
search, the credit sources and the people, each within the desk's query budget,
with counts worded as counted and a date drill-down instead of a date list."""

import datetime
import re

import pytest
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.urls import reverse
from django.utils import timezone

from articles.roles import EDITOR, PHOTO_DESK
from common.admin_lists import CappedPaginator
from photos.admin import PhotoAdmin
from photos.models import CreditSource, Photo

from .desk import role_user
from .factories import make_person, make_photo

pytestmark = pytest.mark.django_db

PHOTOS = reverse("admin:photos_photo_changelist")
SOURCES = reverse("admin:photos_creditsource_changelist")
PEOPLE = reverse("admin:people_person_changelist")
#: The issue's budget for every desk list page.
LIST_QUERIES = 12


@pytest.fixture
def photo_desk(client):
    client.force_login(role_user(PHOTO_DESK))
    return client


@pytest.fixture(autouse=True)
def short_pages(monkeypatch):
    monkeypatch.setattr(PhotoAdmin, "list_per_page", 5)


@pytest.fixture
def archive():
    """Photos of a star and of a namesake, credited to agencies and an account."""
    ford = make_person("Harrison Ford")
    namesake = make_person("Tom Fordham", aliases="Fordy")
    other = make_person("Ava Stone")
    photos = []
    for n in range(8):
        photos.append(
            make_photo(
                [("agency", "IMAGO")] if n % 2 else [("agency", "Getty Images")],
                alt_text=f"A premiere, photo {n}",
                caption=f"On the red carpet {n}",
                people=[ford] if n % 3 == 0 else [other],
                with_renditions=False,
            )
        )
    photos.append(
        make_photo(
            [("screenshot", "kimkardashian", "Instagram", "kimkardashian")],
            alt_text="A screenshot of a post",
            caption="As posted",
            people=[namesake],
            with_renditions=False,
        )
    )
    return photos


def shown(response):
    return [photo.pk for photo in response.context["cl"].result_list]


def found(client, term, **params):
    """Every photo the list finds for ``term``, over all its pages."""
    pks, page = [], 1
    while True:
        response = client.get(PHOTOS, {"q": term, "p": page, **params})
        assert response.status_code == 200
        pks += shown(response)
        if page >= response.context["cl"].paginator.num_pages:
            return pks
        page += 1


@pytest.mark.parametrize(
    "params",
    [{}, {"p": "2"}, {"q": "imago"}, {"q": "ford"}, {"uploaded": "recent"}, {"rights": "expired"}],
)
def test_the_photo_list_stays_within_the_budget(
    photo_desk, archive, params, django_assert_max_num_queries
):
    with django_assert_max_num_queries(LIST_QUERIES):
        response = photo_desk.get(PHOTOS, params)
    assert response.status_code == 200


@pytest.mark.parametrize("few_matches", [5000, 2], ids=["listed by id", "tested in order"])
def test_photos_are_found_by_caption_alt_text_source_alias_or_person_shown(
    photo_desk, archive, monkeypatch, few_matches
):
    monkeypatch.setattr("photos.admin.FEW_MATCHES", few_matches)
    by_pk = {photo.pk: photo for photo in archive}
    imago = CreditSource.objects.get(name="IMAGO")
    imago.aliases = "Imago Images"
    imago.save()

    def expected(test):
        # Newest first, as the list sorts; each photo once, however it was found.
        return sorted((pk for pk, photo in by_pk.items() if test(photo)), reverse=True)

    assert found(photo_desk, "red carpet 3") == expected(lambda p: p.caption.endswith(" 3"))
    assert found(photo_desk, "screenshot of") == expected(lambda p: "screenshot" in p.alt_text)
    credited_imago = expected(lambda p: p.credits.filter(source=imago).exists())
    assert found(photo_desk, "IMAGO") == credited_imago
    assert found(photo_desk, "imago images") == credited_imago
    # "ford" names Harrison Ford, and Tom Fordham and his alias Fordy.
    assert found(photo_desk, "ford") == expected(
        lambda p: p.people.filter(name__in=["Harrison Ford", "Tom Fordham"]).exists()
    )
    assert found(photo_desk, "FORDY") == expected(lambda p: p.people.filter(aliases="Fordy"))
    assert found(photo_desk, "nobody at all") == []


def test_a_search_beyond_its_cap_says_more_than(photo_desk, archive, monkeypatch):
    monkeypatch.setattr("common.admin_lists.SEARCH_COUNT_CAP", 3)
    monkeypatch.setattr(PhotoAdmin, "list_per_page", 2)
    response = photo_desk.get(PHOTOS, {"q": "carpet"})
    assert "more than 3" in response.text
    assert len(shown(response)) == 2


def test_the_list_counts_to_its_cap_and_beyond_says_so(photo_desk, archive, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 4)
    response = photo_desk.get(PHOTOS)
    count = re.search(r'class="desk-count">([^<]+)<', response.text).group(1)
    # Beyond the cap the list never claims an exact number it did not count.
    assert count == "more than 4" or count.startswith("about ")
    monkeypatch.setattr(CappedPaginator, "cap", 100)
    response = photo_desk.get(PHOTOS)
    assert '<span class="desk-count">9</span> photos' in response.text


def test_the_upload_drill_down_lists_years_then_months(photo_desk, archive):
    old = archive[0]
    Photo.objects.filter(pk=old.pk).update(
        created_at=datetime.datetime(2019, 5, 3, 12, tzinfo=datetime.UTC)
    )
    this_year = timezone.localdate().year
    response = photo_desk.get(PHOTOS)
    choices = [
        choice["display"]
        for choice in response.context["cl"].filter_specs[1].choices(response.context["cl"])
    ]
    assert choices[:3] == ["All", "past 7 days", str(this_year)]
    assert choices[-1] == "2019"
    assert "· May 2019" not in choices

    in_2019 = photo_desk.get(PHOTOS, {"uploaded": "2019"})
    assert shown(in_2019) == [old.pk]
    assert "· May 2019" in in_2019.text
    assert shown(photo_desk.get(PHOTOS, {"uploaded": "2019-05"})) == [old.pk]
    assert shown(photo_desk.get(PHOTOS, {"uploaded": "2019-06"})) == []
    # A period that is no period filters nothing rather than failing.
    assert photo_desk.get(PHOTOS, {"uploaded": "2019-13"}).status_code == 200


def test_the_credit_source_list_stays_within_the_budget(
    photo_desk, archive, django_assert_max_num_queries
):
    with django_assert_max_num_queries(LIST_QUERIES):
        response = photo_desk.get(SOURCES, {"q": "ima"})
    names = [source.name for source in response.context["cl"].result_list]
    assert names == ["Getty Images", "IMAGO"]


@pytest.mark.parametrize("params", [{}, {"q": "ford"}, {"q": "fordy"}])
def test_the_person_list_stays_within_the_budget(
    client, archive, params, django_assert_max_num_queries
):
    client.force_login(role_user(EDITOR))
    for n in range(30):
        make_person(f"Ford Namesake {n}")
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(PEOPLE, params)
    assert response.status_code == 200
    assert response.context["cl"].result_list


def test_a_rows_selection_box_is_the_admins_own(archive, rf):
    """The list's scripts find each row's box as the stock widget draws it."""
    photo = archive[0]
    registered = admin.site._registry[Photo]
    assert str(registered.action_checkbox(photo)) == str(ModelAdmin.action_checkbox(None, photo))


def test_each_sources_credits_are_counted_up_to_a_cap(photo_desk, archive, monkeypatch):
    monkeypatch.setattr("photos.admin.CREDITS_COUNTED", 3)
    response = photo_desk.get(SOURCES)
    counts = {
        source.name: response.context["cl"].model_admin.credit_count(source)
        for source in response.context["cl"].result_list
    }
    # IMAGO and Getty each credit four photos here; the account one.
    assert counts == {
        "Getty Images": "more than 3",
        "IMAGO": "more than 3",
        "kimkardashian": "1",
    }
    column = response.context["cl"].list_display.index("credit_count")
    most = photo_desk.get(SOURCES, {"o": f"-{column}"})
    assert [source.name for source in most.context["cl"].result_list][-1] == "kimkardashian"
