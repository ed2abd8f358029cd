"""Media go to S3-compatible object storage by configuration alone."""

import json
import os
import subprocess
import sys

import boto3
import pytest
from moto import mock_aws

from .factories import make_photo

S3_ENV = {
    "MEDIA_BUCKET": "newsroom-media",
    "MEDIA_REGION": "eu-central-1",
    "MEDIA_PREFIX": "media",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
}


def storages_configured_by(env):
    """STORAGES as newsroom.settings builds it from ``env``, in a fresh interpreter."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps(settings.STORAGES))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_media_stay_on_disk_without_a_bucket():
    env = {key: "" for key in S3_ENV}
    assert storages_configured_by(env)["default"]["BACKEND"].endswith("FileSystemStorage")


@pytest.mark.django_db
def test_uploaded_photos_land_in_the_bucket(settings):
    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-central-1")
        s3.create_bucket(
            Bucket="newsroom-media",
            CreateBucketConfiguration={"LocationConstraint": "eu-central-1"},
        )
        settings.STORAGES = storages_configured_by(S3_ENV)
        photo = make_photo([("agency", "IMAGO")])
        keys = [item["Key"] for item in s3.list_objects_v2(Bucket="newsroom-media")["Contents"]]
        # Renditions under the public prefix; the original under its own, private one.
        original = f"originals/{photo.image.name}"
        assert original in keys
        assert all(key.startswith("media/renditions/") for key in keys if key != original)
        grants = s3.get_object_acl(Bucket="newsroom-media", Key=original)["Grants"]
        assert not [grant for grant in grants if "AllUsers" in str(grant.get("Grantee"))]
        assert "X-Amz-Signature=" in photo.image.url  # only ever a signed, expiring address
        assert photo.share_image_url.startswith("https://newsroom-media.s3")
        assert photo.width == 64 and photo.height == 48


def test_originals_inside_the_public_media_root_fail_the_system_check(settings, tmp_path):
    from common.storage import check_originals_are_private

    settings.MEDIA_BUCKET = ""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ORIGINALS_ROOT = tmp_path / "media" / "private"
    assert [error.id for error in check_originals_are_private(None)] == ["newsroom.E010"]
    settings.ORIGINALS_ROOT = tmp_path / "private"
    assert check_originals_are_private(None) == []


def test_originals_on_disk_have_no_public_address():
    from django.core.files.storage import storages

    with pytest.raises(ValueError, match="private storage"):
        storages["originals"].url("photos/2026/01/kim.jpg")
