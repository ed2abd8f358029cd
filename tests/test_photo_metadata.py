"""Embedded IPTC/XMP data prefills a new photo's caption and credits; the staffer confirms.

Uses the IPTC's own reference image (see tests/fixtures/README.md).
"""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import CreditSource, Photo
from articles.photo_metadata import Embedded, read_embedded, suggest_credits

from .desk import photo_form

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "fixtures" / "IPTC-PhotometadataRef-Std2017.1.jpg"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def reference_upload():
    return SimpleUploadedFile("iptc.jpg", REFERENCE.read_bytes(), content_type="image/jpeg")


def form_data(upload, caption="", credits=()):
    rows = [
        {"role": role, "source": source.pk, "name": "", "order": n}
        for n, (role, source) in enumerate(credits)
    ]
    return photo_form(*rows, image=upload, alt_text="The IPTC reference picture", caption=caption)


def test_reads_creator_credit_source_copyright_and_caption():
    with REFERENCE.open("rb") as file:
        embedded = read_embedded(file)
    assert embedded.creator.startswith("Creator1 (ref2017.1)")
    assert embedded.credit_line == "Credit Line (ref2017.1)"
    assert embedded.source == "Source (ref2017.1)"
    assert embedded.copyright_notice == "Copyright (Notice) 2017.1 IPTC - www.iptc.org (ref2017.1)"
    assert embedded.caption == "The description aka caption (ref2017.1)"
    assert embedded.headline == "The Headline (ref2017.1)"


def test_the_iim_block_alone_is_read_too(monkeypatch):
    monkeypatch.setattr(Image.Image, "getxmp", lambda self: {})
    with REFERENCE.open("rb") as file:
        embedded = read_embedded(file)
    assert embedded.creator == "Creator1 (ref2017.1)"
    assert embedded.credit_line == "Credit Line (ref2017.1)"
    assert embedded.caption == "The description aka caption (ref2017.1)"


def test_a_file_without_metadata_says_nothing():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "JPEG")
    assert not read_embedded(buffer)
    assert not read_embedded(io.BytesIO(b"not an image"))


def test_suggested_credits_reuse_sources_by_name_or_alias():
    imago = CreditSource.objects.create(kind="agency", name="IMAGO", aliases="IMAGO Images")
    apress = CreditSource.objects.create(kind="supplier", name="APress")
    jane = CreditSource.objects.create(kind="photographer", name="Jane Doe")
    suggested = suggest_credits(
        Embedded(credit_line="imago images / APress", source="APress", creator="JANE DOE")
    )
    assert suggested == [
        ("agency", "IMAGO", imago),
        ("supplier", "APress", apress),
        ("photographer", "Jane Doe", jane),
    ]
    # Unknown names are suggested as new sources, not matched.
    assert suggest_credits(Embedded(credit_line="dpa", creator="John Roe")) == [
        ("agency", "dpa", None),
        ("photographer", "John Roe", None),
    ]


def test_upload_prefills_caption_and_credits_then_asks_the_staffer_to_confirm(admin_client):
    CreditSource.objects.create(
        kind="agency", name="IPTC Pictures", aliases="Credit Line (ref2017.1)"
    )
    response = admin_client.post(reverse("admin:articles_photo_add"), form_data(reference_upload()))
    photo = Photo.objects.get()
    # The staffer lands on the photo's page to check what was read, not on the list.
    assert response.status_code == 302
    assert response.url == reverse("admin:articles_photo_change", args=[photo.pk])
    assert photo.caption == "The description aka caption (ref2017.1)"
    assert photo.credit_line == "© IPTC Pictures / Source (ref2017.1) / Creator1 (ref2017.1)"
    assert [credit.role for credit in photo.credits.all()] == ["agency", "supplier", "photographer"]
    assert CreditSource.objects.get(name="Creator1 (ref2017.1)").kind == "photographer"
    assert photo.embedded_metadata["copyright_notice"].startswith("Copyright (Notice) 2017.1")
    page = admin_client.get(response.url)
    text = page.content.decode()
    assert "Read from the file" in text and "Check them and save to confirm." in text
    assert "IPTC Pictures (agency)" in text  # matched, not duplicated
    assert "Creator1 (ref2017.1) (photographer)" in text  # new source, named for checking
    assert "Copyright (Notice) 2017.1" in text  # the embedded fields are on the page


def test_what_the_staffer_typed_wins_over_the_file(admin_client):
    agency = CreditSource.objects.create(kind="agency", name="dpa")
    response = admin_client.post(
        reverse("admin:articles_photo_add"),
        form_data(reference_upload(), caption="Our own caption", credits=[("agency", agency)]),
    )
    assert response.status_code == 302
    assert response.url == reverse("admin:articles_photo_changelist")
    photo = Photo.objects.get()
    assert photo.caption == "Our own caption"
    assert photo.credit_line == "© dpa"
    assert CreditSource.objects.count() == 1
    assert photo.embedded_metadata == {}  # nothing was applied


def test_a_photo_without_metadata_is_saved_as_usual(admin_client):
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "teal").save(buffer, "JPEG")
    upload = SimpleUploadedFile("plain.jpg", buffer.getvalue(), content_type="image/jpeg")
    response = admin_client.post(reverse("admin:articles_photo_add"), form_data(upload))
    assert response.url == reverse("admin:articles_photo_changelist")
    assert Photo.objects.get().caption == ""
