"""Stored XSS: known payloads in every field the desk fills, rendered in a real browser.

Each payload goes into each text field an editor or staff member can fill, and
every page that shows the field is opened in Chromium: the reading pages and
the admin's lists and forms. Nothing may run. The browser listens for dialogs
(``alert``/``confirm``/``prompt``), uncaught errors, console errors and CSP
violations; a payload that ran ``window.__xss = 1`` is caught by its canary;
event-handler attributes, ``javascript:`` links and frames must not appear in
the page at all; template syntax must stay text.

A new text field (a relationship note, a correction) is one more line in
``FIELDS``: the object that carries it in a slot, the field, and the pages
that show it.
"""

import asyncio
import datetime
import math
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import (
    Article,
    ArticlePerson,
    Correction,
)
from people.models import Person, Relationship
from photos.models import CreditSource, Photo, PhotoCredit

from .browser import CHROMIUM_ARGS, chromium_path, sign_in_cookie
from .factories import make_image_file, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


PAYLOADS = [
    line
    for line in (Path(__file__).parent / "fixtures" / "xss_payloads.txt").read_text().splitlines()
    if line.strip() and not line.startswith("# ")
]
# What a template-injection payload would print if stored text were rendered as a template.
TEMPLATE_CANARY = "1000007"


@dataclass(frozen=True)
class Field:
    carrier: str  # which object of a slot holds the field
    name: str
    pages: frozenset
    # Where stored HTML is parsed (the body), a few payloads a value, so that an
    # unclosed tag in one payload hides few others from the parser.
    pack: int = 0


def field(carrier, name, *pages, pack=0):
    return Field(carrier, name, frozenset(pages), pack)


# Pages: "story", "person", "tag" (the reader pages of the objects carrying the
# value), "home" (the front page's cards), "admin <model>" (its change form) and
# "admin <model> list" (its change list). A field shown in an admin list is
# checked there for every value, and in the change form for the slots that
# carry a form-only field.
FIELDS = [
    field("article", "headline", "story", "person", "tag", "home", "admin story list"),
    field("article", "standfirst", "story", "person", "tag", "home", "admin story"),
    field("article", "dateline", "story", "admin story"),
    field("article", "body", "story", "admin story", pack=10),
    field("photo", "caption", "story", "admin photo", "admin photo list"),
    field("photo", "alt_text", "story", "person", "tag", "home", "admin photo list"),
    field("agency_credit", "name", "story", "admin photo list"),
    field("screenshot_credit", "platform", "story", "admin photo list"),
    field("screenshot_credit", "name", "story", "admin photo list"),
    field("person", "name", "story", "person", "admin person list", "admin story list"),
    field("person", "aliases", "person", "admin person"),
    field("person", "known_for", "story", "person", "admin person list"),
    field("person", "bio", "person", "admin person"),
    field("person", "instagram", "person", "admin person"),
    field("tag", "name", "story", "tag", "admin tag list", "admin story list"),
    field("correction", "text", "story", "admin story"),
    field("relationship", "note", "admin relationship"),
]
# The Instagram handle's validator refuses every payload: none can be stored there.
REFUSED_BY_VALIDATION = {("person", "instagram")}

MODELS = {
    "article": Article,
    "photo": Photo,
    "agency_credit": CreditSource,
    "screenshot_credit": CreditSource,
    "person": Person,
    "tag": Tag,
    "correction": Correction,
    "relationship": Relationship,
}
# How many of each carrier a slot has: a story has one photo, but the photo
# several credits, and the story several people and tags.
PER_SLOT = {"agency_credit": 3, "screenshot_credit": 6, "person": 3, "tag": 3}


def accepted(spec, payload):
    """Whether the field's own form validation lets ``payload`` through."""
    model_field = MODELS[spec.carrier]._meta.get_field(spec.name)
    try:
        model_field.clean(payload, None)
    except ValidationError:
        return False
    return True


