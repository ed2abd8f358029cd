"""Photos in the story body: ``[photo: id]`` markers drawn for readers with caption and credit
line, checked on save, searched and uploaded from the story form (the browser half is in
test_body_photos_browser.py)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.body import photo_ids, plain_text, word_count

from .desk import admin_url
from .factories import (
    make_article,
    make_photo,
)

pytestmark = pytest.mark.django_db

CREDITS = [("agency", "IMAGO"), ("photographer", "Jane Doe")]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def story_with(*photos, before="<p>Kim arrived early.</p>", **kw):
    markers = "".join(f"<p>[photo: {getattr(p, 'pk', p)}]</p>" for p in photos)
    return make_article("Kim at the Met Gala", body=f"{before}{markers}<p>She left late.</p>", **kw)


def body_of(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    start = html.index('<div class="story__body">')
    return html[start : html.index("</div>", start)]


# Reading ---------------------------------------------------------------------------


def test_a_marker_shows_the_photo_with_its_caption_and_credit_line(client):
    photo = make_photo(CREDITS, caption="Kim on the steps", alt_text="Kim in a white gown")
    story = story_with(photo)

    body = body_of(client, story)

    assert body.count('<figure class="photo">') == 1
    assert "Kim on the steps" in body
    assert photo.credit_line == "© IMAGO / Jane Doe"
    assert '<small class="credit-line">© IMAGO / Jane Doe</small>' in body
    assert f"/media/renditions/{photo.pk}/" in body
    assert 'alt="Kim in a white gown"' in body
    assert "[photo:" not in body
    # In its place between the paragraphs, lazily loaded.
    assert body.index("arrived early") < body.index("<figure") < body.index("left late")
    assert 'loading="lazy"' in body[body.index("<figure") :]


def test_an_expired_photo_shows_its_replacement_with_the_replacements_credit(client):
    stand_in = make_photo([("agency", "Getty Images")], caption="The stand-in")
    photo = make_photo(CREDITS, caption="The original", expires_on=days(-1), replacement=stand_in)
    story = story_with(photo)

    body = body_of(client, story)

    assert "The stand-in" in body and "© Getty Images" in body
    assert "The original" not in body and "IMAGO" not in body
    assert f"/media/renditions/{stand_in.pk}/" in body
    assert f"/media/renditions/{photo.pk}/" not in body


def test_a_photo_readers_may_not_see_leaves_no_trace(client):
    shown = make_photo(caption="Shown")
    expired = make_photo(caption="Expired", expires_on=days(-1))
    unmade = make_photo(caption="No renditions", with_renditions=False)
    gone = make_photo(caption="Deleted")
    gone_pk = gone.pk
    gone.delete()
    both_expired = make_photo(
        caption="Expired too",
        expires_on=days(-2),
        replacement=make_photo(caption="Also expired", expires_on=days(-1)),
    )
    story = story_with(expired, unmade, gone_pk, both_expired, 987654, shown)

    body = body_of(client, story)

    assert body.count("<figure") == 1 and "Shown" in body
    for caption in ("Expired", "No renditions", "Deleted", "Also expired"):
        assert caption not in body
    assert "[photo" not in body
    assert "<p></p>" not in body and "<img" in body and body.count("<img") == 1


def test_a_marker_inside_a_paragraph_of_other_text_is_dropped_for_readers(client):
    photo = make_photo(caption="Inline")
    story = make_article("Kim at the Met", body=f"<p>See [photo: {photo.pk}] here.</p>")

    body = body_of(client, story)

    assert "<p>See  here.</p>" in body
    assert "<figure" not in body and "[photo" not in body


def test_markers_are_not_counted_as_words_and_are_found_once_each():
    body = "<p>[photo: 3]</p><p>Two words</p><p>[photo: 3]</p><p>[photo:7]</p><p>[photo: x]</p>"
    assert word_count(plain_text(body)) == 2
    assert photo_ids(body) == [3, 7]
    assert photo_ids("<p>[photo: 99999999999999999999]</p>") == []


# The story page's queries ------------------------------------------------------------


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.usefixtures("uncached_pages")
def test_body_photos_cost_one_query_however_many_and_none_without_markers(client):
    lead = make_photo([("agency", "Lead Agency")])
    plain = make_article("Plain", body="<p>No photos.</p>", photo=lead)
    few = story_with(*[make_photo(CREDITS) for _ in range(2)], photo=lead)
    stand_ins = [make_photo([("agency", f"Stand-in {n}")]) for n in range(4)]
    many = story_with(
        *[make_photo([("agency", f"Agency {n}")]) for n in range(6)],
        *[make_photo(CREDITS, expires_on=days(-1), replacement=s) for s in stand_ins],
        photo=lead,
    )

    without = queries_for(client, plain.get_absolute_url())
    with_few = queries_for(client, few.get_absolute_url())
    with_many = queries_for(client, many.get_absolute_url())

    assert with_few == with_many == without + 1
    html = client.get(many.get_absolute_url()).content.decode()
    # Every shown photo's credit line came with the one credits query.
    assert all(f"Agency {n}" in html for n in range(6))
    assert all(f"Stand-in {n}" in html for n in range(4))
    assert "© Lead Agency" in html


# The desk's previews ------------------------------------------------------------------


def test_the_desk_preview_and_the_live_preview_show_body_photos(admin_client):
    photo = make_photo(CREDITS, caption="Kim on the steps")
    unmade = make_photo(caption="Not made", with_renditions=False)
    story = make_article("Kim at the Met", status="draft", body="<p>Words.</p>")

    saved = admin_client.get(admin_url("articles_article_preview", story.pk)).content.decode()
    assert "<figure" not in saved
    typed = admin_client.post(
        admin_url("articles_article_live_preview", story.pk),
        {
            "headline": story.headline,
            "body": f"<p>[photo: {photo.pk}]</p><p>[photo: {unmade.pk}]</p>",
        },
    ).content.decode()

    assert "Kim on the steps" in typed and "© IMAGO / Jane Doe" in typed
    assert "Not made" not in typed and "[photo" not in typed
    story.body = f"<p>[photo: {photo.pk}]</p>"
    story.save()
    saved = admin_client.get(admin_url("articles_article_preview", story.pk)).content.decode()
    assert "Kim on the steps" in saved
