"""Photo credit lines in the house style (see photos/credits.py)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from photos.credits import compose_credit_line
from photos.models import CreditSource, Photo, PhotoCredit
from tests.factories import add_credit, credit_source, make_photo

Role = PhotoCredit.Role

SEED_COVER = "© Collage: IMAGO / APress, Screenshot/Instagram/kimkardashian"


def unsaved_credit(role, name="", platform="", account=""):
    """A credit as the house style sees it: a role and its source (none for a collage)."""
    if role == Role.COLLAGE:
        return PhotoCredit(role=role, name=name)
    if role == Role.SCREENSHOT:
        source = CreditSource(kind="account", name=account, platform=platform)
    else:
        source = CreditSource(kind=role, name=name)
    return PhotoCredit(role=role, source=source)


def line(*credits):
    """The credit line for unsaved credits given as (role, name, platform, account)."""
    return compose_credit_line([unsaved_credit(*credit) for credit in credits])


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
    photo.credits.filter(source__name="IMAGO").update(order=5)
    assert photo.credit_line == "© dpa, IMAGO"


@pytest.mark.django_db
def test_credit_line_uses_prefetched_credits(django_assert_num_queries):
    make_photo([(Role.AGENCY, "IMAGO"), (Role.SUPPLIER, "APress")])
    make_photo([(Role.AGENCY, "Getty Images"), (Role.PHOTOGRAPHER, "Jane Doe")])
    photos = list(Photo.objects.prefetch_related("credits__source").order_by("pk"))
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
@pytest.mark.parametrize("role", [Role.AGENCY, Role.PHOTOGRAPHER, Role.SUPPLIER, Role.SCREENSHOT])
def test_database_refuses_a_credit_without_source(role):
    photo = make_photo()
    with pytest.raises(IntegrityError), transaction.atomic():
        store(photo, role=role)
    assert not photo.credits.exists()


@pytest.mark.django_db
def test_database_refuses_a_collage_with_a_source():
    photo = make_photo()
    with pytest.raises(IntegrityError), transaction.atomic():
        store(photo, role=Role.COLLAGE, source=credit_source("IMAGO"))
    assert not photo.credits.exists()


@pytest.mark.django_db
def test_a_collage_needs_no_word():
    photo = make_photo()
    store(photo, role=Role.COLLAGE, name="")
    store(photo, role=Role.AGENCY, source=credit_source("IMAGO"), order=1)
    assert photo.credit_line == "© Collage: IMAGO"


@pytest.mark.django_db
def test_full_clean_explains_a_credit_without_source():
    credit = PhotoCredit(photo=make_photo(), role=Role.AGENCY)
    with pytest.raises(ValidationError) as caught:
        credit.full_clean()
    assert (
        "An agency, photographer, supplier or screenshot credit needs its source."
        in caught.value.messages
    )


@pytest.mark.django_db
def test_a_screenshot_credits_a_platform_account_and_only_a_screenshot_does():
    photo = make_photo()
    agency = credit_source("IMAGO")
    account = credit_source("kimkardashian", platform="Instagram")
    with pytest.raises(ValidationError, match="names a platform account"):
        PhotoCredit(photo=photo, role=Role.SCREENSHOT, source=agency).full_clean()
    with pytest.raises(ValidationError, match="credited as a screenshot"):
        PhotoCredit(photo=photo, role=Role.AGENCY, source=account).full_clean()


# Credit sources: named once, reused everywhere


@pytest.mark.django_db
def test_one_source_serves_many_photos_and_a_correction_reaches_them_all():
    typo = credit_source("IMGAO")
    photos = [make_photo([(Role.AGENCY, "IMGAO"), (Role.PHOTOGRAPHER, "Jane Doe")]) for _ in "ab"]
    assert CreditSource.objects.filter(name="IMGAO").count() == 1
    typo.name = "IMAGO"
    typo.save()
    assert [Photo.objects.get(pk=p.pk).credit_line for p in photos] == [
        "© IMAGO / Jane Doe",
        "© IMAGO / Jane Doe",
    ]


@pytest.mark.django_db
def test_a_source_name_is_unique_whatever_its_case():
    credit_source("IMAGO")
    duplicate = CreditSource(kind="agency", name=" imago ")
    with pytest.raises(ValidationError) as caught:
        duplicate.full_clean()
    assert "This credit source exists already; choose it instead." in caught.value.messages
    # The same handle on another platform is another account.
    credit_source("kimkardashian", platform="Instagram")
    CreditSource(kind="account", name="kimkardashian", platform="TikTok").full_clean()


@pytest.mark.django_db
def test_an_account_names_its_platform_and_loses_its_at_sign():
    source = CreditSource(kind="account", name=" @kimkardashian ", platform="Instagram")
    source.full_clean()
    source.save()
    assert source.name == "kimkardashian"
    photo = make_photo()
    store(photo, role=Role.SCREENSHOT, source=source)
    assert photo.credit_line == "© Screenshot/Instagram/kimkardashian"
    with pytest.raises(ValidationError, match="names its platform"):
        CreditSource(kind="account", name="someone").full_clean()
    with pytest.raises(ValidationError, match="names its platform"):
        CreditSource(kind="agency", name="dpa", platform="Instagram").full_clean()


@pytest.mark.django_db
def test_sources_are_found_by_name_or_alias_in_any_case():
    imago = CreditSource.objects.create(
        kind="agency", name="IMAGO", aliases="IMAGO Images\nimago-images.de"
    )
    credit_source("Jane Doe", kind="photographer")
    assert list(CreditSource.objects.matching("imago")) == [imago]
    assert list(CreditSource.objects.matching("  imago   images ")) == [imago]
    assert list(CreditSource.objects.matching("IMAGO-IMAGES.DE")) == [imago]
    assert not CreditSource.objects.matching("Images").exists()
    assert not CreditSource.objects.matching("IMAGO", kinds=["photographer"]).exists()


@pytest.mark.django_db
def test_a_source_in_use_cannot_be_deleted():
    from django.db.models import ProtectedError

    make_photo([(Role.AGENCY, "IMAGO")])
    with pytest.raises(ProtectedError):
        CreditSource.objects.get(name="IMAGO").delete()
