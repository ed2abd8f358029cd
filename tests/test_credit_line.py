"""Photo credit lines in the house style (see articles/credits.py)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.credits import compose_credit_line
from articles.models import Photo, PhotoCredit
from tests.factories import add_credit, make_photo

Role = PhotoCredit.Role

SEED_COVER = "© Collage: IMAGO / APress, Screenshot/Instagram/kimkardashian"


def line(*credits):
    """The credit line for unsaved credits given as (role, name, platform, account)."""
    return compose_credit_line(
        [
            PhotoCredit(role=role, name=name, platform=platform, account=account)
            for role, name, platform, account in ((tuple(c) + ("", "", ""))[:4] for c in credits)
        ]
    )


# The seed story's cover, through the database


@pytest.mark.django_db
def test_seed_cover_credit_line():
    photo = make_photo(
        [
            (Role.COLLAGE, ""),
            (Role.AGENCY, "IMAGO"),
            (Role.SUPPLIER, "APress"),
            (Role.SCREENSHOT, "", "Instagram", "kimkardashian"),
        ]
    )
    assert Photo.objects.get(pk=photo.pk).credit_line == SEED_COVER


@pytest.mark.django_db
def test_credits_print_in_their_order_not_the_order_they_were_entered():
    photo = make_photo()
    add_credit(photo, Role.SCREENSHOT, platform="Instagram", account="kimkardashian", order=3)
    add_credit(photo, Role.SUPPLIER, "APress", order=2)
    add_credit(photo, Role.COLLAGE, order=0)
    add_credit(photo, Role.AGENCY, "IMAGO", order=1)
    assert Photo.objects.get(pk=photo.pk).credit_line == SEED_COVER


@pytest.mark.django_db
def test_reordering_credits_changes_the_line():
    photo = make_photo([(Role.AGENCY, "IMAGO"), (Role.AGENCY, "dpa")])
    assert photo.credit_line == "© IMAGO, dpa"
    photo.credits.filter(name="IMAGO").update(order=5)
    assert photo.credit_line == "© dpa, IMAGO"


@pytest.mark.django_db
def test_credit_line_uses_prefetched_credits(django_assert_num_queries):
    make_photo([(Role.AGENCY, "IMAGO"), (Role.SUPPLIER, "APress")])
    make_photo([(Role.AGENCY, "Getty Images"), (Role.PHOTOGRAPHER, "Jane Doe")])
    photos = list(Photo.objects.prefetch_related("credits").order_by("pk"))
    with django_assert_num_queries(0):
        lines = [photo.credit_line for photo in photos]
    assert lines == ["© IMAGO / APress", "© Getty Images / Jane Doe"]


@pytest.mark.django_db
def test_a_photo_without_credits_has_an_empty_line():
    assert make_photo().credit_line == ""


@pytest.mark.django_db
def test_a_credit_prints_as_its_own_line():
    photo = make_photo([(Role.AGENCY, "IMAGO")])
    assert str(photo.credits.get()) == "© IMAGO"


# Each rule of the house style


def agency(name):
    return (Role.AGENCY, name)


def photographer(name):
    return (Role.PHOTOGRAPHER, name)


def supplier(name):
    return (Role.SUPPLIER, name)


def screenshot(platform, account):
    return (Role.SCREENSHOT, "", platform, account)


def collage(word=""):
    return (Role.COLLAGE, word)


P = pytest.param


@pytest.mark.parametrize(
    ("credits", "expected"),
    [
        P([agency("IMAGO")], "© IMAGO", id="agency alone"),
        P(
            [agency("Getty Images"), photographer("Jane Doe")],
            "© Getty Images / Jane Doe",
            id="agency and photographer",
        ),
        P([photographer("Jane Doe")], "© Jane Doe", id="photographer alone"),
        P([supplier("APress")], "© APress", id="supplier alone"),
        P([agency("IMAGO"), agency("dpa")], "© IMAGO, dpa", id="two agencies"),
        P([agency("IMAGO"), supplier("APress")], "© IMAGO / APress", id="agency and supplier"),
        P(
            [photographer("Jane Doe"), supplier("APress")],
            "© Jane Doe / APress",
            id="photographer and supplier",
        ),
        P(
            [supplier("APress"), photographer("Jane Doe")],
            "© APress / Jane Doe",
            id="photographer after a supplier",
        ),
        P(
            [agency("Getty Images"), photographer("Jane Doe"), supplier("APress")],
            "© Getty Images / Jane Doe / APress",
            id="agency, photographer and supplier",
        ),
        P(
            [agency("IMAGO"), photographer("Jane Doe"), agency("dpa"), photographer("John Roe")],
            "© IMAGO / Jane Doe, dpa / John Roe",
            id="two agencies each with a photographer",
        ),
        P(
            [screenshot("Instagram", "kimkardashian")],
            "© Screenshot/Instagram/kimkardashian",
            id="screenshot alone",
        ),
        P(
            [screenshot("TikTok", "khloekardashian"), supplier("APress")],
            "© Screenshot/TikTok/khloekardashian, APress",
            id="supplier after a screenshot starts its own part",
        ),
        P(
            [screenshot("Instagram", "kimkardashian"), screenshot("X", "kanyewest")],
            "© Screenshot/Instagram/kimkardashian, Screenshot/X/kanyewest",
            id="two screenshots",
        ),
        P([collage(), agency("IMAGO")], "© Collage: IMAGO", id="collage"),
        P([collage("Montage"), agency("IMAGO")], "© Montage: IMAGO", id="custom collage word"),
        P([collage("Edit"), photographer("Jane Doe")], "© Edit: Jane Doe", id="edit"),
        P(
            [agency("  IMAGO "), supplier(" APress")],
            "© IMAGO / APress",
            id="names are trimmed",
        ),
        P([], "", id="no credits"),
        P([collage()], "", id="a collage alone credits nobody"),
    ],
)
def test_house_style(credits, expected):
    assert line(*credits) == expected


# What the database refuses


def store(photo, **fields):
    return PhotoCredit.objects.create(photo=photo, **fields)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"role": Role.SCREENSHOT, "platform": "Instagram", "account": ""},
        {"role": Role.SCREENSHOT, "platform": "", "account": "kimkardashian"},
        {"role": Role.AGENCY, "name": ""},
        {"role": Role.PHOTOGRAPHER, "name": ""},
        {"role": Role.SUPPLIER, "name": ""},
    ],
    ids=[
        "screenshot without account",
        "screenshot without platform",
        "agency without name",
        "photographer without name",
        "supplier without name",
    ],
)
def test_database_refuses_incomplete_credits(fields):
    photo = make_photo()
    with pytest.raises(IntegrityError), transaction.atomic():
        store(photo, **fields)
    assert not photo.credits.exists()


@pytest.mark.django_db
def test_a_collage_needs_no_word():
    photo = make_photo()
    store(photo, role=Role.COLLAGE, name="")
    store(photo, role=Role.AGENCY, name="IMAGO", order=1)
    assert photo.credit_line == "© Collage: IMAGO"


@pytest.mark.django_db
def test_full_clean_explains_a_screenshot_without_account():
    credit = PhotoCredit(photo=make_photo(), role=Role.SCREENSHOT, platform="Instagram")
    with pytest.raises(ValidationError) as caught:
        credit.full_clean()
    assert "A screenshot credit names the platform and the account." in caught.value.messages


@pytest.mark.django_db
def test_full_clean_explains_an_agency_without_name():
    credit = PhotoCredit(photo=make_photo(), role=Role.AGENCY, name="")
    with pytest.raises(ValidationError) as caught:
        credit.full_clean()
    assert "An agency, photographer or supplier credit needs a name." in caught.value.messages


@pytest.mark.django_db
def test_clean_strips_the_leading_at_from_the_account():
    photo = make_photo()
    credit = PhotoCredit(
        photo=photo, role=Role.SCREENSHOT, platform="Instagram", account=" @kimkardashian "
    )
    credit.full_clean()
    credit.save()
    assert PhotoCredit.objects.get(pk=credit.pk).account == "kimkardashian"
    assert photo.credit_line == "© Screenshot/Instagram/kimkardashian"


@pytest.mark.django_db
def test_an_account_that_is_only_an_at_sign_is_no_account():
    credit = PhotoCredit(photo=make_photo(), role=Role.SCREENSHOT, platform="X", account="@")
    with pytest.raises(ValidationError) as caught:
        credit.full_clean()
    assert "A screenshot credit names the platform and the account." in caught.value.messages
