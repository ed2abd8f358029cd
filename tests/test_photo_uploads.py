"""Uploading photos in the admin: bad files are refused with a clear message, nothing stored.

Every image here is made with Pillow.
"""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image
from pytest_django.asserts import assertContains

from photos.models import CreditSource, Photo, PhotoCredit

from .desk import photo_form

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "fixtures" / "IPTC-PhotometadataRef-Std2017.1.jpg"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored(root):
    return [p for p in Path(root).rglob("*") if p.is_file()]


def encoded(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def as_upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def form_data(upload, **fields):
    return photo_form(
        image=upload,
        **{"alt_text": "Kim Kardashian on a red carpet", "caption": "Kim Kardashian", **fields},
    )


def post(admin_client, upload, **fields):
    return admin_client.post(reverse("admin:photos_photo_add"), form_data(upload, **fields))


def truncated_jpeg():
    data = encoded(Image.effect_noise((400, 300), 60).convert("RGB"), "JPEG", quality=90)
    return as_upload(data[: len(data) // 2])


def bomb_png():
    """A small file that declares an enormous picture (a decompression bomb)."""
    return as_upload(encoded(Image.new("1", (20_000, 20_000)), "PNG"), "bomb.png", "image/png")


def animated_gif():
    frames = [Image.new("RGB", (60, 40), colour) for colour in ("red", "green", "blue")]
    data = encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100)
    return as_upload(data, "dance.gif", "image/gif")


REFUSED = [
    pytest.param(
        lambda: as_upload(b"%PDF-1.4 this is a document", "contract.jpg"),
        "Upload a valid image. This file is not one the desk can read",
        id="not an image",
    ),
    pytest.param(truncated_jpeg, "The image is damaged or incomplete", id="truncated"),
    pytest.param(bomb_png, "photos may have at most 50 megapixels", id="decompression bomb"),
    pytest.param(
        animated_gif, "GIF files cannot be used as photos; upload a JPEG, PNG or WebP", id="GIF"
    ),
    pytest.param(
        lambda: as_upload(
            encoded(Image.new("P", (40, 40)), "GIF") + b"*/=alert(document.cookie);//",
            "innocent.jpg",
        ),
        "GIF files cannot be used as photos; upload a JPEG, PNG or WebP",
        id="GIF/JavaScript polyglot",
    ),
    pytest.param(
        lambda: as_upload(
            encoded(
                Image.new("RGBA", (40, 40)),
                "PNG",
                save_all=True,
                append_images=[Image.new("RGBA", (40, 40), "red")],
            ),
            "moving.png",
            "image/png",
        ),
        "This is an animated image",
        id="animated PNG",
    ),
    pytest.param(
        lambda: as_upload(encoded(Image.new("RGB", (40, 40)), "TIFF"), "scan.tif", "image/tiff"),
        "TIFF files cannot be used as photos",
        id="TIFF",
    ),
]


@pytest.mark.parametrize(("make", "message"), REFUSED)
def test_bad_files_are_refused_with_a_clear_message_and_nothing_stored(
    admin_client, media_root, originals_root, make, message
):
    response = post(admin_client, make())
    assert response.status_code == 200
    assertContains(response, message)
    assert "image" in response.context["adminform"].form.errors
    assert not Photo.objects.exists()
    assert stored(media_root) == [] and stored(originals_root) == []


def test_a_pixel_bomb_under_pillows_own_limit_is_refused_by_ours(admin_client, settings):
    settings.PHOTO_MAX_PIXELS = 1_000_000
    response = post(
        admin_client,
        as_upload(encoded(Image.new("RGB", (1500, 1000)), "JPEG"), "big.jpg"),
    )
    assertContains(response, "The image is 1500 × 1000 pixels (2 megapixels)")
    assert not Photo.objects.exists()


def test_a_file_over_the_size_limit_is_refused(admin_client, settings, media_root):
    settings.PHOTO_MAX_UPLOAD_BYTES = 50_000
    noisy = encoded(Image.effect_noise((600, 600), 80).convert("RGB"), "JPEG", quality=95)
    assert len(noisy) > 50_000
    response = post(admin_client, as_upload(noisy))
    assertContains(response, "photos may be at most 48.8\xa0KB")
    assert not Photo.objects.exists()
    assert stored(media_root) == []


@pytest.mark.parametrize(
    ("image", "fmt", "name"),
    [
        (Image.new("CMYK", (300, 200), (0, 255, 255, 0)), "JPEG", "cmyk.jpg"),
        (Image.new("I;16", (300, 200), 40000), "PNG", "deep.png"),
        (Image.new("RGBA", (300, 200), (10, 20, 30, 128)), "PNG", "alpha.png"),
        (Image.new("RGB", (300, 200), "teal"), "WEBP", "web.webp"),
    ],
    ids=["CMYK JPEG", "16-bit PNG", "transparent PNG", "WebP"],
)
def test_unusual_but_sound_images_are_accepted_with_renditions(admin_client, image, fmt, name):
    response = post(admin_client, as_upload(encoded(image, fmt), name))
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (300, 200)
    assert len(photo.rendition_sources("full", "webp")) == 1
    assert len(photo.rendition_sources("card", "jpeg")) == 2  # 160 and 300 wide


def test_a_refused_credit_row_keeps_nothing_either(admin_client, media_root):
    agency = CreditSource.objects.create(kind="agency", name="IMAGO")
    rows = {
        "credits-TOTAL_FORMS": "1",
        "credits-0-role": "screenshot",
        "credits-0-source": agency.pk,
        "credits-0-name": "",
        "credits-0-order": "0",
    }
    response = post(admin_client, as_upload(encoded(Image.new("RGB", (90, 60)), "JPEG")), **rows)
    assertContains(response, "A screenshot credit names a platform account")
    assert not Photo.objects.exists() and not PhotoCredit.objects.exists()
    assert stored(media_root) == []


def test_the_focal_point_is_typed_in_per_cent_and_checked(admin_client):
    upload = as_upload(encoded(Image.new("RGB", (90, 60)), "JPEG"))
    response = post(admin_client, upload, focal_x="120")
    assertContains(response, "Ensure this value is less than or equal to 100.")
    assert not Photo.objects.exists()
    upload = as_upload(encoded(Image.new("RGB", (90, 60)), "JPEG"))
    response = post(admin_client, upload, focal_x="20", focal_y="75")
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.focal_x, photo.focal_y) == (20, 75)


def test_the_change_page_offers_the_focal_point_picker_without_inline_script(admin_client):
    post(admin_client, as_upload(encoded(Image.new("RGB", (90, 60)), "JPEG")))
    photo = Photo.objects.get()
    page = admin_client.get(reverse("admin:photos_photo_change", args=[photo.pk]))
    html = page.content.decode()
    assert 'class="focal-point" data-x="50" data-y="50"' in html
    assert "photos/focal-point.js" in html
    assert 'name="focal_x"' in html and 'name="focal_y"' in html
    # Every script on the page is a file; none is written inline.
    import re

    assert all("src=" in tag for tag in re.findall(r"<script\b[^>]*>", html))
    assert "4 files (current)" in html  # 90 and 80 pixels wide (never upscaled), two formats


def typed_credit():
    agency = CreditSource.objects.create(kind="agency", name="dpa")
    return {
        "credits-TOTAL_FORMS": "1",
        "credits-0-role": "agency",
        "credits-0-source": agency.pk,
        "credits-0-name": "",
        "credits-0-order": "0",
    }


def test_bytes_appended_to_a_jpeg_are_not_stored(admin_client, media_root, originals_root):
    picture = encoded(Image.new("RGB", (90, 60), "teal"), "JPEG")
    response = post(admin_client, as_upload(picture + b"<script>alert(1)</script>"))
    assert response.status_code == 302
    photo = Photo.objects.get()
    original = (originals_root / photo.image.name).read_bytes()
    assert b"<script>" not in original
    assert original.endswith(b"\xff\xd9")  # a JPEG that ends where its picture does
    assert not any(b"<script>" in path.read_bytes() for path in stored(media_root))


def test_originals_are_stored_without_gps_but_with_the_desks_credit_fields(
    admin_client, originals_root
):
    from photos.metadata import read_embedded

    with Image.open(REFERENCE) as reference:
        exif = reference.getexif()
        exif[ExifTags.Base.BodySerialNumber] = "SN-998877"
        exif[ExifTags.Base.GPSInfo] = {
            ExifTags.GPS.GPSLatitudeRef: "N",
            ExifTags.GPS.GPSLatitude: (52.0, 31.0, 12.0),
        }
        data = encoded(reference, "JPEG", exif=exif.tobytes(), xmp=reference.info["xmp"])
    with Image.open(io.BytesIO(data)) as sent:
        assert sent.getexif().get(ExifTags.Base.GPSInfo)  # the upload carries a position
    response = post(admin_client, as_upload(data, "located.jpg"), **typed_credit())
    assert response.status_code == 302
    photo = Photo.objects.get()
    path = originals_root / photo.image.name
    raw = path.read_bytes()
    with Image.open(path) as original:
        assert not original.getexif()  # no EXIF block at all: no GPS, no serial number
        assert "exif" not in original.info
    assert b"SN-998877" not in raw
    # The reference XMP's location fields are gone too.
    assert b"Sublocation" in data and b"Sublocation" not in raw
    with path.open("rb") as original:
        kept = read_embedded(original)
    assert kept.creators == ("Creator1 (ref2017.1)", "Creator2 (ref2017.1)")
    assert kept.credit_line == "Credit Line (ref2017.1)"
    assert kept.source == "Source (ref2017.1)"
    assert kept.copyright_notice.startswith("Copyright (Notice) 2017.1")
    assert kept.caption == "The description aka caption (ref2017.1)"