def values_for(spec):
    """The payloads the field accepts, packed into values that fit the field."""
    payloads = [payload for payload in PAYLOADS if accepted(spec, payload)]
    if spec.pack:
        return [
            "\n".join(f"<p>{p}</p>" for p in payloads[i : i + spec.pack])
            for i in range(0, len(payloads), spec.pack)
        ]
    limit = MODELS[spec.carrier]._meta.get_field(spec.name).max_length or 2000
    values, current = [], ""
    for payload in payloads:
        joined = f"{current} {payload}" if current else payload
        if len(joined) <= limit:
            current = joined
        else:
            values.append(current)
            current = payload
    return values + ([current] if current else [])


class Slots:
    """Stories, each with its photo, credits, people and tags, carrying the values.

    Value ``j`` of a field goes to carrier ``j % PER_SLOT`` of slot ``j // PER_SLOT``;
    ``pages`` collects, for each URL, whether a value is shown there.
    """

    def __init__(self, now):
        self.values = {spec: values_for(spec) for spec in FIELDS}
        self.count = max(
            math.ceil(len(v) / PER_SLOT.get(spec.carrier, 1)) for spec, v in self.values.items()
        )
        self.urls = {}
        self.articles = []
        for k in range(self.count):
            self.build(k, now)

    def value(self, carrier, name, k, i, filler):
        for spec, values in self.values.items():
            j = k * PER_SLOT.get(carrier, 1) + i
            if (spec.carrier, spec.name) == (carrier, name) and j < len(values):
                return values[j]
        return filler

    def carried(self, carrier, k, i):
        """The pages that show a value held by carrier ``i`` of slot ``k``."""
        j = k * PER_SLOT.get(carrier, 1) + i
        return set().union(
            *(
                spec.pages
                for spec, v in self.values.items()
                if spec.carrier == carrier and j < len(v)
            )
        )

    def show(self, url, pages, page):
        if page in pages:
            self.urls[url] = True

    def build(self, k, now):
        v = self.value
        people = [
            Person.objects.create(
                slug=f"xss-person-{k}-{i}",
                name=v("person", "name", k, i, f"Person {k}.{i}"),
                aliases=v("person", "aliases", k, i, ""),
                known_for=v("person", "known_for", k, i, ""),
                bio=v("person", "bio", k, i, ""),
                instagram=v("person", "instagram", k, i, ""),
            )
            for i in range(PER_SLOT["person"])
        ]
        tags = [
            Tag.objects.create(slug=f"xss-tag-{k}-{i}", name=v("tag", "name", k, i, f"tag {k}.{i}"))
            for i in range(PER_SLOT["tag"])
        ]
        photo = Photo.objects.create(
            image=make_image_file(f"xss-{k}.png", size=(4, 3)),
            alt_text=v("photo", "alt_text", k, 0, f"Photo {k}"),
            caption=v("photo", "caption", k, 0, ""),
        )
        # Credits name their sources: the values go into the sources' names.
        for i in range(PER_SLOT["agency_credit"]):
            agency, _ = CreditSource.objects.get_or_create(
                kind="agency",
                platform="",
                name=v("agency_credit", "name", k, i, f"Agency {k}.{i}"),
            )
            PhotoCredit.objects.create(photo=photo, role="agency", order=i, source=agency)
        for i in range(PER_SLOT["screenshot_credit"]):
            account, _ = CreditSource.objects.get_or_create(
                kind="account",
                platform=v("screenshot_credit", "platform", k, i, "Instagram"),
                name=v("screenshot_credit", "name", k, i, f"account{k}.{i}"),
            )
            PhotoCredit.objects.create(photo=photo, role="screenshot", order=10 + i, source=account)
        article = Article.objects.create(
            slug=f"xss-story-{k}",
            headline=v("article", "headline", k, 0, f"Story {k}"),
            standfirst=v("article", "standfirst", k, 0, ""),
            dateline=v("article", "dateline", k, 0, ""),
            body=v("article", "body", k, 0, ""),
            status=Article.Status.PUBLISHED,
            published_at=now - datetime.timedelta(minutes=k + 1),
            lead_photo=photo,
        )
        for i, person in enumerate(people):
            ArticlePerson.objects.create(article=article, person=person, is_main=i == 0, order=i)
        article.tags.add(*tags)
        self.articles.append(article)
        correction = v("correction", "text", k, 0, "")
        if correction:
            Correction.objects.create(article=article, text=correction)
        tie = Relationship.objects.create(
            person=people[0],
            other=people[1],
            kind="sibling",
            note=v("relationship", "note", k, 0, ""),
        )
        self.show(
            reverse("admin:people_relationship_change", args=[tie.pk]),
            self.carried("relationship", k, 0),
            "admin relationship",
        )

        on_story = set().union(
            self.carried("article", k, 0),
            self.carried("photo", k, 0),
            self.carried("correction", k, 0),
            *(self.carried(c, k, i) for c in PER_SLOT for i in range(PER_SLOT[c])),
        )
        self.show(article.get_absolute_url(), on_story, "story")
        self.show(
            reverse("admin:articles_article_change", args=[article.pk]), on_story, "admin story"
        )
        self.show(reverse("admin:photos_photo_change", args=[photo.pk]), on_story, "admin photo")
        for i, person in enumerate(people):
            on_person = (
                self.carried("person", k, i)
                | self.carried("article", k, 0)
                | self.carried("photo", k, 0)
            )
            self.show(person.get_absolute_url(), on_person, "person")
            self.show(
                reverse("admin:people_person_change", args=[person.pk]), on_person, "admin person"
            )
        for i, tag in enumerate(tags):
            on_tag = (
                self.carried("tag", k, i)
                | self.carried("article", k, 0)
                | self.carried("photo", k, 0)
            )
            self.show(reverse("tag", args=[tag.slug]), on_tag, "tag")

    def list_urls(self):
        lists = ["articles_article", "photos_photo", "people_person", "taggit_tag"]
        pages = math.ceil(self.count * max(PER_SLOT.values()) / 100)
        return [
            reverse(f"admin:{name}_changelist") + (f"?p={page}" if page else "")
            for name in lists
            for page in range(pages)
        ]


WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""

INSPECT = r"""
() => {
  const bad = [];
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background'];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) bad.push(`${el.tagName} ${a.name}`);
      if (urlAttrs.includes(a.name) && /^\s*(javascript|vbscript|data:text)/i.test(a.value))
        bad.push(`${el.tagName} ${a.name}=${a.value}`);
    }
  }
  // The story form's own live preview (our template, sandboxed, no address of its own) is expected.
  const ours = 'section.live-preview > .live-preview__frame > iframe[name="live-preview"]'
    + '[sandbox]:not([src]):not([srcdoc])';
  for (const el of document.querySelectorAll('iframe, frame, frameset, object, embed, base'))
    if (!el.matches(ours)) bad.push(el.tagName);
  return {canary: window.__xss, csp: window.__csp, bad: bad};
}
"""


IGNORED_CONSOLE = "Failed to load resource: net::ERR_FAILED"  # the requests we abort


async def check_pages(
    chromium, base_url, cookie, urls, rounds, promote, concurrency=3, canned=None
):
    """Open ``urls`` (``concurrency`` at a time), then the front page once per round.

    Returns what went wrong: (url, kind, detail) for each dialog, error, console
    error, CSP violation, canary, dangerous element or rendered template.
    ``canned`` maps URLs to HTML served instead of the site's (to test the watch).
    """
    canned = canned or {}
    from playwright.async_api import async_playwright

    problems = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = await browser.new_context()
        await context.add_cookies([cookie])
        await context.add_init_script(WATCH)

        # Images, fonts and style sheets are not fetched: a payload's image then
        # fails at once, which fires its onerror as surely as a broken URL would.
        async def handle(route):
            if route.request.url in canned:
                await route.fulfill(body=canned[route.request.url], content_type="text/html")
            elif route.request.resource_type in {"image", "font", "stylesheet", "media"}:
                await route.abort()
            else:
                await route.continue_()

        await context.route("**/*", handle)

        async def visit(page, url):
            page.current_url = url
            response = await page.goto(base_url + url, wait_until="load")
            if response.status != 200:
                problems.append((url, "status", response.status))
            # Let focus, toggle and animation events fire.
            await page.evaluate(
                "() => new Promise(r => requestAnimationFrame(() => setTimeout(r)))"
            )
            found = await page.evaluate(INSPECT)
            if found["canary"] or found["csp"] or found["bad"]:
                problems.append((url, "dom", found))
            if TEMPLATE_CANARY in await page.content():
                problems.append((url, "template", TEMPLATE_CANARY))

        async def new_page():
            page = await context.new_page()
            page.current_url = None

            async def on_dialog(dialog):
                problems.append((page.current_url, "dialog", dialog.message))
                await dialog.dismiss()

            page.on("dialog", on_dialog)
            page.on("pageerror", lambda e: problems.append((page.current_url, "error", str(e))))
            page.on(
                "console",
                lambda m: (
                    m.type == "error"
                    and IGNORED_CONSOLE not in m.text
                    and problems.append((page.current_url, "console", m.text))
                ),
            )
            return page

        queue = asyncio.Queue()
        for url in urls:
            queue.put_nowait(url)

        async def worker():
            page = await new_page()
            while not queue.empty():
                await visit(page, queue.get_nowait())

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        page = await new_page()
        for batch in rounds:
            promote(batch)
            await visit(page, "/")
        await browser.close()
    return problems


def test_no_payload_runs_anywhere(live_server):
    chromium = chromium_path()
    assert len(PAYLOADS) >= 100
    refused = {
        (spec.carrier, spec.name)
        for spec in FIELDS
        if not any(accepted(spec, payload) for payload in PAYLOADS)
    }
    assert refused == REFUSED_BY_VALIDATION

    now = timezone.now()
    slots = Slots(now)
    editor = make_user("desk", is_staff=True, is_superuser=True)
    cookie = sign_in_cookie(live_server.url, editor)

    # The front page shows the 21 newest stories: each round brings the next 21 to the top.
    base = now - datetime.timedelta(hours=slots.count // 21 + 2)
    rounds = [slots.articles[start : start + 21] for start in range(0, slots.count, 21)]

    def promote(batch):
        start = rounds.index(batch)
        for i, article in enumerate(batch):
            Article.objects.filter(pk=article.pk).update(
                published_at=base + datetime.timedelta(hours=start, seconds=i)
            )
        # Called inside the event loop, where Django keeps a connection per task:
        # close it here, or it outlives the test and blocks dropping the test database.
        connection.close()

    def run():
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        result.extend(
            asyncio.run(
                check_pages(
                    chromium,
                    live_server.url,
                    cookie,
                    [*slots.urls, *slots.list_urls()],
                    rounds,
                    promote,
                    concurrency=concurrency,
                )
            )
        )

    # The live server shares one connection among its threads for an in-memory
    # SQLite database, so pages are opened one at a time there.
    concurrency = 1 if connection.vendor == "sqlite" else 3
    # Playwright's async API in a thread of its own, away from this test's event loop.
    result = []
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert not result, result[:10]


def test_the_watch_catches_what_it_must(live_server):
    """Pages that do let a payload through are reported, each by what gave it away."""
    chromium = chromium_path()
    leaks = {
        "/leak/dialog/": "<p>x</p><img src=x onerror=alert(1)>",
        "/leak/canary/": "<svg onload=window.__xss=1></svg>",
        "/leak/link/": '<a href="javascript:void(0)">x</a>',
        "/leak/template/": f"<p>{TEMPLATE_CANARY}</p>",
        "/leak/frame/": "<iframe srcdoc='x'></iframe>",
    }
    canned = {live_server.url + url: html for url, html in leaks.items()}
    cookie = {"name": "x", "value": "y", "url": live_server.url}
    problems = []

    def run():
        problems.extend(
            asyncio.run(
                check_pages(chromium, live_server.url, cookie, list(leaks), [], None, canned=canned)
            )
        )

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    kinds = {(url, kind) for url, kind, _ in problems}
    assert ("/leak/dialog/", "dialog") in kinds
    assert ("/leak/canary/", "dom") in kinds
    assert ("/leak/link/", "dom") in kinds
    assert ("/leak/template/", "template") in kinds
    assert ("/leak/frame/", "dom") in kinds
