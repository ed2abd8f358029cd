"""What issue 19's "look of its own" gives readers, outside the browser: story times,
tag titles and descriptions, the people index by family name with portraits, pictures in
search results, the designed 404 page, and card crops that keep a collage whole."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from taggit.models import Tag

from articles.models import Correction, TagDescription
from articles.templatetags.tag_titles import title_of
from people.models import Person
from people.sorting import family_name_first, sort_key
from photos import renditions
from photos.models import PhotoCredit

from .factories import add_credit, make_article, make_person, make_photo

pytestmark = pytest.mark.django_db


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


def queries_for(client, url, status=200):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status, url
    return len(queries)


def html_of(response):
    return response.content.decode()


# Story times -------------------------------------------------------------------------


class TestStoryTimes:
    def test_the_publication_time_on_the_desks_clock_in_a_time_element(self, client, settings):
        settings.TIME_ZONE = "Europe/Berlin"
        story = make_article("Timed story", published_at=aware(2026, 3, 5, 10, 0, 0, 123456))
        html = html_of(client.get(story.get_absolute_url()))
        times = re.search(r'<p class="story__times">.*?</p>', html, re.S).group(0)
        assert 'Published <time datetime="2026-03-05T10:00:00+0100">5 March 2026, 10:00 CET' in (
            times
        )
        # No microseconds (the Nu checker refuses more than three fraction digits).
        assert ".123456" not in times
        assert "Updated" not in times

    def test_an_update_appended_later_shows_when(self, client, editor):
        story = make_article("Story that moved on", published_at=aware(2026, 3, 5, 10, 0))
        Correction.objects.create(
            article=story,
            kind=Correction.Kind.UPDATE,
            text="The couple have since spoken.",
            created_at=aware(2026, 3, 6, 14, 30),
            by=editor,
        )
        html = html_of(client.get(story.get_absolute_url()))
        assert (
            'Updated <time datetime="2026-03-06T14:30:00+0100">6 March 2026, 14:30 CET</time>'
            in html
        )

    def test_a_save_that_changes_nothing_for_readers_is_no_update(self, client):
        story = make_article("Saved again", published_at=aware(2026, 3, 5, 10, 0))
        story.save()  # the row's own change time moves on; readers were told nothing new
        assert "Updated" not in html_of(client.get(story.get_absolute_url()))


# Tags -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, title",
    [
        ("kardashians", "Kardashians"),
        ("met gala", "Met Gala"),
        ("queen of the south", "Queen of the South"),
        ("k-pop", "K-Pop"),
        ("iPhone", "iPhone"),
        ("BTS", "BTS"),
        ("beyoncé", "Beyoncé"),
    ],
)
def test_tag_names_are_titled_for_readers(name, title):
    assert title_of(name) == title


class TestTagPage:
    def test_titled_name_description_and_a_lead(self, client):
        stories = [
            make_article(f"Gala story {n}", tags=["met gala"], published_at=aware(2025, 5, n + 1))
            for n in range(4)
        ]
        tag = Tag.objects.get(name="met gala")
        TagDescription.objects.create(tag=tag, text="Fashion's biggest night, every May.")
        response = client.get(reverse("tag", args=[tag.slug]))
        html = html_of(response)
        assert "<h1>Met Gala</h1>" in html and "<title>Met Gala – " in html
        assert "Fashion&#x27;s biggest night, every May." in html
        lead = re.search(r'<article class="lead-card">.*?</article>', html, re.S).group(0)
        assert "Gala story 3" in lead  # the newest leads
        rest = html.split("</article>", 1)[1]
        assert all(f"Gala story {n}" in rest for n in range(3))
        assert Tag.objects.get(pk=tag.pk).name == "met gala"  # stored as typed
        assert len(stories) == 4

    def test_a_story_shows_its_tags_titled(self, client):
        story = make_article("Tagged", tags=["met gala"])
        assert ">Met Gala</a></li>" in html_of(client.get(story.get_absolute_url()))

    def test_the_tag_page_costs_three_queries_with_or_without_a_description(
        self, client, uncached_pages
    ):
        make_article("One", tags=["divorce"])
        tag = Tag.objects.get(name="divorce")
        assert queries_for(client, "/tags/divorce/") <= 3
        TagDescription.objects.create(tag=tag, text="Splits and settlements.")
        for n in range(12):
            make_article(f"More {n}", tags=["divorce"])
        assert queries_for(client, "/tags/divorce/") <= 3

    def test_an_editor_writes_the_description_in_the_tag_admin(self, client, editor):
        client.force_login(editor)
        tag = Tag.objects.create(name="royals", slug="royals")
        url = reverse("admin:taggit_tag_change", args=[tag.pk])
        page = client.get(url)
        assert page.status_code == 200 and "description-0-text" in html_of(page)
        form = {
            "name": "royals",
            "slug": "royals",
            "description-TOTAL_FORMS": "1",
            "description-INITIAL_FORMS": "0",
            "description-MIN_NUM_FORMS": "0",
            "description-MAX_NUM_FORMS": "1",
            "description-0-text": "  The  crowns of Europe.  ",
            "description-0-tag": str(tag.pk),
        }
        # taggit's own inline of tagged items comes along, empty.
        items = "taggit_taggeditem_items"
        form.update({f"{items}-TOTAL_FORMS": "0", f"{items}-INITIAL_FORMS": "0"})
        response = client.post(url, form)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert TagDescription.objects.get(tag=tag).text == "The crowns of Europe."


# The people index ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, filed",
    [
        ("Kanye West", "West, Kanye"),
        ("North West", "West, North"),
        ("Madonna", "Madonna"),
        ("Martin Luther King Jr.", "King, Martin Luther, Jr."),
        ("Jennifer  Lopez", "Lopez, Jennifer"),
    ],
)
def test_people_are_filed_family_name_first(name, filed):
    assert family_name_first(name) == filed


def test_the_sort_key_folds_case_and_accents_and_follows_the_desk():
    assert sort_key("Zoë Kravitz") == "kravitz, zoe"
    assert sort_key("Kim Kardashian West", "Kardashian, Kim") == "kardashian, kim"


class TestPeopleIndex:
    @pytest.fixture
    def wests(self):
        return [
            make_person(name)
            for name in ("Kanye West", "North West", "Saint West", "Psalm West", "Kim Kardashian")
        ]

    def test_sorted_by_family_name_with_the_wests_under_w(self, client, wests):
        make_person("Madonna", sort_name="Madonna")
        make_person("Ángel Óscar Álvarez")
        response = client.get("/people/")
        groups = {letter: [p.name for p in people] for letter, people in response.context["groups"]}
        assert list(groups) == ["A", "K", "M", "W"]
        assert groups["W"] == ["Kanye West", "North West", "Psalm West", "Saint West"]
        assert groups["A"] == ["Ángel Óscar Álvarez"]
        html = html_of(response)
        assert '<h3 class="people-group__letter" id="letter-w">W</h3>' in html

    def test_the_a_to_z_jumps_to_groups_and_greys_out_empty_letters(self, client, wests):
        html = html_of(client.get("/people/"))
        bar = re.search(r'<nav class="a-to-z".*?</nav>', html, re.S).group(0)
        assert '<a href="#letter-w">W</a>' in bar and '<a href="#letter-k">K</a>' in bar
        assert '<span class="a-to-z__empty" aria-disabled="true">B</span>' in bar
        assert 'href="#letter-b"' not in bar and 'id="letter-b"' not in html

    def test_a_letter_on_a_later_page_is_linked_there(self, client, settings):
        for n in range(61):
            make_person(f"Person Adams{n:02d}")
        make_person("Zed Zulu")
        html = html_of(client.get("/people/"))
        assert '<a href="?page=2#letter-z">Z</a>' in html
        page_two = html_of(client.get("/people/?page=2"))
        assert 'id="letter-z"' in page_two and '<a href="#letter-z">Z</a>' in page_two

    def test_one_letter_and_a_search_still_work(self, client, wests):
        response = client.get("/people/?letter=W")
        assert [p.name for p in response.context["page"].object_list] == [
            "Kanye West", "North West", "Psalm West", "Saint West",
        ]  # fmt: skip
        response = client.get("/people/?q=kim")
        assert [p.name for p in response.context["page"].object_list] == ["Kim Kardashian"]

    def test_portrait_cards_or_an_initial(self, client, wests):
        kanye = wests[0]
        portrait = make_photo(people=[kanye], is_portrait=True, alt_text="Kanye West smiling")
        make_photo(people=[wests[1]], is_portrait=False)  # not a portrait: an initial instead
        html = html_of(client.get("/people/"))
        card = re.search(
            r'<li class="person-card">\s*<a class="person-card__link" '
            r'href="/people/kanye-west/">.*?</li>',
            html,
            re.S,
        ).group(0)  # noqa: E501
        assert 'class="person-card__portrait"' in card and 'alt="Kanye West smiling"' in card
        assert portrait.rendition_sources("card", "jpeg")[0]["name"] in card
        north = re.search(r'href="/people/north-west/">.*?</a>', html, re.S).group(0)
        assert '<span class="person-card__initial" aria-hidden="true">N</span>' in north

    def test_an_expired_portrait_is_not_shown(self, client, wests):
        make_photo(
            people=[wests[0]], is_portrait=True, alt_text="Old portrait",
            expires_on=timezone.localdate() - datetime.timedelta(days=1),
        )  # fmt: skip
        assert "Old portrait" not in html_of(client.get("/people/"))

    def test_two_queries_however_many_people_and_portraits(self, client, uncached_pages, wests):
        # Who is filed under each letter; the page, each person with their portrait.
        assert queries_for(client, "/people/") == 2
        for n in range(30):
            person = make_person(f"Extra Person{n}")
            make_photo(people=[person], is_portrait=True)
        assert queries_for(client, "/people/") == 2
        assert queries_for(client, "/people/?letter=P") == 2
        # A search counts its matches too.
        assert queries_for(client, "/people/?q=extra") == 3

    def test_a_renamed_person_moves(self, client):
        person = make_person("Kim Kardashian")
        person.name = "Kim Kardashian West"
        person.save()
        assert Person.objects.get(pk=person.pk).sort_key == "west, kim kardashian"
        person.sort_name = "Kardashian, Kim"
        person.save()
        assert Person.objects.get(pk=person.pk).sort_key == "kardashian, kim"

    def test_bad_addresses_get_a_404_not_a_500(self, client):
        assert client.get("/people/?page=99").status_code == 404
        assert client.get("/people/?letter=%00").status_code == 200


# Search ------------------------------------------------------------------------------


class TestSearchPictures:
    def test_results_with_their_card_photo_and_people_with_portraits(self, client):
        kanye = make_person("Kanye West", aliases="Ye")
        portrait = make_photo(people=[kanye], is_portrait=True, alt_text="Kanye West portrait")
        photo = make_photo(alt_text="Kanye West on stage")
        make_article("Kanye West plays a surprise show", people=[kanye], photo=photo)
        html = html_of(client.get("/search/?q=Kanye"))
        hit = re.search(r'<li class="search-hit">.*?</li>', html, re.S).group(0)
        assert 'class="search-hit__image"' in hit
        assert photo.rendition_sources("card", "jpeg")[0]["name"] in hit
        person = re.search(r'<li class="search-person">.*?</li>', html, re.S).group(0)
        assert portrait.rendition_sources("card", "jpeg")[0]["name"] in person

    def test_pictures_cost_no_query(self, client, uncached_pages):
        kim = make_person("Kim Kardashian")
        make_article("Kim one", people=[kim])
        without = queries_for(client, "/search/?q=Kim")
        make_photo(people=[kim], is_portrait=True)
        for n in range(15):
            make_article(f"Kim story {n}", people=[kim], photo=make_photo())
            make_photo(people=[make_person(f"Kim Other{n}")], is_portrait=True)
        assert queries_for(client, "/search/?q=Kim") == without <= 6


# The 404 page ----------------------------------------------------------------------


class TestNotFound:
    def test_the_designed_page_with_a_search_box(self, client):
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        html = html_of(response)
        assert "We couldn’t find that page" in html
        assert re.search(
            r'<form class="search-box not-found__search" role="search" action="/search/"', html
        )
        assert 'id="not-found-search"' in html
        assert client.get("/stories/no-such-story/").status_code == 404

    def test_it_draws_the_most_read_box_only_when_given_one(self):
        from django.template.loader import render_to_string
        from django.test import RequestFactory

        request = RequestFactory().get("/missing/")
        html = render_to_string("404.html", {"most_read": []}, request=request)
        assert "most-read" not in html

    @pytest.mark.parametrize("url", ["/no-such-page/", "/stories/no-such-story/"])
    def test_the_demo_shows_it_with_debug_on(self, url):
        with override_settings(DEBUG=True, DESIGNED_404=True):
            response = Client().get(url)
        assert response.status_code == 404
        html = html_of(response)
        assert "We couldn’t find that page" in html and "Using the URLconf" not in html

    def test_with_debug_on_and_the_switch_off_django_explains(self):
        with override_settings(DEBUG=True, DESIGNED_404=False):
            response = Client().get("/no-such-page/")
        assert response.status_code == 404
        assert "We couldn’t find that page" not in html_of(response)

    def test_a_missing_slash_still_redirects_in_the_demo(self):
        with override_settings(DEBUG=True, DESIGNED_404=True):
            response = Client().get("/people")
        assert response.status_code == 301 and response["Location"] == "/people/"


# Collage card crops ---------------------------------------------------------------


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def wide_collage_file():
    """Three faces side by side: a red, a green and a blue panel, 1200 by 400."""
    image = Image.new("RGB", (1200, 400), "white")
    for n, colour in enumerate([(220, 0, 0), (0, 160, 0), (0, 0, 220)]):
        image.paste(colour, (n * 400 + 50, 50, n * 400 + 350, 350))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile("collage.png", buffer.getvalue(), content_type="image/png")


def panels_in_card(photo, root):
    card = photo.rendition_sources("card", "jpeg")[-1]
    with Image.open(Path(root) / card["name"]) as crop:
        row = [crop.getpixel((x, crop.height // 2)) for x in range(crop.width)]
    return {
        name
        for name, test in {
            "red": lambda p: p[0] > 180 and p[1] < 80 and p[2] < 80,
            "green": lambda p: p[1] > 120 and p[0] < 80 and p[2] < 80,
            "blue": lambda p: p[2] > 180 and p[0] < 80 and p[1] < 80,
        }.items()
        if any(test(pixel) for pixel in row)
    }


class TestCollageCards:
    def test_a_collage_card_keeps_every_face(self, media_root):
        photo = make_photo(
            [(PhotoCredit.Role.COLLAGE,), ("agency", "IMAGO")], image=wide_collage_file()
        )
        assert photo.renditions["card"] == renditions.CARD_WHOLE
        assert panels_in_card(photo, media_root) == {"red", "green", "blue"}
        card = photo.rendition_sources("card", "jpeg")[-1]
        assert (card["width"], card["height"]) == (480, 360)

    def test_a_single_photo_is_cut_around_its_focal_point(self, media_root):
        photo = make_photo([("agency", "IMAGO")], image=wide_collage_file(), focal_x=15)
        assert photo.renditions["card"] == renditions.CARD_AROUND_FOCAL_POINT
        assert "blue" not in panels_in_card(photo, media_root)

    def test_the_card_follows_the_credits(self, media_root):
        photo = make_photo([("agency", "IMAGO")], image=wide_collage_file(), focal_x=15)
        assert "blue" not in panels_in_card(photo, media_root)
        old = {item["name"] for item in photo.renditions["items"]}
        credit = add_credit(photo, PhotoCredit.Role.COLLAGE, order=0)
        photo.refresh_from_db()
        assert photo.renditions["card"] == renditions.CARD_WHOLE
        assert panels_in_card(photo, media_root) == {"red", "green", "blue"}
        # New names for the new cut, the old card files gone.
        cards = {i["name"] for i in photo.renditions["items"] if i["crop"] == "card"}
        assert not cards & old
        assert not [n for n in old - cards if "-card-" in n and (media_root / n).exists()]
        credit.delete()
        photo.refresh_from_db()
        assert photo.renditions["card"] == renditions.CARD_AROUND_FOCAL_POINT

    def test_deleting_a_collage_leaves_no_files(self, media_root):
        photo = make_photo([(PhotoCredit.Role.COLLAGE,)], image=wide_collage_file())
        photo.delete()
        assert not [p for p in Path(media_root).rglob("*") if p.is_file()]
