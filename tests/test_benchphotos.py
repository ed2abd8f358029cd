"""The photo benchmark prints its figures and keeps nothing."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from photos.models import Photo

pytestmark = pytest.mark.django_db


def test_reports_upload_and_rendition_times_and_webp_savings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = StringIO()
    call_command("benchphotos", count=3, size="640x480", stdout=out)
    report = out.getvalue()
    assert "Photos uploaded: 3 generated JPEGs of 640×480 pixels" in report
    assert re.search(r"Upload \(checks and storing the original\): mean [\d.]+ ms", report)
    # 640 wide: full at 480 and 640, card at 160, 320 and 480; two formats each.
    assert re.search(r"Renditions: 30 made \(10 a photo\), [\d.]+ ms a rendition", report)
    saved = re.search(r"WebP renditions: ([\d,]+) bytes against ([\d,]+)", report)
    webp, jpeg = (int(group.replace(",", "")) for group in saved.groups())
    assert 0 < webp < jpeg
    assert "Largest WebP against the original" in report
    assert not Photo.objects.exists()
    assert [p for p in Path(tmp_path).rglob("*") if p.is_file()] == []


def test_refuses_a_bad_size():
    with pytest.raises(CommandError, match="WIDTHxHEIGHT"):
        call_command("benchphotos", count=1, size="big", stdout=StringIO())
