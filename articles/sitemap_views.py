"""What crawlers fetch besides pages: the Google News sitemap and robots.txt."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from .sitemaps import news_stories, publication


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
