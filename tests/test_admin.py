"""The admin as the desk uses it: lists, search, pickers, and forms that refuse bad input.

Forms are posted as the browser sends them, inline management forms included.
Refused input must say why on the page and leave nothing behind: no row, no
inline row, no stored file.
"""

import datetime
import io
import json
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import checks
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains
from taggit.models import Tag

from articles.models import Article, ArticlePerson, TaggedArticle
from people.models import Person, Relationship
from photos import renditions
from photos.models import Photo, PhotoCredit
from tests.desk import inline, photo_form
from tests.factories import add_credit, credit_source

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()]


# Making things.


def make_person(name, **fields):
    return Person.objects.create(name=name, slug=slugify(name), **fields)


def jpeg(name="photo.jpg", size=(120, 80)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 90)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def make_photo(alt_text="Kim Kardashian on a red carpet", **fields):
    photo = Photo.objects.create(image=jpeg(), alt_text=alt_text, **fields)
    renditions.refresh(photo)
    return photo


def make_article(headline, **fields):
    return Article.objects.create(headline=headline, slug=slugify(headline), **fields)


def url(name, *args):
    return reverse(f"admin:{name}", args=args)


# Posting forms.


def person_data(name="Kim Kardashian", *, ties=(), ties_from_other_side=(), **fields):
    data = {
        "name": name,
        "slug": slugify(name),
        "aliases": "",
        "known_for": "",
        "birth_date": "",
        "death_date": "",
        "bio": "",
        "instagram": "",
        "birth_date_precision": "day",
        **fields,
    }
    data.update(inline("relationships", *ties))
    data.update(inline("reverse_relationships", *ties_from_other_side))
    return data


def tie(kind="spouse", started="", ended="", end_reason="", **people):
    return {
        "kind": kind,
        "started": started,
        "ended": ended,
        "end_reason": end_reason,
        **TIE_DEFAULTS,
        **people,
    }


# What a tie row sends for the fields these tests leave alone.
TIE_DEFAULTS = {"status": "confirmed", "started_precision": "day", "ended_precision": "day"}


def saved_tie(relationship, **changes):
    """A relationship row as its inline shows it, with ``changes``."""
    row = tie(
        relationship.kind,
        relationship.started or "",
        relationship.ended or "",
        relationship.end_reason,
        id=relationship.pk,
        person=relationship.person_id,
        other=relationship.other_id,
    )
    return {**row, **changes}


def relationship_data(person, other, kind="spouse", started="", ended="", end_reason=""):
    return {
        "person": person.pk,
        "other": other.pk,
        "kind": kind,
        "started": started,
        "ended": ended,
        "end_reason": end_reason,
        **TIE_DEFAULTS,
    }


def article_data(headline="Kim and Kanye marry in Florence", *, people=(), tags=(), **fields):
    """The story form; ``people`` are (person, is_main) pairs, ``tags`` Tag objects."""
    data = {
        "headline": headline,
        "slug": slugify(headline),
        "kind": "news",
        "standfirst": "",
        "dateline": "",
        "body": "",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "lead_photo": "",
        **fields,
    }
    links = [
        {"person": p.pk, "order": n} | ({"is_main": "on"} if main else {})
        for n, (p, main) in enumerate(people)
    ]
    data.update(inline("bylines"))
    data.update(inline("person_links", *links))
    data.update(inline("tagged_items", *({"tag": tag.pk} for tag in tags)))
    data.update(inline("reported_relationships"))
    return data


def credit_row(role, name, platform, account, order):
    """One credit inline row, as chosen in the form: sources are picked, not typed."""
    if role == "collage":
        return {"role": role, "source": "", "name": name, "order": order}
    if role == "screenshot":
        source = credit_source(account, platform=platform).pk if account else ""
    else:
        source = credit_source(name, kind=role).pk if name else ""
    return {"role": role, "source": source, "name": "", "order": order}


def photo_data(image, *credits, alt_text="Kim Kardashian on a red carpet", **fields):
    """The photo form; ``credits`` are (role, name, platform, account, order) tuples."""
    rows = [credit_row(*credit) for credit in credits]
    return photo_form(*rows, image=image, alt_text=alt_text, **fields)


