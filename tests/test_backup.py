"""Backup and restore: dump, wipe, restore, and everything is back, byte for byte."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from taggit.models import Tag

from articles.models import Article, ArticlePerson
from newsroom.backup import media_files, row_counts
from people.models import Person, Relationship
from photos.models import Photo, PhotoCredit

from .factories import make_article, make_person, make_photo, make_relationship, make_user

# Restoring flushes the database, as it would in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def newsroom():
    kim = make_person("Kim Kardashian", slug="kim-kardashian", birth_date="1980-10-21")
    kanye = make_person("Kanye West", slug="kanye-west", aliases="Ye")
    north = make_person("North West", slug="north-west")
    make_relationship(kim, kanye, "spouse", started="2014-05-24", ended="2022-11-29",
                      end_reason="divorce")  # fmt: skip
    make_relationship(kim, north, "parent")
    photo = make_photo([("collage",), ("agency", "IMAGO"), ("screenshot", "", "Instagram", "kim")])
    writer = make_user("reporter", is_staff=True, first_name="Jo")
    TOTPDevice.objects.create(user=writer, name="phone", confirmed=True)
    first = make_article("The divorce", people=[kim, kanye], main=kim, tags=["divorce"],
                         photo=photo, authors=[writer], body="<p>Body</p>")  # fmt: skip
    make_article("The wedding", people=[kanye], related=[first], tags=["wedding", "divorce"])
    make_article("A draft", status="draft")
    return kim


def snapshot():
    return {
        "rows": row_counts(),
        "stories": sorted(Article.objects.values_list("slug", "headline", "body", "status")),
        "ties": sorted(
            Relationship.objects.values_list("person__slug", "other__slug", "kind", "started")
        ),
        "credits": sorted(PhotoCredit.objects.values_list("photo__image", "order", "role", "name")),
        "links": sorted(
            ArticlePerson.objects.values_list("article__slug", "person__slug", "is_main")
        ),
        "tags": sorted(Tag.objects.values_list("slug", flat=True)),
    }


def test_dump_wipe_restore_brings_everything_back(newsroom, tmp_path, media_root):
    before = snapshot()
    files_before = media_files(media_root)
    assert files_before and before["rows"]["articles.article"] == 3
    page_before = Client().get("/stories/the-divorce/").content

    call_command("backup", output=str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["rows"]["people.relationship"] == 2
    assert manifest["media"] == files_before

    # Wipe: the database emptied and the media gone.
    call_command("flush", interactive=False, verbosity=0)
    for path in media_root.rglob("*"):
        if path.is_file():
            path.unlink()
    assert Article.objects.count() == Person.objects.count() == 0
    assert media_files(media_root) == {}

    call_command("restore", str(tmp_path / "backup"), interactive=False)

    assert snapshot() == before
    assert media_files(media_root) == files_before
    assert TOTPDevice.objects.get(user__username="reporter").confirmed
    assert get_user_model().objects.get(username="reporter").check_password("password")
    assert Client().get("/stories/the-divorce/").content == page_before
    photo = Photo.objects.get()
    assert photo.image.storage.exists(photo.image.name)
    # New rows get fresh ids after a restore (sequences follow the loaded rows).
    make_person("Someone New")


def test_restore_refuses_a_damaged_backup_and_changes_nothing(newsroom, tmp_path, media_root):
    call_command("backup", output=str(tmp_path / "backup"))
    photo = next((tmp_path / "backup" / "originals").rglob("*.png"))
    photo.write_bytes(b"not the photo")
    make_person("Added after the backup")
    with pytest.raises(CommandError, match="missing or damaged"):
        call_command("restore", str(tmp_path / "backup"), interactive=False)
    assert Person.objects.filter(name="Added after the backup").exists()


def test_backup_refuses_to_overwrite(newsroom, tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "something").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", output=str(tmp_path / "backup"))


def test_restore_of_something_else_says_so(tmp_path):
    with pytest.raises(CommandError, match="not a Newsroom backup"):
        call_command("restore", str(tmp_path), interactive=False)
