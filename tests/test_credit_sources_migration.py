"""The migration that turns typed-in credit names into credit sources."""

import pytest

from .migrating import migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0006_photo_desk_credit_sources_rights_renditions")]


def test_typed_names_become_shared_sources_and_the_line_stays_the_same():
    old = migrate(BEFORE)
    Photo = old.get_model("articles", "Photo")
    PhotoCredit = old.get_model("articles", "PhotoCredit")
    cover = Photo.objects.create(image="photos/cover.jpg", alt_text="Cover", width=4, height=3)
    other = Photo.objects.create(image="photos/other.jpg", alt_text="Other", width=4, height=3)
    for order, (role, name, platform, account) in enumerate(
        [
            ("collage", "", "", ""),
            ("agency", "IMAGO", "", ""),
            ("supplier", "APress", "", ""),
            ("screenshot", "", "Instagram", "@kimkardashian"),
        ]
    ):
        PhotoCredit.objects.create(
            photo=cover, order=order, role=role, name=name, platform=platform, account=account
        )
    PhotoCredit.objects.create(photo=other, order=0, role="agency", name=" imago ")
    PhotoCredit.objects.create(photo=other, order=1, role="photographer", name="Jane Doe")

    migrate()  # on to the latest, which the current models read
    from photos.models import CreditSource
    from photos.models import Photo as CurrentPhoto

    try:
        cover_now = CurrentPhoto.objects.get(pk=cover.pk)
        assert cover_now.credit_line == (
            "© Collage: IMAGO / APress, Screenshot/Instagram/kimkardashian"
        )
        assert CurrentPhoto.objects.get(pk=other.pk).credit_line == "© IMAGO / Jane Doe"
        assert sorted(CreditSource.objects.values_list("kind", "name", "platform")) == [
            ("account", "kimkardashian", "Instagram"),
            ("agency", "IMAGO", ""),
            ("photographer", "Jane Doe", ""),
            ("supplier", "APress", ""),
        ]
    finally:
        CurrentPhoto.objects.all().delete()
        CreditSource.objects.all().delete()