def assert_saved(response):
    """The post was accepted: the admin redirected, with no form errors left on the page."""
    errors = []
    if response.context:
        errors = [response.context["adminform"].form.errors] + [
            inline.formset.errors for inline in response.context["inline_admin_formsets"]
        ]
    assert response.status_code == 302, errors


# Reading pages.


class Tags(HTMLParser):
    """The attributes of each ``name`` tag in ``html``."""

    def __init__(self, html, name):
        super().__init__()
        self.name = name
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == self.name:
            self.found.append(dict(attrs))


def autocomplete_fields(response):
    """(model, field) of every search-as-you-type picker on the page."""
    return {
        (attrs["data-model-name"], attrs["data-field-name"])
        for attrs in Tags(response.content.decode(), "select").found
        if "admin-autocomplete" in attrs.get("class", "")
    }


def autocomplete(client, source, field, term):
    """The names an autocomplete picker offers for ``term``."""
    app_label, model_name = source.split(".")
    response = client.get(
        url("autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field, "term": term},
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def queries_to_show(client, page):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page)
    assert response.status_code == 200
    return len(queries)


def changelist_rows(response):
    return list(response.context["cl"].result_list)


# The admin is complete.


def test_admin_configuration_passes_djangos_checks():
    assert checks.run_checks(tags=[checks.Tags.admin]) == []


@pytest.mark.parametrize(
    "model",
    [
        "people_person",
        "people_relationship",
        "articles_article",
        "photos_photo",
        "photos_creditsource",
        "taggit_tag",
        "articles_contributor",
    ],
)
def test_every_model_can_be_listed_and_added(admin_client, model):
    assert admin_client.get(url(f"{model}_changelist")).status_code == 200
    assert admin_client.get(url(f"{model}_add")).status_code == 200


def test_change_pages_open_with_their_inlines(admin_client):
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    Relationship.objects.create(person=kim, other=kanye, kind="spouse")
    photo = make_photo()
    add_credit(photo, "agency", "IMAGO")
    story = make_article("Kim and Kanye marry", lead_photo=photo)
    ArticlePerson.objects.create(article=story, person=kim, is_main=True)
    story.tags.add("weddings")

    # Each page's inlines, with how many saved rows they show.
    pages = {
        url("people_person_change", kanye.pk): {"relationships": 0, "reverse_relationships": 1},
        url("people_person_change", kim.pk): {"relationships": 1, "reverse_relationships": 0},
        url("articles_article_change", story.pk): {
            "bylines": 0,
            "person_links": 1,
            "tagged_items": 1,
            "reported_relationships": 0,
        },
        url("photos_photo_change", photo.pk): {"credits": 1},
    }
    for page, inlines in pages.items():
        response = admin_client.get(page)
        assert response.status_code == 200
        shown = {
            inline.formset.prefix: inline.formset.initial_form_count()
            for inline in response.context["inline_admin_formsets"]
        }
        assert shown == inlines


# Pickers.


@pytest.mark.parametrize(
    "page, pickers",
    [
        (
            "articles_article_add",
            {
                ("article", "lead_photo"),
                ("article", "related"),
                ("article", "dateline_place"),
                ("byline", "contributor"),
                ("articleperson", "person"),
                ("taggedarticle", "tag"),
                ("relationshipevidence", "relationship"),
            },
        ),
        (
            "photos_photo_add",
            {("photo", "people"), ("photo", "replacement"), ("photocredit", "source")},
        ),
        ("people_person_add", {("relationship", "other"), ("relationship", "person")}),
        (
            "people_relationship_add",
            {
                ("relationship", "person"),
                ("relationship", "other"),
                ("relationshipevidence", "article"),
            },
        ),
    ],
)
def test_people_tags_photos_and_stories_are_picked_by_search(admin_client, page, pickers):
    assert autocomplete_fields(admin_client.get(url(page))) == pickers


def test_story_form_has_no_plain_tags_field(admin_client):
    response = admin_client.get(url("articles_article_add"))
    assert "tags" not in response.context["adminform"].form.fields
    assertNotContains(response, 'name="tags"')


def test_pickers_find_people_by_alias_and_photos_by_who_is_in_them(admin_client, admin_user):
    kanye = make_person("Kanye West", aliases="Ye")
    make_person("Kim Kardashian")
    make_photo(alt_text="Backstage", caption="Ye backstage").people.add(kanye)
    make_photo(alt_text="A sunset in Malibu")
    add_credit(make_photo(alt_text="Red carpet"), "agency", "IMAGO")
    Tag.objects.create(name="Met Gala")
    make_article("Ye announces a new album")

    assert autocomplete(admin_client, "articles.articleperson", "person", "Ye") == ["Kanye West"]
    assert autocomplete(admin_client, "people.relationship", "other", "ye") == ["Kanye West"]
    assert autocomplete(admin_client, "articles.article", "lead_photo", "Kanye") == ["Ye backstage"]
    assert autocomplete(admin_client, "articles.article", "lead_photo", "imago") == ["Red carpet"]
    assert autocomplete(admin_client, "articles.taggedarticle", "tag", "gala") == ["Met Gala"]
    assert autocomplete(admin_client, "articles.article", "related", "album") == [
        "Ye announces a new album"
    ]
    assert autocomplete(admin_client, "articles.byline", "contributor", admin_user.username) == [
        admin_user.get_username()
    ]


@pytest.mark.parametrize(
    "page, slug, source",
    [("people_person_add", "slug", "name"), ("articles_article_add", "slug", "headline")],
)
def test_slug_is_filled_in_from_the_name_or_headline(admin_client, page, slug, source):
    response = admin_client.get(url(page))
    (script,) = [
        attrs
        for attrs in Tags(response.content.decode(), "script").found
        if "data-prepopulated-fields" in attrs
    ]
    config = json.loads(script["data-prepopulated-fields"])
    assert [(field["name"], field["dependency_list"]) for field in config] == [(slug, [source])]


# People.


def test_people_list_shows_age_today_and_finds_aliases(admin_client):
    born = datetime.date(1980, 10, 21)
    kim = make_person("Kim Kardashian", birth_date=born, known_for="media personality")
    make_person("Kanye West", aliases="Ye", known_for="rapper")
    make_person("Amy Winehouse", birth_date="1983-09-14", death_date="2011-07-23")

    response = admin_client.get(url("people_person_changelist"))
    assertContains(response, f'<td class="field-age">{kim.age_today}</td>', html=True)
    assertContains(response, '<td class="field-age">died aged 27</td>', html=True)

    found = admin_client.get(url("people_person_changelist"), {"q": "Ye"})
    assert [person.name for person in changelist_rows(found)] == ["Kanye West"]

    (known_for,) = response.context["cl"].filter_specs
    choices = [choice["display"] for choice in known_for.choices(response.context["cl"])]
    assert choices == ["All", "media personality", "rapper"]
    rappers = admin_client.get(url("people_person_changelist"), {"known_for": "rapper"})
    assert [person.name for person in changelist_rows(rappers)] == ["Kanye West"]


def test_person_with_a_slug_already_taken_is_refused_with_nothing_saved(admin_client):
    kanye = make_person("Kanye West")
    make_person("Kim Kardashian")

    response = admin_client.post(
        url("people_person_add"),
        person_data("Kim Kardashian", ties=[tie("spouse", "2014-05-24", other=kanye.pk)]),
    )

    assertContains(response, "Person with this Slug already exists.")
    assert Person.objects.filter(slug="kim-kardashian").count() == 1
    assert not Relationship.objects.exists()


def test_tie_entered_on_one_page_can_be_ended_from_the_other(admin_client):
    kanye = make_person("Kanye West")

    response = admin_client.post(
        url("people_person_add"),
        person_data("Kim Kardashian", ties=[tie("spouse", "2014-05-24", other=kanye.pk)]),
    )
    assert_saved(response)
    marriage = Relationship.objects.get()
    assert (marriage.person.name, marriage.other) == ("Kim Kardashian", kanye)

    page = admin_client.get(url("people_person_change", kanye.pk))
    (from_kim,) = page.context["inline_admin_formsets"][1].formset.initial_forms
    assert from_kim.instance == marriage

    response = admin_client.post(
        url("people_person_change", kanye.pk),
        person_data(
            "Kanye West",
            ties_from_other_side=[saved_tie(marriage, ended="2022-11-29", end_reason="divorce")],
        ),
    )
    assert_saved(response)
    marriage.refresh_from_db()
    assert (marriage.ended, marriage.end_reason) == (datetime.date(2022, 11, 29), "divorce")


def test_a_ties_person_search_does_not_offer_the_person_whose_page_it_is(admin_client):
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    make_person("Kourtney Kardashian")
    marriage = Relationship.objects.create(person=kim, other=kanye, kind="spouse")

    def offered(page, field, site="http://testserver"):
        admin_client.defaults["HTTP_REFERER"] = site + page
        try:
            return autocomplete(admin_client, "people.relationship", field, "K")
        finally:
            del admin_client.defaults["HTTP_REFERER"]

    kims_page = url("people_person_change", kim.pk)
    assert offered(kims_page, "other") == ["Kanye West", "Kourtney Kardashian"]
    assert offered(kims_page, "person") == ["Kanye West", "Kourtney Kardashian"]
    # On the tie's own page, each end's search leaves out the person at the other end.
    ties_page = url("people_relationship_change", marriage.pk)
    assert "Kim Kardashian" not in offered(ties_page, "other")
    assert "Kanye West" not in offered(ties_page, "person")
    # Elsewhere, and from another site's page, everyone is offered.
    assert "Kim Kardashian" in autocomplete(admin_client, "people.relationship", "other", "K")
    assert "Kim Kardashian" in offered(kims_page, "other", site="http://elsewhere.example")


# Relationships.


def test_relationships_list_filters_by_kind_and_finds_either_person(admin_client):
    kim, kanye, north = (make_person(n) for n in ["Kim Kardashian", "Kanye West", "North West"])
    marriage = Relationship.objects.create(person=kim, other=kanye, kind="spouse")
    parent = Relationship.objects.create(person=kanye, other=north, kind="parent")
    changelist = url("people_relationship_changelist")

    assert changelist_rows(admin_client.get(changelist, {"kind__exact": "spouse"})) == [marriage]
    assert changelist_rows(admin_client.get(changelist, {"q": "North"})) == [parent]
    assert set(changelist_rows(admin_client.get(changelist, {"q": "Kanye"}))) == {
        marriage,
        parent,
    }


def test_relationships_list_filters_ongoing_ties(admin_client):
    kim, kanye, pete = (make_person(n) for n in ["Kim Kardashian", "Kanye West", "Pete Davidson"])
    Relationship.objects.create(person=kim, other=kanye, kind="spouse", ended="2022-11-29")
    ongoing = Relationship.objects.create(person=kim, other=pete, kind="partner")

    response = admin_client.get(url("people_relationship_changelist"), {"ended__isnull": "True"})
    assert changelist_rows(response) == [ongoing]


def test_relationship_with_oneself_is_refused(admin_client):
    kim = make_person("Kim Kardashian")

    response = admin_client.post(url("people_relationship_add"), relationship_data(kim, kim))

    assertContains(response, "A person cannot be in a relationship with themself.")
    assert not Relationship.objects.exists()


def test_relationship_with_oneself_is_refused_on_the_persons_page(admin_client):
    kim = make_person("Kim Kardashian")

    response = admin_client.post(
        url("people_person_change", kim.pk), person_data(ties=[tie(other=kim.pk)])
    )

    assertContains(response, "A person cannot be in a relationship with themself.")
    assert not Relationship.objects.exists()


def test_relationship_ending_before_it_starts_is_refused(admin_client):
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")

    response = admin_client.post(
        url("people_relationship_add"),
        relationship_data(kim, kanye, started="2014-05-24", ended="2012-01-01"),
    )

    assertContains(response, "A relationship cannot end before it started.")
    assert not Relationship.objects.exists()


def test_relationship_ending_before_it_starts_is_refused_on_a_new_persons_page(admin_client):
    kanye = make_person("Kanye West")

    response = admin_client.post(
        url("people_person_add"),
        person_data(ties=[tie(started="2014-05-24", ended="2012-01-01", other=kanye.pk)]),
    )

    assertContains(response, "A relationship cannot end before it started.")
    assert not Person.objects.filter(name="Kim Kardashian").exists()
    assert not Relationship.objects.exists()


def test_relationship_entered_again_from_the_other_side_is_refused(admin_client):
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    Relationship.objects.create(person=kim, other=kanye, kind="spouse", started="2014-05-24")

    response = admin_client.post(
        url("people_relationship_add"), relationship_data(kanye, kim, started="2014-05-24")
    )

    assertContains(response, "This relationship is already recorded.")
    assert Relationship.objects.count() == 1


def test_undated_relationship_entered_again_on_the_other_persons_page_is_refused(admin_client):
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    marriage = Relationship.objects.create(person=kim, other=kanye, kind="spouse")

    response = admin_client.post(
        url("people_person_change", kanye.pk),
        person_data(
            "Kanye West", ties=[tie(other=kim.pk)], ties_from_other_side=[saved_tie(marriage)]
        ),
    )

    assertContains(response, "This relationship is already recorded.")
    assert list(Relationship.objects.all()) == [marriage]


def test_same_tie_entered_on_both_sides_of_a_new_persons_page_is_refused(admin_client):
    kanye = make_person("Kanye West")

    response = admin_client.post(
        url("people_person_add"),
        person_data(
            ties=[tie(started="2014-05-24", other=kanye.pk)],
            ties_from_other_side=[tie(started="2014-05-24", person=kanye.pk)],
        ),
    )

    assertContains(response, "This relationship is already recorded.", count=1)
    assert not Person.objects.filter(name="Kim Kardashian").exists()
    assert not Relationship.objects.exists()


def test_tie_an_editor_cannot_see_is_still_not_recorded_twice(client):
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    Relationship.objects.create(person=kim, other=kanye, kind="spouse")
    editor = get_user_model().objects.create_user("junior", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(codename__in=["view_person", "change_person", "add_relationship"])
    )
    client.force_login(editor)

    page = client.get(url("people_person_change", kanye.pk))
    assert all(not f.formset.initial_forms for f in page.context["inline_admin_formsets"])
    response = client.post(
        url("people_person_change", kanye.pk), person_data("Kanye West", ties=[tie(other=kim.pk)])
    )

    assertContains(response, "This relationship is already recorded.")
    assert Relationship.objects.count() == 1


# Stories.


def test_story_clashes_with_people_and_tags_an_editor_cannot_see_are_refused(client):
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    story = make_article("Kim and Kanye marry")
    ArticlePerson.objects.create(article=story, person=kim, is_main=True)
    story.tags.add("weddings")
    editor = get_user_model().objects.create_user("junior", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(
            codename__in=[
                "change_article",
                "edit_any_article",
                "add_articleperson",
                "add_taggedarticle",
            ]
        )
    )
    client.force_login(editor)

    response = client.post(
        url("articles_article_change", story.pk),
        article_data(
            story.headline,
            people=[(kim, False), (kanye, True)],
            tags=[Tag.objects.get(name="weddings")],
            seen_version=story.version,
        ),
    )

    assertContains(response, "This person is already tagged on the story.")
    assertContains(response, "Only one person can be the main person of a story.")
    assertContains(response, "This tag is already on the story.")
    assert list(story.person_links.values_list("person", flat=True)) == [kim.pk]
    assert story.tagged_items.count() == 1


def test_editor_adds_and_publishes_a_story_with_person_tag_and_photo(admin_client, admin_user):
    kim = make_person("Kim Kardashian")
    weddings = Tag.objects.create(name="weddings")
    photo = make_photo()

    response = admin_client.post(
        url("articles_article_add"),
        article_data(
            people=[(kim, True)],
            tags=[weddings],
            lead_photo=photo.pk,
            authors=[admin_user.pk],
            status="published",
        ),
    )

    assert_saved(response)
    story = Article.objects.get()
    assert story.status == Article.Status.PUBLISHED
    assert story.published_at <= timezone.now()
    assert story.is_live
    assert story.main_person == kim
    assert list(story.tags.all()) == [weddings]
    assert story.lead_photo == photo
    assert list(story.authors.all()) == [admin_user]


def test_story_with_a_slug_already_taken_is_refused_with_nothing_saved(admin_client):
    make_article("Kim and Kanye marry in Florence")
    kim = make_person("Kim Kardashian")
    weddings = Tag.objects.create(name="weddings")

    response = admin_client.post(
        url("articles_article_add"),
        article_data(headline="Kim and Kanye wed", people=[(kim, True)], tags=[weddings])
        | {"slug": "kim-and-kanye-marry-in-florence"},
    )

    assertContains(response, "Another story already uses this slug; choose another.")
    assert Article.objects.count() == 1
    assert not ArticlePerson.objects.exists()
    assert not TaggedArticle.objects.exists()


@pytest.mark.parametrize(
    "people, message",
    [
        ([("kim", True), ("kim", False)], "This person is already tagged on the story."),
        ([("kim", True), ("kanye", True)], "Only one person can be the main person of a story."),
    ],
)
def test_story_with_clashing_people_is_refused_with_nothing_saved(admin_client, people, message):
    cast = {"kim": make_person("Kim Kardashian"), "kanye": make_person("Kanye West")}
    rows = [(cast[name], main) for name, main in people]

    response = admin_client.post(url("articles_article_add"), article_data(people=rows))

    assertContains(response, message)
    assert not Article.objects.exists()
    assert not ArticlePerson.objects.exists()


def test_story_tagged_twice_with_one_tag_is_refused(admin_client):
    weddings = Tag.objects.create(name="weddings")

    response = admin_client.post(
        url("articles_article_add"), article_data(tags=[weddings, weddings])
    )

    assertContains(response, "This tag is already on the story.")
    assert not Article.objects.exists()
    assert not TaggedArticle.objects.exists()


def test_main_person_can_be_handed_to_someone_listed_above_in_one_save(admin_client):
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    story = make_article("Kim and Kanye marry")
    first = ArticlePerson.objects.create(article=story, person=kim, order=0)
    second = ArticlePerson.objects.create(article=story, person=kanye, order=1, is_main=True)
    data = article_data(story.headline, seen_version=story.version) | inline(
        "person_links",
        {"id": first.pk, "person": kim.pk, "is_main": "on", "order": 0},
        {"id": second.pk, "person": kanye.pk, "order": 1},
    )

    assert_saved(admin_client.post(url("articles_article_change", story.pk), data))

    assert story.main_person == kim
    assert list(story.person_links.filter(is_main=True)) == [first]


def test_stories_list_shows_main_person_and_filters_by_status_date_tag_and_person(admin_client):
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West", aliases="Ye")
    wedding = make_article(
        "A wedding in Florence",
        status="published",
        published_at=datetime.datetime(2014, 5, 24, 18, tzinfo=datetime.UTC),
    )
    ArticlePerson.objects.create(article=wedding, person=kanye, order=0)
    ArticlePerson.objects.create(article=wedding, person=kim, order=1, is_main=True)
    wedding.tags.add("weddings")
    album = make_article("A new album")
    ArticlePerson.objects.create(article=album, person=kanye, is_main=True)
    changelist = url("articles_article_changelist")

    response = admin_client.get(changelist)
    assertContains(
        response,
        '<td class="field-main_person"><a href="?person=kim-kardashian">Kim Kardashian</a></td>',
        html=True,
    )
    assertContains(
        response, '<td class="field-tag_list"><a href="?tag=weddings">weddings</a></td>', html=True
    )

    tag = Tag.objects.get(name="weddings")
    assert changelist_rows(admin_client.get(changelist, {"tags__id__exact": tag.pk})) == [wedding]
    assert changelist_rows(admin_client.get(changelist, {"status__exact": "draft"})) == [album]
    assert changelist_rows(admin_client.get(changelist, {"published_at__year": 2014})) == [wedding]
    assert changelist_rows(admin_client.get(changelist, {"q": "Kardashian"})) == [wedding]
    assert set(changelist_rows(admin_client.get(changelist, {"q": "Ye"}))) == {wedding, album}


# Photos.


def test_photo_upload_keeps_credits_in_order_and_shows_the_credit_line(admin_client):
    response = admin_client.post(
        url("photos_photo_add"),
        photo_data(
            jpeg(),
            ("screenshot", "", "Instagram", "kimkardashian", "3"),
            ("agency", "IMAGO", "", "", "1"),
            ("collage", "", "", "", "0"),
            ("supplier", "APress", "", "", "2"),
        ),
    )
    assert_saved(response)
    photo = Photo.objects.get()
    line = "© Collage: IMAGO / APress, Screenshot/Instagram/kimkardashian"
    assert photo.credit_line == line

    page = admin_client.get(url("photos_photo_change", photo.pk))
    assertContains(page, f'<div class="readonly">{line}</div>', html=True)
    (credits,) = page.context["inline_admin_formsets"]
    roles = [form.instance.role for form in credits.formset.initial_forms]
    assert roles == ["collage", "agency", "supplier", "screenshot"]


def test_photos_list_shows_thumbnail_and_credit_line_and_finds_credit_names(admin_client):
    photo = make_photo(caption="Kim at the Met Gala")
    add_credit(photo, "agency", "IMAGO")
    make_photo(caption="A sunset in Malibu")
    changelist = url("photos_photo_changelist")

    response = admin_client.get(changelist)
    # A rendition, as readers get it: the original is private.
    (item,) = photo.rendition_sources("full", "jpeg")
    assertContains(
        response,
        f'<img src="/media/{item["name"]}" alt="{photo.alt_text}" width="80" height="53"'
        ' loading="lazy">',
        html=True,
    )
    assertContains(response, '<td class="field-credit_line">© IMAGO</td>', html=True)
    assert changelist_rows(admin_client.get(changelist, {"q": "imago"})) == [photo]


def test_upload_that_is_not_an_image_is_refused_with_nothing_stored(admin_client, media_root):
    not_an_image = SimpleUploadedFile("kim.jpg", b"not a picture", content_type="image/jpeg")

    response = admin_client.post(url("photos_photo_add"), photo_data(not_an_image))

    assertContains(response, "Upload a valid image.")
    assert not Photo.objects.exists()
    assert stored_files(media_root) == []


def test_screenshot_credit_without_account_is_refused_with_nothing_stored(admin_client, media_root):
    # A screenshot credit must pick its platform account among the credit sources.
    response = admin_client.post(
        url("photos_photo_add"),
        photo_data(
            jpeg(), ("agency", "IMAGO", "", "", "0"), ("screenshot", "", "Instagram", "", "1")
        ),
    )

    assertContains(
        response, "An agency, photographer, supplier or screenshot credit needs its source."
    )
    assert not Photo.objects.exists()
    assert not PhotoCredit.objects.exists()
    assert stored_files(media_root) == []


# Lists stay fast.


def add_story(number, people, photo, tags):
    story = make_article(f"Story {number}", status="published", lead_photo=photo)
    for order, person in enumerate(people):
        ArticlePerson.objects.create(article=story, person=person, order=order, is_main=not order)
    story.tags.add(*tags)


def add_photo(number, people, photo, tags):
    photo = make_photo(caption=f"Photo {number}")
    add_credit(photo, "agency", "IMAGO", order=0)
    add_credit(photo, "photographer", f"P{number}", order=1)
    photo.people.add(*people)


def add_tie(number, people, photo, tags):
    Relationship.objects.create(
        person=make_person(f"Parent {number}"), other=make_person(f"Child {number}"), kind="parent"
    )


@pytest.mark.parametrize(
    "changelist, add_row",
    [
        ("articles_article_changelist", add_story),
        ("photos_photo_changelist", add_photo),
        ("people_relationship_changelist", add_tie),
    ],
)
def test_list_pages_take_as_many_queries_for_twenty_rows_as_for_two(
    admin_client, changelist, add_row
):
    people = [make_person("Kim Kardashian"), make_person("Kanye West")]
    photo = make_photo()
    tags = ["weddings", "fashion"]
    for number in range(2):
        add_row(number, people, photo, tags)
    for_two = queries_to_show(admin_client, url(changelist))
    for number in range(2, 20):
        add_row(number, people, photo, tags)

    assert queries_to_show(admin_client, url(changelist)) == for_two


def test_the_photo_desk_pages_moved_with_the_photos_app_and_old_addresses_lead_there(
    admin_client,
):
    photo = Photo.objects.create(image="photos/x.jpg", alt_text="A star", width=4, height=3)
    change = reverse("admin:photos_photo_change", args=[photo.pk])
    assert change == f"/admin/photos/photo/{photo.pk}/change/"
    assert admin_client.get(change).status_code == 200
    for old, new in [
        (f"/admin/articles/photo/{photo.pk}/change/", change),
        ("/admin/articles/photo/?rights=expiring", "/admin/photos/photo/?rights=expiring"),
        ("/admin/articles/photo/expiring/", reverse("admin:photos_photo_expiring")),
        ("/admin/articles/creditsource/add/", reverse("admin:photos_creditsource_add")),
        ("/admin/articles/photocredit/", "/admin/photos/photocredit/"),
    ]:
        response = admin_client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    # Stories stay where they were.
    assert admin_client.get(reverse("admin:articles_article_changelist")).status_code == 200
    assert reverse("admin:articles_article_changelist") == "/admin/articles/article/"
