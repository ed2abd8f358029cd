"""Originals of an existing site move out of the public media root into private storage."""

import io
from io import StringIO

import pytest
from django.core.management import call_command
from PIL import Image

from .migrating import migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0015_photo_people_person_index")]


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path / "media"


def test_the_migration_moves_existing_originals_to_private_storage(media_root, originals_root):
    Photo = migrate(BEFORE).get_model("articles", "Photo")
    names = ["photos/2025/01/kim.jpg", "photos/2025/02/kanye.jpg"]
    for name in names:
        (media_root / name).parent.mkdir(parents=True, exist_ok=True)
        (media_root / name).write_bytes(jpeg())
        Photo.objects.create(image=name, alt_text="A star", width=40, height=30)
    migrate()
    for name in names:
        assert not (media_root / name).exists()  # nothing left at a public address
        assert (originals_root / name).read_bytes() == jpeg()
    from photos.models import Photo as Current

    assert sorted(Current.objects.values_list("image", flat=True)) == sorted(names)
    assert Current.objects.get(image=names[0]).image.open("rb").read() == jpeg()


def test_moveoriginals_moves_what_arrived_later_and_is_idempotent(media_root, originals_root):
    migrate()
    from photos.models import Photo

    name = "photos/2025/03/restored.jpg"
    (media_root / name).parent.mkdir(parents=True, exist_ok=True)
    (media_root / name).write_bytes(jpeg())
    Photo.objects.bulk_create([Photo(image=name, alt_text="A star", width=40, height=30)])
    out = StringIO()
    call_command("moveoriginals", stdout=out)
    assert "1 originals moved" in out.getvalue()
    assert not (media_root / name).exists() and (originals_root / name).exists()
    out = StringIO()
    call_command("moveoriginals", stdout=out)
    assert "0 originals moved" in out.getvalue()
