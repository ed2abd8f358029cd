"""Photo rights: expired photos vanish from reader pages; the desk is warned in time."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from photos.models import Photo

from . import desk
from .factories import make_article, make_person, make_photo

pytestmark = pytest.mark.django_db


def shown(photo):
    """What a page carries when it shows ``photo``: the address of its renditions."""
    return f"/media/renditions/{photo.pk}/"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def kim():
    return make_person("Kim Kardashian", slug="kim-kardashian")


def test_an_expired_photo_is_shown_nowhere(client, kim):
    expired = make_photo(
        [("agency", "IMAGO")], caption="Expired picture", expires_on=days(0), people=[kim]
    )
    story = make_article(
        "Kim at the Met Gala", people=[kim], main=kim, photo=expired, tags=["gala"]
    )
    pages = ["/", story.get_absolute_url(), "/tags/gala/", kim.get_absolute_url()]
    for url in pages:
        html = client.get(url).content.decode()
        assert shown(expired) not in html, url
        assert "Expired picture" not in html, url
        assert "© IMAGO" not in html, url
    assert story.headline in client.get("/").content.decode()


def test_a_photo_is_shown_until_its_expiry_day(client, kim):
    photo = make_photo(caption="Still licensed", expires_on=days(1), people=[kim])
    story = make_article("Kim at the Met Gala", people=[kim], main=kim, photo=photo)
    assert shown(photo) in client.get(story.get_absolute_url()).content.decode()
    assert shown(photo) in client.get(kim.get_absolute_url()).content.decode()


def test_the_replacement_stands_in_with_its_own_credit(client, kim):
    replacement = make_photo([("agency", "dpa")], caption="Replacement picture")
    expired = make_photo([("agency", "IMAGO")], caption="Expired picture", expires_on=days(-3))
    expired.replacement = replacement
    expired.save()
    story = make_article("Kim at the Met Gala", people=[kim], main=kim, photo=expired)
    for url in ["/", story.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert shown(replacement) in html
        assert shown(expired) not in html
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Replacement picture" in html and "© dpa" in html and "© IMAGO" not in html


def test_an_expired_replacement_is_not_shown_either(client):
    replacement = make_photo(expires_on=days(-1))
    expired = make_photo(expires_on=days(-3), replacement=replacement)
    story = make_article("Kim at the Met Gala", photo=expired)
    assert story.lead_photo_for_readers is None
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<figure" not in html and shown(replacement) not in html


def test_a_photo_cannot_replace_itself_or_be_replaced_by_an_expired_one():
    photo = make_photo()
    photo.replacement = photo
    with pytest.raises(ValidationError, match="cannot replace itself"):
        photo.full_clean()
    photo.replacement = make_photo(expires_on=days(-1))
    with pytest.raises(ValidationError, match="expired as well"):
        photo.full_clean()


def test_admin_lists_photos_expiring_within_30_days_with_their_stories(admin_client):
    soon = make_photo(caption="Runs out soon", expires_on=days(3), restrictions="No social media")
    later = make_photo(caption="Runs out later", expires_on=days(31))
    gone = make_photo(caption="Already gone", expires_on=days(0))
    make_photo(caption="Ours forever")
    story = make_article("Kim at the Met Gala", photo=soon)
    draft = make_article("Kim draft", photo=soon, status=Article.Status.DRAFT)
    make_article("Later story", photo=later)

    page = admin_client.get(reverse("admin:photos_photo_expiring"))
    html = page.content.decode()
    assert [row["photo"] for row in page.context["rows"]] == [soon]
    assert "in 3 days" in html and "No social media" in html
    for article in (story, draft):
        assert reverse("admin:articles_article_change", args=[article.pk]) in html
    assert "none: stories will show no photo" in html
    assert "Runs out later" not in html and "Already gone" not in html

    changelist = admin_client.get(reverse("admin:photos_photo_changelist"))
    assert reverse("admin:photos_photo_expiring") in changelist.content.decode()
    filtered = admin_client.get(reverse("admin:photos_photo_changelist"), {"rights": "expiring"})
    assert list(filtered.context["cl"].result_list) == [soon]
    expired = admin_client.get(reverse("admin:photos_photo_changelist"), {"rights": "expired"})
    assert list(expired.context["cl"].result_list) == [gone]


def test_the_expiring_page_is_for_the_desk_only(client):
    response = client.get(reverse("admin:photos_photo_expiring"))
    assert response.status_code == 302
    assert reverse("admin:login") in response.url


def story_form(photo, headline="Kim at the Met Gala", story=None, **fields):
    """The story form as the admin posts it, with ``photo`` as the lead photo."""
    if story is not None:
        return desk.story_form(story, lead_photo=photo.pk, **fields)
    return desk.new_story_form(headline, lead_photo=photo.pk, **fields)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_editor_choosing_a_restricted_photo_is_warned(admin_client):
    photo = make_photo(restrictions="Editorial use only; not on social media")
    response = admin_client.post(reverse("admin:articles_article_add"), story_form(photo))
    assert response.status_code == 302
    assert any(
        "Check the lead photo's rights before publishing: usage restrictions: Editorial use "
        "only; not on social media" in message
        for message in messages_of(response)
    )
    admin_client.get(response.url)  # the list shows (and so uses up) the message
    # Saving again without changing the photo does not repeat the warning.
    story = Article.objects.get()
    response = admin_client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        story_form(photo, story=story, standfirst="Now with a standfirst."),
    )
    assert not any("lead photo" in message for message in messages_of(response))


def test_editor_choosing_an_expired_photo_is_told_what_readers_see(admin_client):
    replacement = make_photo(caption="The stand-in")
    photo = make_photo(expires_on=days(-1), replacement=replacement)
    response = admin_client.post(reverse("admin:articles_article_add"), story_form(photo))
    (warning,) = [m for m in messages_of(response) if "lead photo" in m]
    assert "The lead photo cannot be shown: its licence expired on" in warning
    assert "readers see its replacement, “The stand-in”" in warning


def test_an_unrestricted_photo_brings_no_warning(admin_client):
    response = admin_client.post(reverse("admin:articles_article_add"), story_form(make_photo()))
    assert not any("lead photo" in message for message in messages_of(response))


def test_shown_and_expiring_querysets():
    forever = make_photo()
    tomorrow = make_photo(expires_on=days(1))
    today = make_photo(expires_on=days(0))
    assert set(Photo.objects.shown()) == {forever, tomorrow}
    assert list(Photo.objects.expiring_within(30)) == [tomorrow]
    assert today.is_expired and not tomorrow.is_expired


def test_restrictions_ending_in_a_full_stop_make_one_sentence(admin_client):
    photo = make_photo(restrictions="Editorial use only, no social media.")
    response = admin_client.post(reverse("admin:articles_article_add"), story_form(photo))
    (warning,) = [m for m in messages_of(response) if "lead photo" in m]
    assert warning.endswith("usage restrictions: Editorial use only, no social media.")
    assert ".." not in warning


def test_a_teaser_does_not_show_an_expired_lead_photo(client):
    expired = make_photo(caption="Expired picture", expires_on=days(-1))
    licensed = make_photo(caption="Licensed picture")
    target = make_article("Angel Reese heads to Chicago", photo=expired)
    other = make_article("Kim at the Met Gala", photo=licensed)
    story = make_article(
        "Kanye is sad",
        body=f"<p>[teaser: {target.slug}]</p><p>[teaser: {other.slug}]</p><p>Text.</p>",
    )
    html = client.get(story.get_absolute_url()).content.decode()
    assert html.count('class="inline-teaser"') == 2
    assert shown(expired) not in html and expired.image.name not in html
    assert shown(licensed) in html


def test_a_teaser_shows_the_replacement_of_an_expired_lead_photo(client):
    replacement = make_photo(caption="Replacement picture")
    expired = make_photo(expires_on=days(0), replacement=replacement)
    target = make_article("Angel Reese heads to Chicago", photo=expired)
    story = make_article("Kanye is sad", body=f"<p>[teaser: {target.slug}]</p><p>Text.</p>")
    html = client.get(story.get_absolute_url()).content.decode()
    teaser = html[html.index('class="inline-teaser"') :]
    assert shown(replacement) in teaser and shown(expired) not in html


def test_feeds_api_json_ld_and_open_graph_leave_out_an_expired_lead_photo(client):
    expired = make_photo(expires_on=days(0))
    story = make_article("Kim at the Met Gala", photo=expired)
    for url in [story.get_absolute_url(), "/feed/", "/feed/atom/", "/api/v1/stories/", "/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert story.headline in body, url
        assert shown(expired) not in body and expired.image.name not in body, url


def media_files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_the_daily_command_withdraws_renditions_from_the_expiry_day(media_root):
    from io import StringIO

    from django.core.management import call_command

    photo = make_photo(expires_on=days(1))
    keeps = make_photo(expires_on=days(2))
    assert any(name.startswith(f"renditions/{photo.pk}/") for name in media_files(media_root))
    # The expiry day arrives: no save happens, the date simply passes.
    Photo.objects.filter(pk=photo.pk).update(expires_on=days(0))
    out = StringIO()
    call_command("expirephotos", stdout=out)
    assert "withdrawn for 1 expired photos" in out.getvalue()
    out = StringIO()
    call_command("expirephotos", stdout=out)  # idempotent
    assert "withdrawn for 0 expired photos, remade for 0" in out.getvalue()
    assert not any(name.startswith(f"renditions/{photo.pk}/") for name in media_files(media_root))
    assert any(name.startswith(f"renditions/{keeps.pk}/") for name in media_files(media_root))
    assert Photo.objects.get(pk=photo.pk).renditions == {}


def test_saving_a_past_expiry_withdraws_at_once_and_renewing_remakes(admin_client, media_root):
    photo = make_photo([("agency", "IMAGO")])
    change = reverse("admin:photos_photo_change", args=[photo.pk])
    credit = photo.credits.get()
    row = {"id": credit.pk, "role": "agency", "source": credit.source_id, "name": "", "order": 0}
    data = desk.photo_form(row, alt_text=photo.alt_text, expires_on=days(0).isoformat())
    data["credits-INITIAL_FORMS"] = "1"
    assert admin_client.post(change, data).status_code == 302
    assert not any(name.startswith(f"renditions/{photo.pk}/") for name in media_files(media_root))
    assert Photo.objects.get(pk=photo.pk).renditions == {}
    data["expires_on"] = days(30).isoformat()  # the licence is renewed
    assert admin_client.post(change, data).status_code == 302
    assert any(name.startswith(f"renditions/{photo.pk}/") for name in media_files(media_root))
    assert Photo.objects.get(pk=photo.pk).for_readers is not None


def test_the_daily_command_remakes_renditions_of_a_renewed_photo(media_root):
    from io import StringIO

    from django.core.management import call_command

    photo = make_photo(expires_on=days(0))
    assert Photo.objects.get(pk=photo.pk).renditions == {}
    Photo.objects.filter(pk=photo.pk).update(expires_on=None)  # renewed outside the admin
    out = StringIO()
    call_command("expirephotos", stdout=out)
    assert "remade for 1 renewed" in out.getvalue()
    assert Photo.objects.get(pk=photo.pk).for_readers is not None


def test_the_admin_page_of_an_expired_photo_links_no_file(admin_client):
    photo = make_photo(expires_on=days(-1))
    page = admin_client.get(reverse("admin:photos_photo_change", args=[photo.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "No renditions to show: the licence has expired" in html
    assert "/media/" not in html  # neither renditions (withdrawn) nor the original
