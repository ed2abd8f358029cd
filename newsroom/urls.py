from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path, register_converter
from django.views.static import serve

from articles.admin import ArticleAdmin
from discovery import feeds
from discovery import views as discovery
from discovery.sitemaps import SITEMAPS
from newsroom import twofactor
from photos.admin import moved_admin_page
from reading import people_index, views


class TagSlugConverter:
    """A tag's slug: taggit keeps letters beyond ASCII ("beyoncé"), so these must route."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TagSlugConverter, "tag")

# The desk's preview shows the page the reading layer draws (the desk cannot import it).
ArticleAdmin.preview_page = staticmethod(views.story_preview)

admin.site.site_header = f"{settings.SITE_NAME} desk"
admin.site.site_title = f"{settings.SITE_NAME} desk"
admin.site.index_title = "Stories, people and photos"

urlpatterns = [
    path("", views.home, name="home"),
    path("stories/<slug:slug>/", views.story, name="story"),
    path("people/", people_index.index, name="people"),
    path("people/<slug:slug>/", views.person, name="person"),
    path("tags/<tag:slug>/", views.tag, name="tag"),
    path("section/<slug:slug>/", views.section, name="section"),
    path("authors/<slug:slug>/", views.author, name="author"),
    path("search/", discovery.search, name="search"),
    # The story page's beacon: one reader visit counted for "Most read".
    path("hit/<int:pk>/", views.story_hit, name="story_hit"),
    # Feeds: RSS 2.0 and Atom for the site, each person, each tag and each author.
    path("feed/", feeds.LatestStoriesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestStoriesAtomFeed(), name="feed_atom"),
    path("people/<slug:slug>/feed/", feeds.PersonFeed(), name="person_feed"),
    path("people/<slug:slug>/feed/atom/", feeds.PersonAtomFeed(), name="person_feed_atom"),
    path("tags/<tag:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("tags/<tag:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag_feed_atom"),
    path("section/<slug:slug>/feed/", feeds.SectionFeed(), name="section_feed"),
    path("section/<slug:slug>/feed/atom/", feeds.SectionAtomFeed(), name="section_feed_atom"),
    path("authors/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("authors/<slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author_feed_atom"),
    # For crawlers.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path("sitemap-news.xml", discovery.news_sitemap, name="news_sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", discovery.robots_txt, name="robots_txt"),
    path("api/", include("discovery.api.urls")),
    path("admin/two-factor/", twofactor.setup, name="two_factor_setup"),
    path("admin/two-factor/code/", twofactor.verify, name="two_factor_verify"),
    re_path(r"^admin/articles/(?P<page>(?:photo|photocredit|creditsource)/.*)$", moved_admin_page),
    path("admin/", admin.site.urls),
]

# Readers' 404 page: a search box and the most read.
handler404 = "newsroom.errors.page_not_found"
# 503 with Retry-After while the database is down; the static 500 page otherwise.
handler500 = "newsroom.errors.server_error"

if settings.SERVE_MEDIA:
    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(
        re_path(rf"^{prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )
