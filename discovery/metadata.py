"""What a page tells machines about itself: canonical URL, description, social cards, feeds.

``{% page_meta %}`` in the base template builds one ``PageMeta`` from what the
page's view has already put in its context (the story, the person and their
ties, the tag, the page of results), so it costs no queries and the views
need not know about it; a view may also pass its own as ``meta``.
The tag writes it into the page's head.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator

from articles.body import DESCRIPTION_LENGTH

from . import structured_data


@dataclass
class Feed:
    title: str
    rss: str
    atom: str


@dataclass
class PageMeta:
    title: str
    description: str
    url: str
    type: str = "website"
    image: object = None  # a Photo
    image_url: str = ""
    published_at: object = None
    modified_at: object = None
    tags: list = field(default_factory=list)
    feed: Feed | None = None
    robots: str = ""
    structured_data: list = field(default_factory=list)
    # The title of the page's card when shared, if not ``title``.
    social_title: str = ""

    def __post_init__(self):
        self.description = Truncator(" ".join(self.description.split())).chars(DESCRIPTION_LENGTH)


def canonical(request, path, page=None):
    """The absolute canonical address; a page after the first keeps its number."""
    url = request.build_absolute_uri(path)
    if page is not None and page.number > 1:
        url += f"?page={page.number}"
    return url


def _image_url(request, photo):
    return request.build_absolute_uri(photo.share_image_url) if photo else ""


def site_feed(request):
    return Feed(
        f"{settings.SITE_NAME}: latest stories",
        request.build_absolute_uri(reverse("feed")),
        request.build_absolute_uri(reverse("feed_atom")),
    )


def for_home(request, lead):
    photo = lead.lead_photo_for_readers if lead else None
    return PageMeta(
        title=settings.SITE_NAME,
        description=f"The latest celebrity and entertainment news from {settings.SITE_NAME}.",
        url=canonical(request, reverse("home")),
        image=photo,
        image_url=_image_url(request, photo),
        feed=site_feed(request),
        structured_data=[structured_data.website(request)],
    )


def for_story(request, article, links, authors, tags):
    photo = article.lead_photo_for_readers
    main = next((link.person for link in links if link.is_main), None)
    trail = [(settings.SITE_NAME, reverse("home"))]
    if article.section_id:
        trail.append((article.section.name, article.section.get_absolute_url()))
    elif main:
        trail.append((main.name, main.get_absolute_url()))
    elif tags:
        trail.append((tags[0].name, reverse("tag", args=[tags[0].slug])))
    trail.append((article.headline, article.get_absolute_url()))
    return PageMeta(
        title=article.search_title,
        social_title=article.social_title,
        description=article.standfirst or article.headline,
        url=canonical(request, article.get_absolute_url()),
        type="article",
        image=photo,
        image_url=_image_url(request, photo),
        published_at=article.published_at,
        modified_at=structured_data.modified_at(article),
        tags=[tag.name for tag in tags],
        structured_data=[
            structured_data.news_article(request, article, links, authors, tags),
            structured_data.breadcrumbs(request, trail),
        ],
    )


def for_person(request, person, ties, page):
    known_for = f", {person.known_for}" if person.known_for else ""
    path = person.get_absolute_url()
    return PageMeta(
        title=person.name,
        description=f"{person.name}{known_for}: news, family and relationships.",
        url=canonical(request, path, page),
        type="profile",
        feed=Feed(
            f"{settings.SITE_NAME}: stories about {person.name}",
            request.build_absolute_uri(reverse("person_feed", args=[person.slug])),
            request.build_absolute_uri(reverse("person_feed_atom", args=[person.slug])),
        ),
        structured_data=[
            structured_data.person(request, person, ties),
            structured_data.breadcrumbs(
                request, [(settings.SITE_NAME, reverse("home")), (person.name, path)]
            ),
        ],
    )


def for_tag(request, tag, page):
    return _listing_page(
        request, page, tag.name, reverse("tag", args=[tag.slug]), "tag_feed", tag.slug,
        description=f"Stories tagged {tag.name} on {settings.SITE_NAME}.",
        feed_title=f"{settings.SITE_NAME}: stories tagged {tag.name}",
    )  # fmt: skip


def for_author(request, author, page):
    return _listing_page(
        request, page, author.name, author.get_absolute_url(), "author_feed", author.slug,
        description=f"Stories by {author.name} on {settings.SITE_NAME}.",
        feed_title=f"{settings.SITE_NAME}: stories by {author.name}",
        type="profile",
    )  # fmt: skip


def for_section(request, section, page):
    return _listing_page(
        request, page, section.name, section.get_absolute_url(), "section_feed", section.slug,
        description=section.description
        or f"The latest {section.name} stories from {settings.SITE_NAME}.",
        feed_title=f"{settings.SITE_NAME}: {section.name}",
    )  # fmt: skip


def _listing_page(request, page, name, path, feed_url, slug, *, description, feed_title, **more):
    """A page listing stories of one tag, author or section: its feeds and breadcrumbs."""
    return PageMeta(
        title=name,
        description=description,
        url=canonical(request, path, page),
        feed=Feed(
            feed_title,
            request.build_absolute_uri(reverse(feed_url, args=[slug])),
            request.build_absolute_uri(reverse(f"{feed_url}_atom", args=[slug])),
        ),
        structured_data=[
            structured_data.breadcrumbs(
                request, [(settings.SITE_NAME, reverse("home")), (name, path)]
            )
        ],
        **more,
    )


def for_context(context):
    """The PageMeta for a page, from its template context."""
    if context.get("meta"):
        return context["meta"]
    request = context.get("request")
    if request is None:
        return None
    match = request.resolver_match
    name = match.url_name if match else None
    if name == "story" and context.get("article"):
        article = context["article"]
        links = context.get("people") or article.person_links_in_order()
        return for_story(
            request, article, list(links), article.byline_authors(), article.tags_in_order()
        )
    if name == "person" and context.get("person"):
        return for_person(
            request, context["person"], context.get("ties") or [], context.get("page")
        )
    if name == "tag" and context.get("tag"):
        return for_tag(request, context["tag"], context.get("page"))
    if name == "author" and context.get("author"):
        return for_author(request, context["author"], context.get("page"))
    if name == "section" and context.get("section"):
        return for_section(request, context["section"], context.get("page"))
    if name == "home":
        return for_home(request, context.get("lead"))
    if match is None:
        return None  # an address nothing answers to: a 404 page, not a page to describe
    return for_any(request, context.get("page"))


def for_any(request, page=None):
    """A public page this module knows nothing particular about."""
    return PageMeta(
        title=settings.SITE_NAME,
        description=f"Celebrity and entertainment news from {settings.SITE_NAME}.",
        url=canonical(request, request.path, page),
    )


def for_search(request):
    return PageMeta(
        title="Search",
        description=f"Search the stories and people on {settings.SITE_NAME}.",
        url=canonical(request, reverse("search")),
        robots="noindex, follow",
    )
