"""Views that help readers and machines find stories: search, the news sitemap, robots.txt.

(Feeds are in ``feeds.py``; the other sitemaps are Django's views over ``sitemaps.py``.)
"""

from urllib.parse import quote, urlencode

from django.db import router
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from articles.models import Article
from common.pagination import paginate
from common.planning import planned_afresh
from reading.people_index import with_portraits

from . import metadata
from . import search as site_search
from .sitemaps import news_stories, publication

PER_PAGE = 20


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
    with planned_afresh(router.db_for_read(Article)):
        people = site_search.people_matching(text)
        found = site_search.ranked(Article.objects.published(), text, people)
        page = paginate(request, found.ids, PER_PAGE)
        # Each result's card photo comes with its story, in the same query.
        found_stories = Article.objects.published().select_related(
            "lead_photo", "lead_photo__replacement"
        )
        stories = site_search.shown(found_stories, page.object_list, text)
    context.update(
        searched=text,
        # Kept in the links to other pages of results.
        params=urlencode({"q": text}, quote_via=quote) + "&",
        people=with_portraits(people[: site_search.PEOPLE_SHOWN]),
        page=page,
        more=found.more,
        hits=site_search.hits(stories, text),
    )
    return render(request, "articles/search.html", context)


@require_safe
def news_sitemap(request):
    """Stories of the last two days in the Google News sitemap format."""
    return render(
        request,
        "sitemaps/news.xml",
        {
            "stories": news_stories(),
            "publication": publication(),
            "base_url": request.build_absolute_uri("/").rstrip("/"),
        },
        content_type="application/xml; charset=utf-8",
    )


@require_safe
def robots_txt(request):
    """Crawlers may read every public page, but not the desk, search results or the API."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('search')}",
        "Disallow: /api/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('news_sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
