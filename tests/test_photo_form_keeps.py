"""The new photo's form keeps what was chosen: a file survives a failed save, is shown for
its focal point before the first save, and its caption and credits are read as soon as it is
chosen."""

import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from articles.roles import PHOTO_DESK, REPORTER
from photos.models import CreditSource, Photo

from .desk import photo_form, role_user

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "fixtures" / "IPTC-PhotometadataRef-Std2017.1.jpg"
ADD = reverse("admin:photos_photo_add")
READ = reverse("admin:photos_photo_read")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def desk(client):
    client.force_login(role_user(PHOTO_DESK))
    return client


def plain_jpeg(name="red-carpet.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "crimson").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def pending_token(page):
    return re.search(r'name="pending" value="([^"]+)"', page).group(1)


def test_a_file_survives_a_save_refused_for_another_field(desk):
    typed = {"caption": "Kim on the red carpet", "focal_x": "30", "focal_y": "20"}
    refused = desk.post(ADD, photo_form(image=plain_jpeg(), alt_text="", **typed))

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "This field is required" in page  # the alt text
    assert "Kept from your upload: red-carpet.jpg" in page
    assert not Photo.objects.exists()

    # Saved again without choosing the file again: the held copy is stored.
    token = pending_token(page)
    saved = desk.post(ADD, photo_form(alt_text="Kim Kardashian smiling", pending=token, **typed))
    assert saved.status_code == 302
    photo = Photo.objects.get()
    assert (photo.caption, photo.focal_x, photo.focal_y) == ("Kim on the red carpet", 30, 20)
    assert photo.image and photo.width == 120


def test_a_file_survives_a_refused_credit_row(desk):
    agency = CreditSource.objects.create(kind="agency", name="IMAGO")
    bad_row = {
        "credits-TOTAL_FORMS": "1",
        "credits-0-role": "screenshot",
        "credits-0-source": agency.pk,
        "credits-0-name": "",
        "credits-0-order": "0",
    }
    data = {**photo_form(image=plain_jpeg(), alt_text="Kim"), **bad_row}

    page = desk.post(ADD, data).content.decode()

    assert "A screenshot credit names a platform account" in page
    assert "Kept from your upload: red-carpet.jpg" in page


def test_a_save_that_goes_through_keeps_no_held_copy(
    desk, originals_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert desk.post(ADD, photo_form(image=plain_jpeg(), alt_text="Kim")).status_code == 302

    assert list((Path(originals_root) / "pending").glob("*")) == []
    assert Photo.objects.get().embedded_metadata == {}


def test_the_chosen_file_is_read_before_any_save(desk):
    CreditSource.objects.create(kind="agency", name="Credit Line (ref2017.1)")
    upload = SimpleUploadedFile("iptc.jpg", REFERENCE.read_bytes(), content_type="image/jpeg")

    answer = desk.post(READ, {"image": upload})

    assert answer.status_code == 200
    read = answer.json()
    assert read["caption"] == "The description aka caption (ref2017.1)"
    labels = [credit["label"] for credit in read["credits"]]
    assert labels[0] == "Credit Line (ref2017.1)" and read["credits"][0]["source"]
    assert "Creator1 (ref2017.1)" in labels
    assert not Photo.objects.exists()


def test_reading_a_bad_file_says_why_and_only_the_photo_desk_may(desk):
    bad = SimpleUploadedFile("notes.jpg", b"not a picture", content_type="image/jpeg")

    answer = desk.post(READ, {"image": bad})

    assert answer.status_code == 400 and answer.json()["error"]
    assert desk.post(READ).status_code == 400
    reporter = Client()
    reporter.force_login(role_user(REPORTER))
    assert reporter.post(READ, {"image": plain_jpeg()}).status_code == 403


def test_a_held_file_is_shown_to_the_one_who_holds_it_only(desk):
    page = desk.post(ADD, photo_form(image=plain_jpeg(), alt_text="")).content.decode()
    url = reverse("admin:photos_photo_pending_file", args=[pending_token(page)])

    shown = desk.get(url)

    assert shown.status_code == 200
    assert shown["Content-Type"] == "image/jpeg" and "no-store" in shown["Cache-Control"]
    assert Image.open(io.BytesIO(shown.content)).size == (120, 80)
    other = Client()
    other.force_login(role_user(PHOTO_DESK, username="another-desk"))
    assert other.get(url).status_code == 404
    assert desk.get(reverse("admin:photos_photo_pending_file", args=["forged"])).status_code == 404


def test_a_new_photos_form_offers_the_focal_point_before_the_first_save(desk):
    page = desk.get(ADD).content.decode()

    assert 'class="focal-point"' in page and f'data-read-url="{READ}"' in page
    assert "Choose a file: it shows here" in page
    assert "photos/photo-form.js" in page
