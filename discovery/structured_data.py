"""Schema.org data (JSON-LD) for search engines: what a page is about, in their terms.

Each function returns a plain dict; ``{% json_ld %}`` writes it into the page.
Everything is read from objects the page has already loaded, so structured
data costs no queries of its own.
"""

from django.conf import settings
from django.urls import reverse

SCHEMA = "https://schema.org"


def iso(value):
    return value.isoformat(timespec="seconds") if value else None


def publisher(request):
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("home")),
    }


def person_ref(request, person):
    return {
        "@type": "Person",
        "name": person.name,
        "url": request.build_absolute_uri(person.get_absolute_url()),
    }


def image_object(request, photo):
    """A photo as an ImageObject, credited the way the page credits it."""
    credit_line = photo.credit_line
    share = photo.share_image
    image = {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(share["url"]),
        "contentUrl": request.build_absolute_uri(share["url"]),
    }
    if share["width"] and share["height"]:
        image.update(width=share["width"], height=share["height"])
    if photo.caption:
        image["caption"] = photo.caption
    if credit_line:
        image["creditText"] = credit_line.removeprefix("© ")
        image["copyrightNotice"] = credit_line
    return image


def modified_at(article):
    """When the story last changed as readers know it: never before it was published."""
    if article.published_at and article.updated_at < article.published_at:
        return article.published_at
    return article.updated_at


def news_article(request, article, links, authors, tags):
    """A ``NewsArticle`` for a story page (``links``: its ArticlePerson rows, main first)."""
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.search_title,
        "datePublished": iso(article.published_at),
        "dateModified": iso(modified_at(article)),
        "publisher": publisher(request),
        "isAccessibleForFree": True,
    }
    if article.search_title != article.headline:
        data["alternativeHeadline"] = article.headline
    if article.standfirst:
        data["description"] = article.standfirst
    if article.section_id:
        data["articleSection"] = article.section.name
    if article.dateline:
        data["dateline"] = article.dateline
    if article.dateline_place_id:
        data["locationCreated"] = place(article.dateline_place)
    if authors:
        data["author"] = [
            {
                "@type": "Person",
                "name": author.name,
                "url": request.build_absolute_uri(author.get_absolute_url()),
            }
            for author in authors
        ]
    else:
        data["author"] = [publisher(request)]
    photo = article.lead_photo_for_readers
    if photo:
        data["image"] = [image_object(request, photo)]
    main = [link.person for link in links if link.is_main]
    others = [link.person for link in links if not link.is_main]
    if main:
        data["about"] = [person_ref(request, person) for person in main]
    if others:
        data["mentions"] = [person_ref(request, person) for person in others]
    if tags:
        data["keywords"] = [tag.name for tag in tags]
    return data


def place(record):
    """A dateline's place on record, as schema.org writes a place."""
    address = {"@type": "PostalAddress", "addressLocality": record.name}
    if record.region:
        address["addressRegion"] = record.region
    if record.country:
        address["addressCountry"] = record.country
    return {"@type": "Place", "name": record.label, "address": address}


def wikidata_url(person):
    wikidata_id = getattr(person, "wikidata_id", "") or ""
    return f"https://www.wikidata.org/wiki/{wikidata_id}" if wikidata_id else ""


def person(request, person, ties):
    """A ``Person`` for a celebrity page; ``ties`` as the page shows them."""
    data = {
        "@context": SCHEMA,
        "@type": "Person",
        "name": person.name,
        "url": request.build_absolute_uri(person.get_absolute_url()),
    }
    if person.alias_list:
        data["alternateName"] = person.alias_list
    if person.known_for:
        data["description"] = person.known_for
    birth_date = person.public_birth_date
    if birth_date:
        data["birthDate"] = birth_date.isoformat()
    if person.death_date:
        data["deathDate"] = person.death_date.isoformat()
    same_as = [url for url in (wikidata_url(person), person.instagram_url) if url]
    if same_as:
        data["sameAs"] = same_as
    # Only ties the desk has confirmed, where it tracks that.
    ties = [tie for tie in ties if getattr(tie, "is_confirmed", True)]
    groups = {
        "spouse": [t for t in ties if t.label == "Spouse" and t.ongoing],
        "children": [t for t in ties if t.label == "Parent of"],
        "parent": [t for t in ties if t.label == "Child of"],
        "sibling": [t for t in ties if t.label == "Sibling"],
    }
    for key, group in groups.items():
        if group:
            data[key] = [person_ref(request, tie.counterpart) for tie in group]
    return data


def breadcrumbs(request, trail):
    """A ``BreadcrumbList`` from ``(name, path)`` pairs, home first."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(path),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def website(request):
    """The site itself, with its search, for the home page."""
    home = request.build_absolute_uri(reverse("home"))
    search = request.build_absolute_uri(reverse("search"))
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": home,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }
