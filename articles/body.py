"""What a story's body says, and how it reads on the page.

The stored body is clean HTML (see ``sanitize``). Three things in it are
rendered, never stored: the first mention of each tagged person becomes a
link with their age on the publication date, ``[teaser: slug]`` markers
become small cards for other stories, and ``[photo: id]`` markers become the
photo readers may see, with its caption and credit line. The same reading of
the text powers the desk's checks: ages printed by hand that disagree with the
computed ones, and people named in the text but not tagged.
"""

import html
import math
import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

WORDS_PER_MINUTE = 230
# Search results show about this many characters of a headline.
HEADLINE_SEARCH_LENGTH = 60
#: About what a shared card's headline shows before it is cut.
SOCIAL_TITLE_LENGTH = 70
#: What search results and cards show of the description (the standfirst).
DESCRIPTION_LENGTH = 160

TEASER = re.compile(r"\[teaser:\s*([^\]\s]+)\s*\]")
# A marker on a paragraph of its own is replaced with the paragraph.
TEASER_PARAGRAPH = re.compile(r"<p>\s*\[teaser:\s*([^\]\s]+)\s*\]\s*</p>")
# A photo marker names the photo by its number; only one on a paragraph of its
# own is shown (a figure cannot stand inside a paragraph).
PHOTO = re.compile(r"\[photo:\s*([^\]\s]+)\s*\]")
PHOTO_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;)*\[photo:\s*([^\]\s]+)\s*\](?:\s|&nbsp;)*</p>")
# Longer numbers name no photo (and would overflow SQLite's integers).
PHOTO_ID = re.compile(r"[0-9]{1,18}")
MARKERS = re.compile(rf"{TEASER.pattern}|{PHOTO.pattern}")
STORY_URL = re.compile(r"/stories/([-\w]+)/?$")
TAG = re.compile(r"(<[^>]+>)")
PRINTED_AGE = r"\s*\((\d{1,3})\)"


def teaser_slug(target):
    """A marker's target as a slug: editors may paste the story's URL instead."""
    match = STORY_URL.search(target)
    return match.group(1) if match else target.strip("/")


def teaser_slugs(body):
    """The slugs of the stories teased in ``body``, in order, each once."""
    return list(dict.fromkeys(teaser_slug(target) for target in TEASER.findall(body or "")))


def photo_id(target):
    """A photo marker's target as a photo's id, or None when it cannot be one."""
    return int(target) if PHOTO_ID.fullmatch(target) else None


def photo_markers(body):
    """``(target, on a paragraph of its own)`` for each photo marker in ``body``, in order."""
    body = body or ""
    own = {match.start(1) for match in PHOTO_PARAGRAPH.finditer(body)}
    return [(match.group(1), match.start(1) in own) for match in PHOTO.finditer(body)]


def photo_ids(body):
    """The ids of the photos placed in ``body`` (on paragraphs of their own), each once."""
    ids = (photo_id(target) for target in PHOTO_PARAGRAPH.findall(body or ""))
    return list(dict.fromkeys(pk for pk in ids if pk is not None))


def plain_text(body):
    """The body's words without markup, with teaser and photo markers dropped."""
    text = MARKERS.sub(" ", TAG.sub(" ", body or ""))
    return " ".join(html.unescape(text).split())


def word_count(text):
    return len(text.split())


def reading_minutes(words):
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0


def _names_pattern(names):
    names = sorted({name for name in names if name}, key=len, reverse=True)
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in names)
    return rf"(?<!\w)(?:{alternatives})(?!\w)"


#: The most words a name or alias is looked up by in a text.
LONGEST_NAME = 6
#: Beyond this many word runs a text is compared with every name instead.
MOST_RUNS = 12_000
WORDS = re.compile(r"\w+")


def word_runs(text):
    """Every run of one to ``LONGEST_NAME`` whole words of ``text``, as written.

    A name or alias mentioned in the text is one of these, so people named in
    it are found by equality, through an index, instead of by testing every
    person's name against the text. None for a text too long to list them.
    """
    spans = [match.span() for match in WORDS.finditer(text)]
    if len(spans) * LONGEST_NAME > MOST_RUNS:
        return None
    return {
        text[start:end]
        for i, (start, _) in enumerate(spans)
        for _, end in spans[i : i + LONGEST_NAME]
    }


def mention_names(person):
    """The names a person is mentioned by in full: their name and aliases."""
    return [person.name, *person.alias_list]


def check_names(person):
    """The names an age may be printed after: name, aliases and first name."""
    return [*mention_names(person), person.name.split()[0]]


