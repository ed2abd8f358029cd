"""The reading site. Views stay thin: querysets carry the reading logic."""

from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from newsroom.pagination import paginate
from people.models import Person, Relationship

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
    return render(request, "articles/home.html", {"lead": lead, "stories": stories[1:]})


def story(request, slug):
    article = get_object_or_404(Article.objects.published().for_story_page(), slug=slug)
    main_person = article.main_person
    more_on = []
    if main_person:
        more_on = list(
            Article.objects.more_on(main_person, story=article).for_listing()[:SIDEBAR_STORIES]
        )
    related = list(Article.objects.related_to(article).for_listing()[:SIDEBAR_STORIES])
    return render(
        request,
        "articles/story.html",
        {
            "article": article,
            "people": article.person_links_in_order(),
            "main_person": main_person,
            "more_on": more_on,
            "related": related,
        },
    )


def person(request, slug):
    person = get_object_or_404(Person, slug=slug)
    stories = paginate(request, Article.objects.more_on(person).for_listing(), PER_PAGE)
    return render(
        request,
        "people/person.html",
        {
            "person": person,
            "ties": Relationship.objects.ties_of(person),
            "page": stories,
        },
    )


def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    stories = paginate(
        request, Article.objects.published().tagged(tag).for_listing().newest_first(), PER_PAGE
    )
    return render(request, "articles/tag.html", {"tag": tag, "page": stories})
