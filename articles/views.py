"""The reading site. Views stay thin: querysets carry the reading logic."""

from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from newsroom.pagination import paginate
from people.models import Person, Relationship

from . import metadata
from . import search as site_search
from .models import Article

HOME_STORIES = 21
PER_PAGE = 20
SIDEBAR_STORIES = 5


def home(request):
    stories = list(
        Article.objects.published()
        .for_listing()
        .prefetch_related("lead_photo__credits")
        .newest_first()[:HOME_STORIES]
    )
    lead = stories[0] if stories else None
    return render(
        request,
        "articles/home.html",
        {"lead": lead, "stories": stories[1:], "meta": metadata.for_home(request, lead)},
    )


def story(request, slug):
    article = get_object_or_404(Article.objects.published().for_story_page(), slug=slug)
    main_person = article.main_person
    more_on = []
    if main_person:
        more_on = list(
            Article.objects.more_on(main_person, story=article).for_listing()[:SIDEBAR_STORIES]
        )
    related = list(Article.objects.related_to(article).for_listing()[:SIDEBAR_STORIES])
    people = article.person_links_in_order()
    meta = metadata.for_story(
        request, article, people, list(article.authors.all()), list(article.tags.all())
    )
    return render(
        request,
        "articles/story.html",
        {
            "article": article,
            "meta": meta,
            "people": people,
            "main_person": main_person,
            "more_on": more_on,
            "related": related,
        },
    )


def person(request, slug):
    person = get_object_or_404(Person, slug=slug)
    stories = paginate(request, Article.objects.more_on(person).for_listing(), PER_PAGE)
    ties = Relationship.objects.ties_of(person)
    return render(
        request,
        "people/person.html",
        {
            "person": person,
            "ties": ties,
            "page": stories,
            "meta": metadata.for_person(request, person, ties, stories),
        },
    )


def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    stories = paginate(
        request, Article.objects.published().tagged(tag).for_listing().newest_first(), PER_PAGE
    )
    return render(
        request,
        "articles/tag.html",
        {"tag": tag, "page": stories, "meta": metadata.for_tag(request, tag, stories)},
    )


def search(request):
    """Published stories and people matching ``?q=``, best first, with hits marked."""
    raw = request.GET.get("q", "")
    context = {"query": raw, "meta": metadata.for_search(request)}
    if len(raw) > site_search.MAX_QUERY_LENGTH:
        context["too_long"] = site_search.MAX_QUERY_LENGTH
        return render(request, "articles/search.html", context, status=400)
    text = site_search.normalise(raw)
    if not text:
        return render(request, "articles/search.html", context)
    people = site_search.people_matching(text)
    stories = site_search.stories_matching(
        Article.objects.published().select_related("lead_photo"), text, people
    )
    page = paginate(request, stories, PER_PAGE)
    context.update(
        searched=text,
        people=people[: site_search.PEOPLE_SHOWN],
        page=page,
        hits=site_search.hits(page.object_list, text),
    )
    return render(request, "articles/search.html", context)
