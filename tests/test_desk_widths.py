"""Every desk page fits the screen: no sideways scrolling, no table with hidden columns.

Each page is opened at 1280 px (a laptop) as a superuser, the story form also
at 390 px (a phone), with enough data to fill the wide parts: a person with
several ties and aliases, a photo with several credits and a long caption, a
story with people, tags and a correction.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Correction
from photos.models import CreditSource

from .browser import ARTIFACTS, sign_in_cookie
from .factories import (
    make_article,
    make_image_file,
    make_person,
    make_photo,
    make_relationship,
    make_user,
)
from .test_browser_quality import serve_media

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# What overflows on the page: the document's own width, and every table or
# inline whose content is wider than its box (so columns sit behind a scroll).
MEASURE = """() => {
  const cut = [];
  const named = (el) => el.id || el.closest("[id]")?.id || el.className || el.tagName;
  // Tables, and the boxes that scroll sideways (the stock admin wraps inlines
  // and result lists in them), must show all they hold. Form fields and the
  // pickers' one-line labels may scroll or clip their own text.
  for (const el of document.querySelectorAll("body *:not(option, svg *)")) {
    if (el.offsetParent === null || el.clientWidth === 0) continue;  // hidden or inline
    if (["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName)) continue;
    const scrolls = ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    if ((scrolls || el.tagName === "TABLE") && el.scrollWidth > el.clientWidth + 1) {
      cut.push(`${named(el)} (${el.scrollWidth} px in ${el.clientWidth} px)`);
    }
  }
  // The last cell of each table row (Delete, on an inline) must end inside the window.
  for (const row of document.querySelectorAll("table tr")) {
    const last = row.lastElementChild;
    if (!last || row.offsetParent === null) continue;
    const right = last.getBoundingClientRect().right + window.scrollX;
    if (right > window.innerWidth + 1) {
      cut.push(`${named(row)}: last column ends at ${Math.round(right)} px`);
      break;
    }
  }
  return {width: document.documentElement.scrollWidth, cut: [...new Set(cut)]};
}"""


@pytest.fixture
def editor():
    return make_user("desk", is_staff=True, is_superuser=True, first_name="Jo", last_name="Desk")


@pytest.fixture
def desk_pages(editor):
    kim = make_person(
        "Kimberly Noel Kardashian", birth_date="1980-10-21", birth_place="Los Angeles, California",
        known_for="entrepreneur and television personality",
        aliases="Kim K, Kim Kardashian West, Kimberly Kardashian, KKW, Kim Kardashian-West",
        bio="Businesswoman and television personality.", instagram="kimkardashian",
    )  # fmt: skip
    others = [
        make_person(name, birth_date=born)
        for name, born in [
            ("Kanye Omari West", "1977-06-08"),
            ("Kris Humphries", "1985-02-06"),
            ("Damon Thomas", "1970-05-01"),
            ("North West", "2013-06-15"),
            ("Saint West", "2015-12-05"),
        ]
    ]
    kanye, kris, damon, north, saint = others
    mother = make_person("Kristen Mary Jenner", birth_date="1955-11-05")
    marriage = make_relationship(kim, kanye, "spouse", started="2014-05-24",
                                 ended="2022-11-29", end_reason="divorce",
                                 place="Florence, Italy")  # fmt: skip
    make_relationship(kim, kris, "spouse", started="2011-08-20", ended="2013-06-03",
                      end_reason="divorce", place="Montecito, California")  # fmt: skip
    make_relationship(kim, damon, "spouse", started="2000-01-01", ended="2004-01-01",
                      end_reason="divorce")  # fmt: skip
    make_relationship(kim, north, "parent")
    make_relationship(kim, saint, "parent")
    make_relationship(mother, kim, "parent")
    photo = make_photo(
        [
            ("collage",),
            ("agency", "IMAGO / Future Image International Press Agency"),
            ("photographer", "Alexandra Wilhelmina Featherstonehaugh-Smythe"),
            ("screenshot", "", "Instagram", "kimkardashianwestofficialaccount"),
            ("agency", "Getty Images North America"),
        ],
        caption="Kim Kardashian and Kanye West arrive at the Metropolitan Museum of Art "
        "Costume Institute Gala celebrating the opening of the spring exhibition",
        alt_text="Kim Kardashian in a white gown beside Kanye West on the museum steps",
        people=[kim, kanye], image=make_image_file(size=(960, 640)),
        expires_on=timezone.localdate() + datetime.timedelta(days=20),
        restrictions="Editorial use only; no use in advertising, merchandising or "
        "promotional material without the agency's written consent.",
    )  # fmt: skip
    for n in range(3):
        make_photo([("agency", f"Agency number {n}")], caption=f"Another photo {n}")
    story = make_article(
        "Kanye West is very sad about the divorce and says so at unusual length today",
        people=[kim, kanye, kris, north, mother], main=kim, photo=photo,
        tags=["divorce", "Kardashians", "celebrity weddings and the end of them"],
        standfirst="A long estrangement is about to end.", dateline="Calabasas, California",
        body="<p>The couple have lived apart.</p>", authors=[editor],
    )  # fmt: skip
    make_article("Earlier story", people=[kanye], tags=["divorce"])
    for n in range(3):
        make_article(f"Kim Kardashian's wedding dress goes on show in a museum, part {n}",
                     people=[kim], photo=photo)  # fmt: skip
    Correction.objects.create(
        article=story,
        text="An earlier version of this story gave the wrong date for the wedding in Florence.",
    )
    source = CreditSource.objects.order_by("pk").first()
    admin = "admin:{}".format
    return {
        "admin index": reverse("admin:index"),
        "story list": reverse(admin("articles_article_changelist")),
        "story add form": reverse(admin("articles_article_add")),
        "story change form": reverse(admin("articles_article_change"), args=[story.pk]),
        "person list": reverse(admin("people_person_changelist")),
        "person change form": reverse(admin("people_person_change"), args=[kim.pk]),
        "tie list": reverse(admin("people_relationship_changelist")),
        "tie form": reverse(admin("people_relationship_change"), args=[marriage.pk]),
        "photo list": reverse(admin("photos_photo_changelist")),
        "expiring photos": reverse(admin("photos_photo_expiring")),
        "photo add form": reverse(admin("photos_photo_add")),
        "photo change form": reverse(admin("photos_photo_change"), args=[photo.pk]),
        "credit source list": reverse(admin("photos_creditsource_changelist")),
        "credit source form": reverse(admin("photos_creditsource_change"), args=[source.pk]),
        "tag list": reverse(admin("taggit_tag_changelist")),
        "user list": reverse(admin("auth_user_changelist")),
        "user form": reverse(admin("auth_user_change"), args=[editor.pk]),
    }


def overflows(browser, live_server, user, viewport, pages):
    """Each page that is wider than ``viewport`` or hides table columns, with its widths."""
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(10_000)
    context.add_cookies([sign_in_cookie(live_server.url, user)])
    # The test server does not serve uploads: the renditions are served from disk,
    # so thumbnails and the preview take their real room.
    context.route("**/media/**", serve_media)
    page = context.new_page()
    ARTIFACTS.mkdir(exist_ok=True)
    found = []
    try:
        for name, url in pages.items():
            response = page.goto(live_server.url + url, wait_until="load")
            assert response.status == 200, f"{name}: {url} answered {response.status}"
            measured = page.evaluate(MEASURE)
            print(f"{name} at {viewport['width']} px: {measured}")  # noqa: T201 - shown with -s
            if measured["width"] > viewport["width"] or measured["cut"]:
                # A picture of each page that does not fit, for a person to look at.
                shot = f"desk-{name.replace(' ', '-')}-{viewport['width']}.png"
                page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
                problems = [f"{measured['width']} px wide", *measured["cut"]]
                found.append(f"{name} at {viewport['width']} px: " + "; ".join(problems))
    finally:
        context.close()
    return found


def test_desk_pages_fit_a_laptop_and_the_story_form_a_phone(
    browser, live_server, editor, desk_pages
):
    found = overflows(browser, live_server, editor, DESKTOP, desk_pages)
    story_forms = {k: v for k, v in desk_pages.items() if k.startswith("story") and "form" in k}
    found += overflows(browser, live_server, editor, PHONE, story_forms)
    assert not found, "Pages wider than the screen:\n" + "\n".join(found)
