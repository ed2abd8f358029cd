"""Photos in the story body at the desk: the story form's checks of ``[photo: id]`` markers,
the photo search and the upload from the editor (the browser half is in
test_body_photos_browser.py; readers' side in test_body_photos.py)."""

import datetime
import io
from pathlib import Path

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import Article
from articles.roles import EDITOR, PHOTO_DESK, REPORTER
from photos import renditions
from photos.models import CreditSource, Photo

from .desk import admin_url, new_story_form, role_user, story_form
from .factories import (
    credit_source,
    make_image_file,
    make_person,
    make_photo,
    make_user,
)

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "fixtures" / "IPTC-PhotometadataRef-Std2017.1.jpg"
SEARCH = admin_url("articles_article_photos")
UPLOAD = admin_url("articles_article_photo_upload")
CREDITS = [("agency", "IMAGO"), ("photographer", "Jane Doe")]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def files_under(root):
    return sorted(str(path) for path in Path(root).rglob("*") if path.is_file())


# Saving the story ----------------------------------------------------------------------


def test_a_marker_naming_no_photo_is_an_error_naming_the_marker(admin_client):
    photo = make_photo()
    body = f"<p>[photo: {photo.pk}]</p><p>[photo: 987654]</p><p>[photo: first]</p>"

    response = admin_client.post(admin_url("articles_article_add"), new_story_form(body=body))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["body"]
    assert errors == [
        "No photo has the number “987654”: check the photo [photo: 987654].",
        "No photo has the number “first”: check the photo [photo: first].",
    ]
    assert not Article.objects.exists()


def test_a_marker_within_other_text_is_an_error(admin_client):
    photo = make_photo()
    form = new_story_form(body=f"<p>As seen in [photo: {photo.pk}] yesterday.</p>")

    response = admin_client.post(admin_url("articles_article_add"), form)

    assert response.context["adminform"].form.errors["body"] == [
        f"Put the photo [photo: {photo.pk}] on a line of its own: readers see it only there."
    ]


def test_a_teaser_and_a_photo_error_are_reported_together(admin_client):
    form = new_story_form(body="<p>[teaser: no-such-story]</p><p>[photo: 987654]</p>")
    response = admin_client.post(admin_url("articles_article_add"), form)
    errors = response.context["adminform"].form.errors["body"]
    assert len(errors) == 2 and "no-such-story" in errors[0] and "987654" in errors[1]


def test_placing_a_photo_with_restrictions_or_an_expired_licence_is_warned_once(admin_client):
    restricted = make_photo(restrictions="Editorial use only.")
    stand_in = make_photo(caption="The stand-in")
    expired = make_photo(expires_on=days(-1), replacement=stand_in)
    lost = make_photo(expires_on=days(-1))
    free = make_photo()
    body = "".join(f"<p>[photo: {p.pk}]</p>" for p in (restricted, expired, lost, free))

    response = admin_client.post(admin_url("articles_article_add"), new_story_form(body=body))

    assert response.status_code == 302
    warnings = [m for m in messages_of(response) if "in the body" in m]
    assert warnings == [
        f"Check the rights of the photo [photo: {restricted.pk}] in the body before "
        "publishing: usage restrictions: Editorial use only.",
        f"The photo [photo: {expired.pk}] in the body cannot be shown: its licence expired on "
        f"{days(-1).day} {days(-1):%B %Y}; readers see its replacement, “The stand-in”.",
        f"The photo [photo: {lost.pk}] in the body cannot be shown: its licence expired on "
        f"{days(-1).day} {days(-1):%B %Y}; readers see nothing in its place.",
    ]
    # Saved again with the same photos: nothing new was placed, nothing to say.
    story = Article.objects.get()
    admin_client.get(response.url)
    again = admin_client.post(
        admin_url("articles_article_change", story.pk),
        story_form(story, body=story.body + "<p>More.</p>"),
    )
    assert again.status_code == 302
    assert not [m for m in messages_of(again) if "in the body" in m]


