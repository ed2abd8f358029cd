"""The people index: everyone the desk writes about, A to Z by family name, and a search.

A reading page rather than the people app's: each person comes with their
portrait, and photos are the photos app's, which the people app cannot know.
"""

import json
import string
from urllib.parse import urlencode

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, JSONField, OuterRef, Q, Subquery
from django.db.models.functions import JSONObject, Substr, Upper
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import cached_property

from common.pagination import paginate
from people.models import Person
from people.sorting import initial
from photos.models import Photo

PER_PAGE = 60
OTHER = "#"
LETTERS = list(string.ascii_uppercase)


def index(request):
    query = " ".join(request.GET.get("q", "").split())[:100]
    letter = request.GET.get("letter", "").upper()
    if letter not in LETTERS and letter != OTHER:
        letter = ""
    people = with_portrait(Person.objects.order_by("sort_key", "pk"))
    # How many are filed under each letter: the A–Z bar, where each group
    # starts, and the length of the list, all from one grouped query.
    filed = _filed_under()
    if query:
        people = people.matching(query)
        letter = ""
        page = paginate(request, people, PER_PAGE)
    else:
        if letter == OTHER:
            people = people.exclude(_starts_with_a_letter())
        elif letter:
            people = people.filter(sort_key__startswith=letter.lower())
        length = filed.get(letter, 0) if letter else sum(filed.values())
        page = _page(request, KnownLengthPaginator(people, PER_PAGE, length))
    return render(
        request,
        "people/index.html",
        {
            "page": page,
            "groups": _groups(page.object_list),
            "query": query,
            "letter": letter,
            "letters": _letter_bar(filed, letter if letter else "", query, page),
            # Kept in the links to other pages of the list.
            "params": urlencode({"q": query} if query else {"letter": letter} if letter else {})
            + ("&" if query or letter else ""),
        },
    )


class KnownLengthPaginator(Paginator):
    """A paginator told its list's length, so it never counts the list itself."""

    def __init__(self, object_list, per_page, length):
        super().__init__(object_list, per_page, allow_empty_first_page=True)
        self.length = length

    @cached_property
    def count(self):
        return self.length


def _page(request, paginator):
    number = request.GET.get("page", "1")
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404(f"There is no page {number!r} here.") from error


def with_portrait(people):
    """``people`` (a queryset) each with their newest portrait readers may see, in the
    same query: a column holding the photo's few fields (``portrait_data``), or NULL."""
    newest = (
        Photo.objects.shown()
        .filter(people=OuterRef("pk"), is_portrait=True)
        .order_by("-pk")
        .values(
            data=JSONObject(
                pk="pk",
                image="image",
                # With the image's size, so no file is opened to learn it.
                width="width",
                height="height",
                alt_text="alt_text",
                focal_x="focal_x",
                focal_y="focal_y",
                renditions="renditions",
            )
        )[:1]
    )
    return people.annotate(portrait_data=Subquery(newest, output_field=JSONField()))


def portrait_of(person):
    """The portrait ``with_portrait`` read for ``person``, if readers see it (with renditions)."""
    data = getattr(person, "portrait_data", None)
    if not data:
        return None
    made = data["renditions"]
    # SQLite nests the JSON column as its text; PostgreSQL as an object.
    made = json.loads(made) if isinstance(made, str) else made
    photo = Photo(**{**data, "renditions": made or {}})
    return photo if photo.for_readers is photo else None


def with_portraits(people):
    """``people`` (read through ``with_portrait``), each with ``portrait`` set: no query."""
    for person in people:
        person.portrait = portrait_of(person)
    return people


def _filed_under():
    """{letter: how many people are filed under it}, "#" for the rest."""
    rows = (
        Person.objects.annotate(initial=Upper(Substr("sort_key", 1, 1)))
        .order_by()
        .values("initial")
        .annotate(people=Count("pk"))
    )
    filed = {}
    for row in rows:
        each = initial(row["initial"])
        filed[each] = filed.get(each, 0) + row["people"]
    return filed


def _groups(people):
    """The page's people as (letter, [person, ...]) in order, each with their portrait."""
    groups = []
    for person in people:
        person.portrait = portrait_of(person)
        each = initial(person.sort_key)
        if not groups or groups[-1][0] != each:
            groups.append((each, []))
        groups[-1][1].append(person)
    return groups


def _letter_bar(filed, letter, query, page):
    """(letter, address or None) for A to Z and "#": where each letter's group starts.

    On the whole list a letter jumps to its heading, on the page it falls on
    ("#" files before A, as the list sorts it); after a search or on one
    letter's list it opens that letter's list. Letters nobody is filed under
    have no address.
    """
    bar, before = [], 0
    for each in [OTHER, *LETTERS]:
        count = filed.get(each, 0)
        address = None
        if count:
            anchor = f"#letter-{'other' if each == OTHER else each.lower()}"
            if query or letter:
                address = "?" + urlencode({"letter": each})
            else:
                number = before // PER_PAGE + 1
                address = anchor if number == page.number else f"?page={number}{anchor}"
        bar.append((each, address))
        before += count
    return bar


def _starts_with_a_letter():
    condition = Q()
    for each in LETTERS:
        condition |= Q(sort_key__startswith=each.lower())
    return condition
