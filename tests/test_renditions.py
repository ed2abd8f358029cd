"""Renditions: made once, in WebP and JPEG at several widths, upright, private data stripped."""

import io
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import ExifTags, Image

from photos import originals, renditions
from photos.models import Photo

from . import factories
from .factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def make_photo(**kw):
    """A photo whose renditions are not made yet: these tests make them."""
    return factories.make_photo(with_renditions=False, **kw)


def upload(image, name="photo.jpg", fmt="JPEG", **save_options):
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save_options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def halves(size, left, right):
    """An image whose left half is ``left`` and right half ``right``."""
    image = Image.new("RGB", size, left)
    image.paste(right, (size[0] // 2, 0, size[0], size[1]))
    return image


def open_rendition(item, root):
    return Image.open(Path(root) / item["name"])


def files(root):
    return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file())


def test_every_width_in_webp_and_jpeg_without_upscaling(media_root):
    photo = make_photo(image=upload(Image.new("RGB", (1000, 500), "teal")))
    assert renditions.refresh(photo)
    for fmt, pil_format in [("webp", "WEBP"), ("jpeg", "JPEG")]:
        full = photo.rendition_sources("full", fmt)
        assert [item["width"] for item in full] == [480, 800, 1000]  # 1200 and 1600: too big
        card = photo.rendition_sources("card", fmt)
        assert [(item["width"], item["height"]) for item in card] == [
            (160, 120),
            (320, 240),
            (480, 360),
        ]
        for item in full + card:
            with open_rendition(item, media_root) as image:
                assert image.format == pil_format
                assert image.size == (item["width"], item["height"])
    assert {item["height"] for item in photo.rendition_sources("full", "jpeg")} == {240, 400, 500}


def test_renditions_are_made_once_and_reused(media_root):
    photo = make_photo(image=upload(Image.new("RGB", (900, 600), "teal")))
    renditions.refresh(photo)
    before = {name: (Path(media_root) / name).stat().st_mtime_ns for name in files(media_root)}
    photo = Photo.objects.get(pk=photo.pk)
    assert not renditions.refresh(photo)
    call_command("makerenditions", stdout=StringIO())
    after = {name: (Path(media_root) / name).stat().st_mtime_ns for name in files(media_root)}
    assert after == before


def test_reader_pages_never_make_renditions(client, media_root):
    photo = make_photo(image=upload(Image.new("RGB", (900, 600), "teal")))
    story = make_article("Kim at the Met Gala", photo=photo)
    stored = files(media_root)
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert files(media_root) == stored
    # Without renditions yet the page shows no photo: never the original.
    html = response.content.decode()
    assert photo.image.name not in html and "<img" not in html


def test_a_new_focal_point_or_original_makes_new_renditions_and_removes_the_old(media_root):
    photo = make_photo(image=upload(Image.new("RGB", (900, 600), "teal")))
    renditions.refresh(photo)
    old = {item["name"] for item in photo.renditions["items"]}
    photo.focal_x = 10
    photo.save()
    assert photo.rendition_sources("card", "jpeg") == []  # stale: not served
    assert renditions.refresh(photo)
    new = {item["name"] for item in photo.renditions["items"]}
    assert not old & new
    assert not any((Path(media_root) / name).exists() for name in old)
    photo.image = upload(Image.new("RGB", (700, 700), "navy"), name="other.jpg")
    photo.save()
    assert renditions.refresh(photo)
    assert photo.rendition_sources("full", "jpeg")[-1]["width"] == 700


def test_card_crops_keep_the_focal_point_in_frame(media_root):
    # A tall picture: white, with a red square near the bottom right.
    image = Image.new("RGB", (600, 1200), "white")
    image.paste((220, 0, 0), (450, 1000, 550, 1100))
    photo = make_photo(image=upload(image, fmt="PNG", name="tall.png"), focal_x=83, focal_y=87)
    renditions.refresh(photo)
    card = photo.rendition_sources("card", "jpeg")[-1]
    with open_rendition(card, media_root) as crop:
        assert crop.size == (480, 360)
        red = [
            (x, y)
            for x in range(0, crop.width, 4)
            for y in range(0, crop.height, 4)
            if crop.getpixel((x, y))[0] > 180 and crop.getpixel((x, y))[1] < 80
        ]
    assert red, "the red square (the focal point) is cut off"
    # Centred instead, the crop misses it.
    photo.focal_x = photo.focal_y = 50
    photo.save()
    renditions.refresh(photo)
    with open_rendition(photo.rendition_sources("card", "jpeg")[-1], media_root) as crop:
        assert all(crop.getpixel((x, 180))[1] > 200 for x in range(0, 480, 20))


@pytest.mark.parametrize(
    ("focal", "size", "box"),
    [
        ((0.5, 0.5), (1600, 900), (200, 0, 1400, 900)),
        ((0.0, 0.5), (1600, 900), (0, 0, 1200, 900)),
        ((1.0, 1.0), (1600, 900), (400, 0, 1600, 900)),
        ((0.5, 0.9), (600, 1200), (0, 750, 600, 1200)),
        ((0.5, 0.3), (600, 1200), (0, 135, 600, 585)),
        ((0.5, 0.5), (400, 300), (0, 0, 400, 300)),
    ],
)
def test_crop_box_is_the_largest_that_fits_around_the_focal_point(focal, size, box):
    assert renditions.crop_box(size, (4, 3), focal) == box


def test_exif_orientation_is_honoured_and_private_exif_stripped(media_root):
    # Stored sideways (landscape pixels) with "rotate 90° clockwise" and a GPS position.
    image = halves((800, 400), (0, 0, 255), (255, 255, 0))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Camera maker"
    exif[ExifTags.Base.BodySerialNumber] = "SN-123456"
    exif[ExifTags.Base.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (52.0, 31.0, 12.0),
    }
    photo = make_photo(image=upload(image, exif=exif.tobytes()))
    with photo.image.open("rb") as original:
        stored = Image.open(original)
        assert not stored.getexif().get(ExifTags.Base.GPSInfo)
        assert stored.size == (400, 800)  # the original is stored upright too
    renditions.refresh(photo)
    for item in photo.renditions["items"]:
        with open_rendition(item, media_root) as rendition:
            assert not rendition.getexif(), item["name"]
            assert "exif" not in rendition.info
            assert not rendition.info.get("xmp")
            data = (Path(media_root) / item["name"]).read_bytes()
            assert b"SN-123456" not in data and b"Camera maker" not in data
    full = photo.rendition_sources("full", "jpeg")[-1]
    assert (full["width"], full["height"]) == (400, 800)  # upright: portrait
    with open_rendition(full, media_root) as upright:
        top, bottom = upright.getpixel((200, 100)), upright.getpixel((200, 700))
    # Rotated clockwise, the left (blue) half ends up on top.
    assert top[2] > 200 and top[0] < 60
    assert bottom[0] > 200 and bottom[2] < 60


@pytest.mark.parametrize(
    ("image", "fmt", "expected"),
    [
        (Image.new("CMYK", (300, 200), (0, 255, 255, 0)), "JPEG", (255, 0, 0)),
        (Image.new("I;16", (300, 200), 32768), "PNG", (128, 128, 128)),
        (Image.new("RGBA", (300, 200), (0, 0, 0, 0)), "PNG", (255, 255, 255)),
        (Image.new("P", (300, 200), 0), "GIF", (0, 0, 0)),
    ],
    ids=["CMYK JPEG", "16-bit grey PNG", "transparent PNG", "palette GIF"],
)
def test_unusual_colour_modes_become_true_rgb(media_root, image, fmt, expected):
    photo = make_photo(image=upload(image, fmt=fmt, name=f"odd.{fmt.lower()}"))
    renditions.refresh(photo)
    with open_rendition(photo.rendition_sources("full", "jpeg")[-1], media_root) as rendition:
        assert rendition.mode == "RGB"
        pixel = rendition.getpixel((150, 100))
    assert all(abs(a - b) <= 6 for a, b in zip(pixel, expected, strict=True)), pixel


def test_pages_serve_srcset_sizes_and_dimensions(client, media_root):
    photo = make_photo(image=upload(Image.new("RGB", (1600, 900), "teal")))
    renditions.refresh(photo)
    story = make_article("Kim at the Met Gala", photo=photo)
    other = make_article("Another story", photo=photo)
    html = client.get(story.get_absolute_url()).content.decode()
    lead = re.search(r"<figure class=\"photo\">.*?</figure>", html, re.S).group(0)
    webp = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', lead)
    assert [w for w in re.findall(r" (\d+)w", webp.group(1))] == ["480", "800", "1200", "1600"]
    assert all(url.endswith(".webp") for url in re.findall(r"(\S+) \d+w", webp.group(1)))
    img = re.search(r"<img [^>]+>", lead).group(0)
    assert 'width="1600" height="900"' in img
    assert 'fetchpriority="high"' in img and 'loading="lazy"' not in img
    assert re.search(r'srcset="[^"]+\.jpg 480w, ', img) and 'sizes="' in img
    # Cards further down are lazy, in the 4:3 card crop.
    home = client.get("/").content.decode()
    images = re.findall(r"<img [^>]+>", home)
    assert 'fetchpriority="high"' in images[0] and "loading" not in images[0]
    assert all('loading="lazy"' in tag for tag in images[1:])
    assert other.headline in home
    assert 'width="480" height="360"' in images[1]


def test_share_image_url_is_the_large_jpeg(media_root):
    photo = make_photo(image=upload(Image.new("RGB", (2000, 1000), "teal")))
    assert photo.share_image_url == ""  # before renditions exist: never the original
    renditions.refresh(photo)
    assert photo.share_image_url.endswith("-full-1200.jpg")
    small = make_photo(image=upload(Image.new("RGB", (600, 300), "teal")))
    renditions.refresh(small)
    assert small.share_image_url.endswith("-full-600.jpg")


def test_deleting_a_photo_deletes_its_renditions(media_root):
    photo = make_photo(image=upload(Image.new("RGB", (500, 500), "teal")))
    renditions.refresh(photo)
    assert any(name.startswith("renditions/") for name in files(media_root))
    photo.delete()
    assert not any(name.startswith("renditions/") for name in files(media_root))


def test_makerenditions_backfills_and_names_a_broken_photo(media_root):
    good = make_photo(image=upload(Image.new("RGB", (500, 500), "teal")))
    broken = make_photo(image=upload(Image.new("RGB", (500, 500), "navy"), name="gone.jpg"))
    originals.storage().delete(broken.image.name)
    out, err = StringIO(), StringIO()
    call_command("makerenditions", stdout=out, stderr=err)
    assert "Renditions made for 1 photos, 0 already current, 1 skipped" in out.getvalue()
    assert f"Photo {broken.pk}" in err.getvalue()
    assert Photo.objects.get(pk=good.pk).rendition_sources("full", "webp")
    out = StringIO()
    call_command("makerenditions", stdout=out, stderr=StringIO())
    assert "Renditions made for 0 photos, 1 already current, 1 skipped" in out.getvalue()