def test_the_story_form_names_the_search_and_offers_upload_only_to_who_may_add_photos(client):
    client.force_login(role_user(EDITOR))
    page = client.get(admin_url("articles_article_add")).content.decode()
    assert f'data-photo-search="{SEARCH}"' in page
    assert "data-photo-upload" not in page and "data-photo-read" not in page

    both = role_user(EDITOR, "picture-editor")
    both.groups.add(*role_user(PHOTO_DESK).groups.all())
    client.force_login(both)
    page = client.get(admin_url("articles_article_add")).content.decode()
    assert f'data-photo-upload="{UPLOAD}"' in page
    assert f'data-photo-read="{admin_url("photos_photo_read")}"' in page


def test_the_story_form_lets_chosen_files_show_from_the_browser_and_local_media_load(
    admin_client,
):
    response = admin_client.get(admin_url("articles_article_add"))
    policy = response["Content-Security-Policy"]
    images = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    assert images.split() == ["img-src", "'self'", "data:", "blob:"]
    # Thumbnails are renditions at the site's own address.
    assert reverse("home") + "media/" == "/media/"


# The photo search ------------------------------------------------------------------------


def search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.fixture
def editor_client(client):
    client.force_login(role_user(EDITOR))
    return client


def test_photos_are_found_by_caption_person_credit_and_upload_day(editor_client):
    kim = make_person("Kim Kardashian")
    by_caption = make_photo(caption="Met Gala red carpet")
    of_kim = make_photo(caption="At home", people=[kim])
    credited = make_photo([("agency", "Backgrid")], caption="Leaving dinner")
    older = make_photo(caption="Met Gala last year")
    Photo.objects.filter(pk=older.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )

    def ids(**params):
        return [photo["id"] for photo in search(editor_client, **params)]

    assert ids(q="met gala") == [by_caption.pk, older.pk]
    assert ids(q="Kardashian") == [of_kim.pk]
    assert ids(q="backgrid") == [credited.pk]
    assert ids(uploaded=str(timezone.localdate())) == [credited.pk, of_kim.pk, by_caption.pk]
    old_day = timezone.localdate(timezone.now() - datetime.timedelta(days=400))
    assert ids(q="gala", uploaded=str(old_day)) == [older.pk]
    assert editor_client.get(SEARCH, {"uploaded": "not a day"}).status_code == 400


def test_each_result_has_a_thumbnail_credit_line_and_what_readers_would_see(editor_client):
    stand_in = make_photo(caption="Stand-in")
    photo = make_photo(
        CREDITS,
        caption="Kim at the Met",
        restrictions="No social media",
        image=make_image_file(size=(800, 600)),
    )
    expired = make_photo(caption="Kim at the Met, 2019", expires_on=days(-1), replacement=stand_in)
    unmade = make_photo(caption="Kim at the Met, unmade", with_renditions=False)

    results = {result["id"]: result for result in search(editor_client, q="Kim at the Met")}

    shown = results[photo.pk]
    assert shown["marker"] == f"[photo: {photo.pk}]"
    assert shown["credit_line"] == "© IMAGO / Jane Doe"
    assert shown["thumbnail"]["src"].startswith(f"/media/renditions/{photo.pk}/")
    assert (shown["thumbnail"]["width"], shown["thumbnail"]["height"]) == (80, 60)
    assert shown["rights"] == "usage restrictions: No social media"
    assert shown["readers"] == ""
    assert results[expired.pk]["readers"] == "Readers see its replacement instead: “Stand-in”."
    assert results[expired.pk]["rights"].startswith("its licence expired on")
    assert results[expired.pk]["thumbnail"] is None
    assert results[unmade.pk]["readers"] == "Readers will not see it: it has no renditions yet."
    lost = make_photo(caption="Kim at the Met, lost", expires_on=days(-1))
    (result,) = search(editor_client, q="Kim at the Met, lost")
    assert result["id"] == lost.pk
    assert result["readers"] == (
        "Readers will not see it: its licence has expired and nothing replaces it."
    )


