"""Site search over published stories and the people they are about.

On PostgreSQL a story is found by full-text search over a weighted vector
(headline A, standfirst B, body C) that the database stores with each story
and keeps current itself (column ``search_document``, kept by a trigger and
served by a GIN index, see ``articles.search_document``), ranked by ``ts_rank`` and
highlighted by ``ts_headline``. SQLite has no full-text
search built into Django, so there the same questions are answered honestly
and more simply: every word must start a word somewhere in the story (no
stemming), and a word in the headline counts for more than one in the
standfirst, which counts for more than one in the body; snippets are
highlighted in Python.

Either way, a story about a person whose name or alias matches the query is
found too, and ranks higher: searching "Ye" finds stories about Kanye West.

A search costs the same whatever the words: only the newest
``TEXT_CANDIDATES`` stories matching the words and the newest
``PERSON_CANDIDATES`` about each person shown are ranked, and only the page
shown is highlighted. A common word in 50,000 stories ranks 500 of them, and
the count says "500+". On PostgreSQL the newest matches are looked for in the
last month first (``SEARCH_WINDOWS``), so a star's name costs a month's stories.

Highlighting is safe by construction: everything is escaped first, and only
the ``<mark>`` elements added here are markup.
"""

import datetime
import html
import re
import unicodedata
from dataclasses import dataclass

from django.db import connection, models
from django.db.models import Case, FloatField, Q, Value, When
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join, strip_tags
from django.utils.safestring import mark_safe

from articles.search_document import CONFIG, story_document
from people.models import Person, name_key
from reading.listings import PEOPLE
from reading.people_index import with_portrait

#: The longest query the site accepts; longer ones get a 400 page.
MAX_QUERY_LENGTH = 200
#: At most this many words of a query are used on SQLite.
MAX_WORDS = 10
#: People shown above the stories.
PEOPLE_SHOWN = 8
#: How much being about a matching person adds to a story's rank.
PERSON_BOOST = 0.5
#: Ranked: the newest stories matching the words, at most this many...
TEXT_CANDIDATES = 500
#: Where the newest matches are looked for, one step after another (PostgreSQL).
SEARCH_WINDOWS = (datetime.timedelta(days=31), datetime.timedelta(days=366), None)
#: ...and the newest stories about each person shown, at most this many each.
PERSON_CANDIDATES = 20
#: Shorter words match only whole words on SQLite, longer ones as prefixes too.
PREFIX_LENGTH = 4
#: Characters either side of the first hit in a SQLite snippet.
SNIPPET_RADIUS = 120

# Private-use characters mark hits in text coming back from ts_headline, so
# the text can be escaped whole before the marks become <mark> elements.
START, STOP = "\ue000", "\ue001"


def uses_full_text():
    return connection.vendor == "postgresql"


def normalise(text):
    """The query as searched: control characters dropped, white space folded."""
    printable = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch)[0] != "C")
    return " ".join(printable.split())


def words_of(text):
    """The words of a query, without web-search operators (quotes, a leading minus)."""
    words = []
    for word in re.findall(r"[\w'’.-]+", text):
        word = word.strip("'’.-")
        if word and word.lower() not in ("or", "and") and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def people_matching(text):
    """People whose name or an alias matches, best matches first, each with their
    portrait's few fields read in the same query (``reading.people_index.with_portrait``)."""
    folded = name_key(text)
    people = list(with_portrait(Person.objects.matching(text))[:200])

    def closeness(person):
        names = [name_key(name) for name in [person.name, *person.alias_list]]
        exact = folded in names
        starts = any(part.startswith(folded) for name in names for part in [name, *name.split()])
        return (not exact, not starts, person.name)

    return sorted(people, key=closeness)


@dataclass(frozen=True)
class Ranking:
    """The ids of the stories found, best first, and whether the words matched more."""

    ids: list
    more: bool

    @property
    def count(self):
        return len(self.ids)


