"""Canonical URLs, descriptions, social cards and JSON-LD, read back with extruct."""

import json

import extruct
import pytest
from django.test import RequestFactory

from discovery import structured_data
from people.models import Person, Relationship

from .discovery_world import SEED_CREDIT_LINE, build_world
from .factories import make_article, make_person, make_relationship

pytestmark = pytest.mark.django_db

# What Google lists for Article rich results (all of them recommended, none optional here).
GOOGLE_ARTICLE_PROPERTIES = ["headline", "image", "datePublished", "dateModified", "author"]
PUBLIC_PAGES = [
    "/",
    "/stories/kanye-very-sad/",
    "/people/kim-kardashian/",
    "/people/kim-kardashian/?page=1",
    "/tags/divorce/",
    "/search/?q=divorce",
]


@pytest.fixture
def world():
    return build_world()


def extract(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    data = extruct.extract(
        html, base_url=f"http://testserver{url}", syntaxes=["json-ld", "opengraph"], uniform=True
    )
    return html, data


def json_ld(data, kind):
    found = [item for item in data["json-ld"] if item.get("@type") == kind]
    assert len(found) == 1, [item.get("@type") for item in data["json-ld"]]
    return found[0]


def opengraph(data):
    assert len(data["opengraph"]) == 1
    return data["opengraph"][0]


def meta_content(html, attribute, name):
    marker = f'<meta {attribute}="{name}" content="'
    assert marker in html, name
    return html.split(marker, 1)[1].split('"', 1)[0]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_public_page_has_canonical_description_and_cards(client, world, url):
    html, data = extract(client, url)
    canonical = html.split('<link rel="canonical" href="', 1)[1].split('"', 1)[0]
    assert canonical.startswith("http://testserver/")
    assert "?page=1" not in canonical
    assert meta_content(html, "name", "description")
    og = opengraph(data)
    assert og["og:title"] and og["og:description"] and og["og:site_name"] == "Newsroom"
    assert og["og:url"] == canonical
    assert meta_content(html, "name", "twitter:card") in ("summary", "summary_large_image")
    assert meta_content(html, "name", "twitter:title")


def test_story_news_article_has_what_google_asks_for(client, world):
    _, data = extract(client, "/stories/kanye-very-sad/")
    article = json_ld(data, "NewsArticle")
    for name in GOOGLE_ARTICLE_PROPERTIES:
        assert article.get(name), name
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Kanye West is very sad about the divorce"
    assert article["datePublished"] == world.seed.published_at.isoformat(timespec="seconds")
    assert article["author"] == [
        {"@type": "Person", "name": "Jo Writer", "url": "http://testserver/authors/jo-writer/"}
    ]
    assert article["publisher"]["name"] == "Newsroom"
    assert article["mainEntityOfPage"]["@id"] == "http://testserver/stories/kanye-very-sad/"
    image = article["image"][0]
    assert image["url"] == f"http://testserver{world.seed.lead_photo.share_image_url}"
    assert "/media/renditions/" in image["url"]
    assert image["creditText"] == SEED_CREDIT_LINE.removeprefix("© ")
    assert image["copyrightNotice"] == SEED_CREDIT_LINE
    assert [p["name"] for p in article["about"]] == ["Kim Kardashian"]
    assert [p["name"] for p in article["mentions"]] == ["Kanye West", "North West"]
    assert article["about"][0]["url"] == "http://testserver/people/kim-kardashian/"


def test_story_without_authors_is_credited_to_the_publisher(client, world):
    _, data = extract(client, "/stories/new-album-autumn/")
    article = json_ld(data, "NewsArticle")
    assert article["author"][0]["@type"] == "Organization"
    assert "image" not in article


def test_story_open_graph_is_an_article_with_its_photo(client, world):
    html, data = extract(client, "/stories/kanye-very-sad/")
    og = opengraph(data)
    assert og["@type"] == "article"  # extruct moves og:type here
    assert og["og:title"] == world.seed.headline
    assert og["og:description"] == world.seed.standfirst
    assert og["og:image"] == f"http://testserver{world.seed.lead_photo.share_image_url}"
    assert "/media/renditions/" in og["og:image"]
    assert meta_content(html, "name", "twitter:card") == "summary_large_image"


def test_story_breadcrumbs_run_home_main_person_story(client, world):
    _, data = extract(client, "/stories/kanye-very-sad/")
    crumbs = json_ld(data, "BreadcrumbList")["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Newsroom", "http://testserver/"),
        (2, "Kim Kardashian", "http://testserver/people/kim-kardashian/"),
        (3, world.seed.headline, "http://testserver/stories/kanye-very-sad/"),
    ]


