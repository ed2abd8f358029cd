"""A field added to a story or a person reaches the desk with no list to keep in step.

Every field a form could edit appears on the admin's change form, save those
the exclusion lists name (edited by an inline), and the role rules treat it
as they treat its neighbours. Pronouns, the field added to prove it, show on
the story page, the person page and the API, and bad ones are refused.
"""

import pytest

from articles.admin import ArticleAdmin
from articles.forms import StoryForm
from articles.models import Article
from articles.roles import EDITOR, RESEARCHER
from common.admin_fields import form_field_names
from people.merging import COMPANIONS, FILLED, OWN_RULES
from people.models import Person

from .desk import admin_url, role_user
from .factories import make_article, make_person

pytestmark = pytest.mark.django_db


def shown_fields(response):
    """(the fields on the page's form, the fields shown read-only)."""
    admin_form = response.context["adminform"]
    readonly = {
        name
        for fieldset in admin_form
        for line in fieldset
        for f in line
        if f.is_readonly
        for name in [f.field["name"]]
    }
    return set(admin_form.form.fields), readonly


def model_field_names(model):
    return {field.name for field in [*model._meta.concrete_fields, *model._meta.many_to_many]}


def test_the_exclusion_lists_name_real_fields():
    for name in [*StoryForm._meta.exclude]:
        assert name in model_field_names(Article)
    for name in [*OWN_RULES, *COMPANIONS, *(n for names in COMPANIONS.values() for n in names)]:
        assert name in model_field_names(Person)


def test_every_editable_story_field_is_on_the_form_and_read_only_for_a_researcher(client):
    story = make_article("Kim opens a store", status=Article.Status.DRAFT)
    expected = set(form_field_names(Article, exclude=StoryForm._meta.exclude))
    assert {"headline", "body", "lead_photo", "related"} <= expected

    client.force_login(role_user(EDITOR))
    fields, _ = shown_fields(client.get(admin_url("articles_article_change", story.pk)))
    assert expected <= fields

    client.force_login(role_user(RESEARCHER))
    fields, readonly = shown_fields(client.get(admin_url("articles_article_change", story.pk)))
    assert expected <= readonly
    assert not expected & fields


def test_every_editable_person_field_is_on_the_form(admin_client):
    kim = make_person("Kim Kardashian")
    expected = set(form_field_names(Person))
    assert {"name", "birth_date_precision", "wikidata_id", "pronouns"} <= expected
    fields, _ = shown_fields(admin_client.get(admin_url("people_person_change", kim.pk)))
    assert expected <= fields


def test_the_story_fieldsets_place_every_field_once():
    placed = [f for _, options in ArticleAdmin.fieldsets for f in options["fields"]]
    assert len(placed) == len(set(placed))


def test_a_merge_fills_every_field_without_a_rule_of_its_own():
    filled = {name for name, _ in FILLED}
    companions = {n for names in COMPANIONS.values() for n in names}
    assert filled == set(form_field_names(Person)) - set(OWN_RULES) - companions
    assert "pronouns" in filled


# Pronouns -------------------------------------------------------------------


def test_pronouns_show_after_the_name_in_the_people_box_and_on_the_person_page(client):
    sam = make_person("Sam Smith", pronouns="they/them")
    kim = make_person("Kim Kardashian")
    story = make_article("Sam Smith and Kim at the Met Gala", people=[sam, kim])

    page = client.get(story.get_absolute_url()).content.decode()
    box = page[page.index('class="people-box"') :]
    assert 'Sam Smith</a> <span class="pronouns">(they/them)</span>' in box
    assert 'Kim Kardashian</a><span class="pronouns">' not in box
    assert "Kim Kardashian</a> <span" not in box

    page = client.get(sam.get_absolute_url()).content.decode()
    assert '<h1>Sam Smith <span class="pronouns">(they/them)</span></h1>' in page
    assert "<h1>Kim Kardashian</h1>" in client.get(kim.get_absolute_url()).content.decode()


def test_pronouns_are_in_the_api(client):
    sam = make_person("Sam Smith", pronouns="they/them")
    story = make_article("Sam Smith at the Brits", people=[sam])
    person = client.get(f"/api/v1/people/{sam.slug}/").json()
    assert person["pronouns"] == "they/them"
    story = client.get(f"/api/v1/stories/{story.slug}/").json()
    assert story["people"][0]["person"]["pronouns"] == "they/them"


def test_the_desk_edits_pronouns_and_is_told_what_is_wrong_with_bad_ones(admin_client):
    sam = make_person("Sam Smith")
    url = admin_url("people_person_change", sam.pk)
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {
            "relationships-TOTAL_FORMS": "0",
            "relationships-INITIAL_FORMS": "0",
            "reverse_relationships-TOTAL_FORMS": "0",
            "reverse_relationships-INITIAL_FORMS": "0",
        }
    )
    data["birth_details_private"] = ""
    response = admin_client.post(url, {**data, "pronouns": "She Her"})
    assert response.status_code == 200
    assert "lower-case words between slashes" in response.content.decode()
    sam.refresh_from_db()
    assert sam.pronouns == ""

    response = admin_client.post(url, {**data, "pronouns": "they/them"})
    assert response.status_code == 302
    sam.refresh_from_db()
    assert sam.pronouns == "they/them"