def ranked(stories, text, people=()):
    """A Ranking of ``stories`` that match ``text`` or are about ``people``.

    Bounded whatever the words: the newest ``TEXT_CANDIDATES`` stories that
    match them and the newest ``PERSON_CANDIDATES`` about each of the first
    ``PEOPLE_SHOWN`` of ``people``, ranked among themselves; stories about
    those people rank higher.
    """
    newest = stories.order_by("-published_at", "-pk")
    # Each person's newest stories: one walk of their reading index.
    about = [PEOPLE.newest(person.pk, PERSON_CANDIDATES) for person in people[:PEOPLE_SHOWN]]
    if uses_full_text():
        return _ranked_full_text(newest, text, about)
    return _ranked_fallback(newest, text, about)


def _ranked_full_text(newest, text, about):
    from django.contrib.postgres.search import SearchQuery, SearchRank

    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    vector = story_document()

    def part(stories, boost, by_text):
        return stories.annotate(
            search_rank=SearchRank(vector, query) + Value(boost),
            by_text=Value(by_text),
        ).values_list("pk", "search_rank", "published_at", "by_text")

    # The newest matches, looked for in the last month first, then the last
    # year, then all: a star's name in 50,000 stories is found among a
    # month's, never by reading every story it is in; a rare word costs an
    # index lookup per step.
    matching = newest.alias(search_vector=vector).filter(search_vector=query)
    rows, before = [], None
    now = timezone.now()
    for window in SEARCH_WINDOWS:
        step = matching if before is None else matching.filter(published_at__lt=before)
        if window is not None:
            step = step.filter(published_at__gte=now - window)
        rows += part(step, 0.0, True)[: TEXT_CANDIDATES - len(rows)]
        if len(rows) >= TEXT_CANDIDATES or window is None:
            break
        before = now - window
    # The people's newest stories, each an index-ordered LIMIT, in one UNION.
    parts = [part(newest.filter(pk__in=subquery), PERSON_BOOST, False) for subquery in about]
    if parts:
        rows += parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return _ranking(rows)


def _ranking(rows):
    """A Ranking from (pk, rank, published_at, by_text) rows: best first, each story once."""
    ids, seen = [], set()
    for pk, *_ in sorted(rows, key=lambda row: (row[1], row[2], row[0]), reverse=True):
        if pk not in seen:
            seen.add(pk)
            ids.append(pk)
    more = sum(1 for row in rows if row[3]) >= TEXT_CANDIDATES
    return Ranking(ids, more)


def shown(stories, ids, text):
    """The stories of ``ids`` (one page of a Ranking), in that order, ready for ``hits``.

    On PostgreSQL each comes with ``search_headline`` and ``search_snippet``
    (marked with START/STOP): highlighting costs only the page's stories.
    """
    stories = stories.filter(pk__in=list(ids))
    if uses_full_text():
        from django.contrib.postgres.search import SearchHeadline, SearchQuery

        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        marks = {"start_sel": START, "stop_sel": STOP, "config": CONFIG}
        stories = stories.annotate(
            search_headline=SearchHeadline("headline", query, highlight_all=True, **marks),
            search_snippet=SearchHeadline(
                Concat("standfirst", Value(" "), "body", output_field=models.TextField()),
                query,
                max_words=40,
                min_words=20,
                max_fragments=2,
                fragment_delimiter=" … ",
                **marks,
            ),
        ).defer("body")
    order = {pk: n for n, pk in enumerate(ids)}
    return sorted(stories, key=lambda story: order[story.pk])


def _word_start(word):
    """A regular expression for ``word`` starting a word in the text.

    Words of four letters or more match as prefixes ("Kard" finds
    "Kardashian"); shorter ones only whole, so "Ye" is not found in "years".
    """
    end = r"\b" if len(word) < PREFIX_LENGTH else ""
    return r"\b" + re.escape(word) + end