def test_person_page_describes_the_person_and_family(client, world):
    bianca = make_person("Bianca Censori", slug="bianca-censori")
    make_relationship(world.kanye, bianca, Relationship.Kind.SPOUSE, started="2022-12-20")
    _, data = extract(client, "/people/kanye-west/")
    person = json_ld(data, "Person")
    assert person["name"] == "Kanye West"
    assert person["birthDate"] == "1977-06-08"
    assert person["alternateName"] == ["Ye"]
    # The ended marriage to Kim is not a spouse today; the current one is.
    assert [p["name"] for p in person["spouse"]] == ["Bianca Censori"]
    assert [p["name"] for p in person["children"]] == ["North West"]
    crumbs = json_ld(data, "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Newsroom", "Kanye West"]
    assert opengraph(data)["@type"] == "profile"


def test_person_same_as_links_instagram(client, world):
    _, data = extract(client, "/people/kim-kardashian/")
    person = json_ld(data, "Person")
    assert person["sameAs"] == ["https://www.instagram.com/kimkardashian/"]
    assert [p["name"] for p in person["children"]] == ["North West"]


def test_person_birth_date_is_read_through_public_birth_date(client, world, monkeypatch):
    monkeypatch.setattr(Person, "public_birth_date", property(lambda person: None))
    _, data = extract(client, "/people/kanye-west/")
    assert "birthDate" not in json_ld(data, "Person")


def test_person_same_as_includes_wikidata_when_known(world):
    request = RequestFactory().get("/")
    person = Person(name="Kim Kardashian", slug="kim", instagram="kimkardashian")
    person.wikidata_id = "Q186304"
    data = structured_data.person(request, person, ties=[])
    assert data["sameAs"] == [
        "https://www.wikidata.org/wiki/Q186304",
        "https://www.instagram.com/kimkardashian/",
    ]


def test_home_describes_the_site_and_its_search(client, world):
    _, data = extract(client, "/")
    site = json_ld(data, "WebSite")
    assert site["potentialAction"]["target"]["urlTemplate"] == (
        "http://testserver/search/?q={search_term_string}"
    )


def test_paginated_pages_keep_their_page_in_the_canonical_url(client, world):
    for n in range(21):
        make_article(f"Kim story {n}", people=[world.kim])
    html, _ = extract(client, "/people/kim-kardashian/?page=2")
    assert '<link rel="canonical" href="http://testserver/people/kim-kardashian/?page=2">' in html


def test_search_results_ask_not_to_be_indexed(client, world):
    html, _ = extract(client, "/search/?q=divorce")
    assert meta_content(html, "name", "robots") == "noindex, follow"


def test_json_ld_cannot_break_out_of_its_script_element(client, world):
    hostile = 'Ye says </script><script>alert("x")</script> & <!-- more'
    make_article(hostile, slug="hostile", standfirst=hostile)
    html, data = extract(client, "/stories/hostile/")
    assert "<script>alert" not in html
    assert "<!-- more" not in html.split("<body", 1)[0].split("application/ld+json", 1)[1]
    assert json_ld(data, "NewsArticle")["headline"] == hostile
    # The only script elements on the page are data blocks and the read beacon, a file.
    beacon = html.count('<script src="/static/js/read-beacon.js"')
    assert beacon == 1
    assert html.count("<script") == html.count('<script type="application/ld+json">') + beacon


def test_structured_data_is_plain_json(client, world):
    html, _ = extract(client, "/stories/kanye-very-sad/")
    blocks = html.split('<script type="application/ld+json">')[1:]
    for block in blocks:
        json.loads(block.split("</script>", 1)[0])


@pytest.mark.parametrize("url", ["/people/nobody/", "/no/such/address/", "/stories/hidden-draft/"])
def test_not_found_pages_ask_not_to_be_indexed_and_claim_no_address(client, world, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="canonical"' not in html
    assert "application/ld+json" not in html


def test_a_page_without_its_own_description_still_gets_one(rf, world):
    from discovery import metadata

    request = rf.get("/somewhere/")
    meta = metadata.for_any(request)
    assert meta.url == "http://testserver/somewhere/"
    assert meta.description