# Reading -----------------------------------------------------------------------


def link_people(body, person_links):
    """``body`` with each tagged person's first mention linked and aged.

    ``person_links`` are the story's ArticlePerson rows (with their person
    prefetched): no query is made. An age typed by hand right after the
    mention is replaced by the computed one; text already inside a link is
    left alone.
    """
    pending = []
    for link in person_links:
        pattern = _names_pattern(
            html.escape(name, quote=False) for name in mention_names(link.person)
        )
        if pattern:
            pending.append((re.compile(pattern + rf"(?:{PRINTED_AGE})?"), link))
    if not pending:
        return body
    parts = TAG.split(body)
    in_link = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            if re.match(r"<a[\s>]", part):
                in_link += 1
            elif part.startswith("</a"):
                in_link = max(0, in_link - 1)
            continue
        if in_link or not pending:
            continue
        out, position = [], 0
        while pending:
            found = [(m, entry) for entry in pending if (m := entry[0].search(part, position))]
            if not found:
                break
            match, entry = min(found, key=lambda item: item[0].start())
            pending.remove(entry)
            name = match.group(0)
            if match.group(1):
                name = name[: match.start(1) - match.start(0)].rstrip().rstrip("(").rstrip()
            out.append(part[position : match.start()])
            out.append(_mention(entry[1], name))
            position = match.end()
        out.append(part[position:])
        parts[index] = "".join(out)
    return "".join(parts)


def _mention(link, name):
    age = link.age_at_publication()
    anchor = format_html(
        '<a class="person-mention" href="{}">{}</a>',
        link.person.get_absolute_url(),
        # Safe: already-escaped text from the clean body.
        mark_safe(name),  # noqa: S308  # nosec
    )
    return f"{anchor} ({age})" if age is not None else str(anchor)


def place_teasers(body, stories):
    """``body`` with its teaser markers replaced by cards for ``stories``.

    ``stories`` maps slug to a story readers may see; a marker whose story is
    not there (unpublished, scheduled, deleted) disappears without a trace.
    """

    def card(match):
        story = stories.get(teaser_slug(match.group(1)))
        if story is None:
            return ""
        return render_to_string("includes/_inline_teaser.html", {"story": story})

    return TEASER.sub(card, TEASER_PARAGRAPH.sub(card, body))


def place_photos(body, photos):
    """``body`` with its photo markers replaced by ``photos``, each with caption and credit line.

    ``photos`` maps a marker's id to the photo readers see in its place (its
    replacement once expired), credits prefetched; a marker whose id is not
    there (unknown, withdrawn, expired without replacement) leaves nothing,
    as does one inside a paragraph of other text.
    """

    def figure(match):
        photo = photos.get(photo_id(match.group(1)))
        if photo is None:
            return ""
        return render_to_string("includes/_photo.html", {"photo": photo})

    return PHOTO.sub("", PHOTO_PARAGRAPH.sub(figure, body))


def render_body(article, person_links, teased, photos=None):
    """The body as readers see it (see the module docstring)."""
    body = place_teasers(link_people(article.body, person_links), teased)
    return mark_safe(place_photos(body, photos or {}))  # noqa: S308  # nosec


# Checking ----------------------------------------------------------------------


@dataclass(frozen=True)
class AgeMismatch:
    person: object
    written: str
    printed: int
    right: int

    def __str__(self):
        return (
            f"{self.person.name}: the text says “{self.written}”, but on the publication "
            f"date they are {self.right}."
        )


def age_mismatches(article, people, when=None):
    """Ages printed after a tagged person's name that disagree with the computed age.

    ``when`` is the publication moment to check against (the story's, or
    now when it has none yet).
    """
    from django.utils import timezone

    when = when or article.published_at or timezone.now()
    text = plain_text(" ".join([article.headline, article.standfirst, article.body]))
    found = []
    for person in people:
        right = person.age_on(when)
        pattern = _names_pattern(check_names(person))
        if right is None or pattern is None:
            continue
        for match in re.finditer(pattern + PRINTED_AGE, text):
            printed = int(match.group(1))
            if printed != right:
                found.append(AgeMismatch(person, match.group(0), printed, right))
    return found


def mentioned_people(text, candidates):
    """Those of ``candidates`` whose name or an alias occurs in ``text`` as whole words."""
    text = plain_text(text)
    return [
        person
        for person in candidates
        if (pattern := _names_pattern(mention_names(person))) and re.search(pattern, text)
    ]