def _ranked_fallback(newest, text, about):
    words = words_of(text)
    if not words:
        return Ranking([], False)
    found = Q()
    score = Value(0.0)
    for word in words:
        pattern = _word_start(word)
        found &= (
            Q(headline__iregex=pattern) | Q(standfirst__iregex=pattern) | Q(body__iregex=pattern)
        )
        score = score + Case(
            When(headline__iregex=pattern, then=Value(4.0)),
            When(standfirst__iregex=pattern, then=Value(2.0)),
            When(body__iregex=pattern, then=Value(1.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )
    by_text = newest.filter(found).values("pk")[:TEXT_CANDIDATES]
    candidates = Q(pk__in=by_text)
    boost = Value(0.0)
    for subquery in about:
        candidates |= Q(pk__in=subquery)
        boost = Case(
            When(pk__in=subquery, then=Value(PERSON_BOOST * 8)),
            default=boost,
            output_field=FloatField(),
        )
    rows = (
        newest.filter(candidates)
        .annotate(
            search_rank=score + boost,
            by_text=Case(When(pk__in=by_text, then=Value(True)), default=Value(False)),
        )
        .values_list("pk", "search_rank", "published_at", "by_text")
    )
    return _ranking(list(rows))


def _plain(fragment):
    """Text from an HTML fragment: tags dropped, entities decoded, space folded."""
    spaced = fragment.replace("<", " <").replace(">", "> ")
    return " ".join(html.unescape(strip_tags(spaced)).split())


def from_marks(text, is_html=True):
    """Safe HTML from text whose hits are marked START…STOP: escaped, then marked.

    ``is_html`` text (a snippet of the body) loses its tags first; plain text
    (a headline) keeps every character, escaped.
    """
    escaped = escape(_plain(text) if is_html else text)
    escaped = escaped.replace(START, "<mark>").replace(STOP, "</mark>")
    # A mark that ts_headline opened but a cut fragment never closed.
    if escaped.count("<mark>") > escaped.count("</mark>"):
        escaped += "</mark>"
    # Safe: every character from the text is escaped.
    return mark_safe(escaped)  # noqa: S308  # nosec


def highlight(text, words):
    """Safe HTML of plain ``text`` with each of ``words`` marked, case-insensitively."""
    if not words:
        return escape(text)
    pattern = re.compile("|".join(_word_start(word) for word in words), re.IGNORECASE)
    out, last = [], 0
    for hit in pattern.finditer(text):
        out.append(escape(text[last : hit.start()]))
        out.append(format_html("<mark>{}</mark>", hit.group()))
        last = hit.end()
    out.append(escape(text[last:]))
    return format_html_join("", "{}", ((part,) for part in out))


def excerpt(text, words, radius=SNIPPET_RADIUS):
    """A window of plain ``text`` around the first hit of any of ``words``."""
    hits = [re.search(_word_start(word), text, re.IGNORECASE) for word in words]
    hits = [hit.start() for hit in hits if hit]
    at = min(hits) if hits else 0
    start = max(0, at - radius)
    end = min(len(text), at + radius)
    # Whole words only.
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    window = text[start:end].strip()
    return ("… " if start > 0 else "") + window + (" …" if end < len(text) else "")


@dataclass(frozen=True)
class Hit:
    """A story in the results, with its headline and snippet as safe HTML."""

    story: object
    headline: str
    snippet: str


def hits(stories, text):
    """The results on a page as Hits, highlighted the way the database allows."""
    words = words_of(text)
    found = []
    for story in stories:
        if hasattr(story, "search_snippet"):
            headline = from_marks(story.search_headline or story.headline, is_html=False)
            snippet = from_marks(story.search_snippet or story.standfirst)
        else:
            headline = highlight(story.headline, words)
            source = _plain(f"{story.standfirst} {story.body}")
            snippet = highlight(excerpt(source, words), words)
        found.append(Hit(story, headline, snippet))
    return found
