"""Embedded IPTC/XMP data prefills a new photo's caption and credits; the staffer confirms.

Uses the IPTC's own reference image (see tests/fixtures/README.md).
"""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.roles import PHOTO_DESK
from photos import originals, pending_uploads
from photos.metadata import Embedded, read_embedded
from photos.models import CreditSource, Photo, PhotoCredit
from photos.pending_uploads import suggest_credits

from .desk import photo_form, role_user

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


def held_files():
    storage = originals.storage()
    return storage.listdir("pending")[1] if storage.exists("pending") else []


def first_step(client):
    """The photo desk uploads the reference file: the add form comes back to be confirmed."""
    CreditSource.objects.create(
        kind="agency", name="IPTC Pictures", aliases="Credit Line (ref2017.1)"
    )
    response = client.post(reverse("admin:photos_photo_add"), form_data(reference_upload()))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:photos_photo_add") + "?pending=")
    return response


def confirming_form(page):
    """The fields of the confirmation form the staffer saves, as the page fills them."""
    html = page.content.decode()
    token = re.search(r'name="pending" value="([^"]+)"', html).group(1)
    ticked = re.findall(r'name="create_sources" value="(\d+)"[^>]*checked', html)
    caption = re.search(r'<textarea name="caption"[^>]*>\s*([^<]*)</textarea>', html).group(1)
    rows = [
        {"role": "agency", "source": source.pk, "name": "", "order": 0}
        for source in CreditSource.objects.filter(name="IPTC Pictures")
        if f'<option value="{source.pk}" selected>' in html
    ]
    return photo_form(
        *rows,
        alt_text="The IPTC reference picture",
        caption=caption.strip(),
        pending=token,
        create_sources=ticked,
    )


def test_upload_is_held_prefilled_and_stored_only_when_the_desk_confirms(
    django_capture_on_commit_callbacks,
):
    client = Client()
    client.force_login(role_user(PHOTO_DESK))
    response = first_step(client)
    # Nothing is stored yet: no photo, no credits, no new sources.
    assert Photo.objects.count() == 0 and PhotoCredit.objects.count() == 0
    assert CreditSource.objects.count() == 1
    page = client.get(response.url)
    text = page.content.decode()
    assert "Read from the file" in text and "check them and save to confirm." in text
    assert "The description aka caption (ref2017.1)" in text  # the caption, prefilled
    # Every creator is proposed, in order, after the matched agency and the new supplier.
    for name in ["Source (ref2017.1) (supplier)", "Creator1 (ref2017.1) (photographer)"]:
        assert name in text
    assert text.index("Creator1 (ref2017.1)") < text.index("Creator2 (ref2017.1) (photographer)")
    assert Photo.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(response.url, confirming_form(page))
    assert saved.status_code == 302
    photo = Photo.objects.get()
    assert photo.caption == "The description aka caption (ref2017.1)"
    assert [(c.role, c.source.name) for c in photo.credits.all()] == [
        ("agency", "IPTC Pictures"),
        ("supplier", "Source (ref2017.1)"),
        ("photographer", "Creator1 (ref2017.1)"),
        ("photographer", "Creator2 (ref2017.1)"),
    ]
    assert CreditSource.objects.get(name="Creator2 (ref2017.1)").kind == "photographer"
    assert photo.embedded_metadata["copyright_notice"].startswith("Copyright (Notice) 2017.1")
    assert photo.renditions["items"]
    assert held_files() == []  # the held upload is gone once saved
    # The token cannot save a second photo.
    again = client.post(response.url, confirming_form(page))
    assert again.status_code == 200 and Photo.objects.count() == 1


def test_an_unticked_new_source_is_neither_created_nor_credited(admin_client):
    response = first_step(admin_client)
    data = confirming_form(admin_client.get(response.url))
    data["create_sources"] = [value for value in data["create_sources"] if value != "1"]
    assert admin_client.post(response.url, data).status_code == 302
    assert not CreditSource.objects.filter(name="Source (ref2017.1)").exists()
    assert Photo.objects.get().credit_line.count("Creator") == 2


def test_a_staffer_who_walks_away_leaves_nothing_behind(admin_client):
    first_step(admin_client)
    assert len(held_files()) == 2  # the cleaned file and the form as typed
    assert Photo.objects.count() == 0 and CreditSource.objects.count() == 1
    later = timezone.now() + datetime.timedelta(days=1, minutes=1)
    assert pending_uploads.remove_stale(now=later) == 2
    assert held_files() == []


def test_a_held_upload_is_its_uploaders_only(admin_client):
    response = first_step(admin_client)
    other = Client()
    other.force_login(role_user(PHOTO_DESK))
    page = other.get(response.url, follow=True)
    assert "no longer waiting" in page.content.decode()
    assert "The description aka caption" not in page.content.decode()


def test_what_the_staffer_typed_wins_over_the_file(admin_client):
    agency = CreditSource.objects.create(kind="agency", name="dpa")
    response = admin_client.post(
        reverse("admin:photos_photo_add"),
        form_data(reference_upload(), caption="Our own caption", credits=[("agency", agency)]),
    )
    assert response.status_code == 302
    assert response.url == reverse("admin:photos_photo_changelist")
    photo = Photo.objects.get()
    assert photo.caption == "Our own caption"
    assert photo.credit_line == "© dpa"
    assert CreditSource.objects.count() == 1
    assert photo.embedded_metadata == {}  # nothing was applied


def test_a_photo_without_metadata_is_saved_as_usual(admin_client):
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "teal").save(buffer, "JPEG")
    upload = SimpleUploadedFile("plain.jpg", buffer.getvalue(), content_type="image/jpeg")
    response = admin_client.post(reverse("admin:photos_photo_add"), form_data(upload))
    assert response.url == reverse("admin:photos_photo_changelist")
    assert Photo.objects.get().caption == ""