def test_a_search_offers_twelve_newest_first_in_as_many_queries_as_for_two(editor_client):
    def counted():
        with CaptureQueriesContext(connection) as queries:
            results = search(editor_client, q="red carpet")
        return results, len(queries)

    photos = [make_photo(CREDITS, caption=f"Red carpet {n}") for n in range(2)]
    _, for_two = counted()
    photos += [make_photo(CREDITS, caption=f"Red carpet {n}") for n in range(2, 14)]
    results, for_twelve = counted()

    assert [r["id"] for r in results] == [p.pk for p in reversed(photos)][:12]
    # The session, account, two-factor device and permissions; the matches, the
    # photos with their replacements, their credits.
    assert for_twelve == for_two <= 8


def test_the_search_is_the_desks_alone(client):
    assert Client().get(SEARCH, {"q": "Kim"}).status_code == 302
    client.force_login(role_user(REPORTER))
    assert client.get(SEARCH, {"q": "Kim"}).status_code == 200
    client.force_login(make_user("visitor", is_staff=True))  # staff, but no desk role
    assert client.get(SEARCH, {"q": "Kim"}).status_code == 403


@pytest.mark.parametrize("term", ["kim\x00", "%", "\\", "'", "a" * 300, "[photo: 1]"])
def test_any_search_term_gets_an_answer(editor_client, term):
    make_photo(caption="Kim")
    response = editor_client.get(SEARCH, {"q": term})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


# Uploading from the story form ---------------------------------------------------------


@pytest.fixture
def uploader(client):
    """An editor who is on the photo desk too: may write stories and add photos."""
    user = role_user(EDITOR, "picture-editor")
    user.groups.add(*role_user(PHOTO_DESK).groups.all())
    client.force_login(user)
    return client


def png(name="dropped.png", size=(640, 480)):
    return make_image_file(name, size=size)


def upload(client, image, **fields):
    data = {"photo-upload-image": image, "photo-upload-licence": "agency", **fields}
    return client.post(UPLOAD, {k: v for k, v in data.items() if v is not None})


def test_the_upload_form_is_the_photo_forms_fields(uploader):
    response = uploader.get(UPLOAD)
    assert response.status_code == 200
    page = response.content.decode()
    for name in ("image", "alt_text", "caption", "licence", "restrictions"):
        assert f'name="photo-upload-{name}"' in page
    assert 'accept="image/jpeg,image/png,image/webp"' in page
    assert 'data-may-create-sources="yes"' in page


def test_the_upload_dialog_finds_credit_sources_through_the_admins_picker(uploader):
    credit_source("Getty Images")
    credit_source("kimkardashian", platform="Instagram")
    query = {"app_label": "photos", "model_name": "photocredit", "field_name": "source"}
    found = uploader.get(reverse("admin:autocomplete"), {**query, "term": "getty"}).json()
    assert [source["text"] for source in found["results"]] == ["Getty Images (agency)"]
    found = uploader.get(reverse("admin:autocomplete"), {**query, "term": "kimk"}).json()
    assert [source["text"] for source in found["results"]] == [
        "Instagram/kimkardashian (platform account)"
    ]


def test_an_upload_stores_the_photo_with_credits_and_renditions(uploader, originals_root):
    imago, doe = credit_source("IMAGO"), credit_source("Jane Doe", kind="photographer")
    account = credit_source("kimkardashian", platform="Instagram")

    response = upload(
        uploader,
        png(),
        **{
            "photo-upload-alt_text": "Kim waving from a balcony",
            "photo-upload-caption": "Kim in Paris",
            "photo-upload-credit": [str(doe.pk), str(imago.pk), str(account.pk)],
        },
    )

    assert response.status_code == 201, response.content
    photo = Photo.objects.get()
    assert response.json()["photo"]["id"] == photo.pk
    assert response.json()["photo"]["marker"] == f"[photo: {photo.pk}]"
    assert response.json()["photo"]["thumbnail"]["src"].startswith("/media/renditions/")
    assert (photo.alt_text, photo.caption) == ("Kim waving from a balcony", "Kim in Paris")
    assert [(c.role, c.source) for c in photo.credits.all()] == [
        ("photographer", doe),
        ("agency", imago),
        ("screenshot", account),
    ]
    assert renditions.is_current(photo)
    assert LogEntry.objects.get(object_id=str(photo.pk)).action_flag == ADDITION


