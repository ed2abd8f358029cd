"""The people index: everyone the desk writes about, A to Z, and a search over names."""

import string
from urllib.parse import urlencode

from django.db.models import Q
from django.db.models.functions import Substr, Upper
from django.shortcuts import render

from common.pagination import paginate

from .models import Person

PER_PAGE = 60
OTHER = "#"
LETTERS = list(string.ascii_uppercase)


def index(request):
    query = " ".join(request.GET.get("q", "").split())[:100]
    letter = request.GET.get("letter", "").upper()
    if letter not in LETTERS and letter != OTHER:
        letter = ""
    people = Person.objects.order_by("name", "pk")
    if query:
        people = people.matching(query)
        letter = ""
    elif letter == OTHER:
        people = people.exclude(_starts_with_a_letter())
    elif letter:
        people = people.filter(name__istartswith=letter)
    initials = set(
        Person.objects.annotate(initial=Upper(Substr("name", 1, 1)))
        .order_by()
        .values_list("initial", flat=True)
        .distinct()
    )
    in_use = {initial if initial in LETTERS else OTHER for initial in initials}
    return render(
        request,
        "people/index.html",
        {
            "page": paginate(request, people, PER_PAGE),
            "query": query,
            "letter": letter,
            "letters": [(each, each in in_use) for each in [*LETTERS, OTHER]],
            # Kept in the links to other pages of the list.
            "params": urlencode({"q": query} if query else {"letter": letter} if letter else {})
            + ("&" if query or letter else ""),
        },
    )


def _starts_with_a_letter():
    condition = Q()
    for each in LETTERS:
        condition |= Q(name__istartswith=each)
    return condition