def test_an_upload_keeps_what_the_file_says_and_makes_sources_of_new_names(uploader):
    embedded_source = "Credit Line (ref2017.1)"
    response = upload(
        uploader,
        SimpleUploadedFile("ref.jpg", REFERENCE.read_bytes(), content_type="image/jpeg"),
        **{
            "photo-upload-alt_text": "The IPTC reference picture",
            "photo-upload-caption": "The description aka caption (ref2017.1)",
            "photo-upload-new_credit": [
                f"agency:{embedded_source}",
                "photographer:Creator1 (ref2017.1)",
            ],
        },
    )

    assert response.status_code == 201, response.content
    photo = Photo.objects.get()
    assert [str(c.source) for c in photo.credits.all()] == [
        f"{embedded_source} (agency)",
        "Creator1 (ref2017.1) (photographer)",
    ]
    assert photo.embedded_metadata["caption"] == "The description aka caption (ref2017.1)"


def test_only_the_photo_desk_makes_new_credit_sources(client):
    user = role_user(EDITOR, "uploading-editor")
    user.user_permissions.add(Permission.objects.get(codename="add_photo"))
    client.force_login(user)

    response = upload(
        client,
        png(),
        **{"photo-upload-alt_text": "Kim", "photo-upload-new_credit": ["agency:Brand New Agency"]},
    )

    assert response.status_code == 400
    assert "only the photo desk may add one" in response.json()["errors"]["new_credit"][0]
    assert not Photo.objects.exists() and not CreditSource.objects.exists()


def test_an_upload_without_alt_text_is_refused_with_the_field_named_and_nothing_stored(
    uploader, originals_root, media_root
):
    source = credit_source("IMAGO")
    response = upload(uploader, png(), **{"photo-upload-credit": [str(source.pk)]})

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "alt_text": ["Describe the photo for readers who cannot see it."]
    }
    assert not Photo.objects.exists()
    assert files_under(originals_root) == [] and files_under(media_root) == []


@pytest.mark.parametrize(
    "image, message",
    [
        (None, "Choose the photo's file (JPEG, PNG or WebP)."),
        (SimpleUploadedFile("notes.png", b"not an image", content_type="image/png"), "valid image"),
        ("gif", "GIF files cannot be used as photos"),
    ],
)
def test_a_file_the_photo_form_refuses_is_refused_here_too(uploader, image, message):
    if image == "gif":
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30)).save(buffer, format="GIF")
        image = SimpleUploadedFile("moving.gif", buffer.getvalue(), content_type="image/gif")
    response = upload(uploader, image, **{"photo-upload-alt_text": "Kim"})
    assert response.status_code == 400
    assert message in " ".join(response.json()["errors"]["image"])
    assert not Photo.objects.exists()


def test_a_credit_source_gone_since_it_was_chosen_is_an_error(uploader):
    response = upload(
        uploader, png(), **{"photo-upload-alt_text": "Kim", "photo-upload-credit": ["987654"]}
    )
    assert response.status_code == 400
    assert response.json()["errors"]["credit"] == [
        "A chosen credit source no longer exists: search for it again."
    ]


def test_an_upload_failing_halfway_leaves_no_photo_and_no_file(
    uploader, originals_root, media_root, monkeypatch
):
    def broken(photo, storage=None):
        raise OSError("disk full")

    monkeypatch.setattr(renditions, "make", broken)
    source = credit_source("IMAGO")
    with pytest.raises(OSError, match="disk full"):
        upload(
            uploader,
            png(),
            **{"photo-upload-alt_text": "Kim", "photo-upload-credit": [str(source.pk)]},
        )
    assert not Photo.objects.exists()
    assert files_under(originals_root) == [] and files_under(media_root) == []


def test_who_may_not_add_photos_is_refused_the_upload(client, originals_root):
    client.force_login(role_user(EDITOR))
    assert client.get(UPLOAD).status_code == 403
    response = upload(client, png(), **{"photo-upload-alt_text": "Kim"})
    assert response.status_code == 403
    assert not Photo.objects.exists() and files_under(originals_root) == []
    assert Client().post(UPLOAD).status_code == 302  # to the sign-in page
