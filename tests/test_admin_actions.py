"""Every action in every admin list draws its first step: a form, a confirmation or a message.

The first step is what an editor meets after ticking rows and pressing Go;
tests that post only the final step never draw it, and a broken form there
is a 500 on the desk.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin import helpers
from django.test import RequestFactory
from django.urls import reverse

from articles.roles import EDITOR, PHOTO_DESK, REPORTER, RESEARCHER
from people.models import Relationship

from .desk import role_user
from .factories import credit_source, make_article, make_person, make_photo, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.ORIGINALS_ROOT = tmp_path / "private"


@pytest.fixture
def one_of_each():
    """A row in each model the desk edits, so every list has something to tick."""
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    Relationship.objects.create(person=kim, other=kanye, kind="spouse")
    credit_source("IMAGO")
    make_article("Kim opens a shop", people=[kim], tags=["business"], photo=make_photo())
    make_user("someone")


def registered_admins():
    return [
        (model, admin.site.get_model_admin(model))
        for model in apps.get_models()
        if admin.site.is_registered(model)
    ]


def actions_for(user, model_admin):
    """The actions ``user`` is offered in the list, if they may open it at all."""
    request = RequestFactory().get("/")
    request.user = user
    if not model_admin.has_view_or_change_permission(request):
        return []
    return list(model_admin.get_actions(request))


def draw_every_action(client, user):
    """(model, action, status) for each action ``user`` is offered, run on one ticked row."""
    client.force_login(user)
    drawn = []
    for model, model_admin in registered_admins():
        row = model._default_manager.order_by("pk").first()
        if row is None:
            continue
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for action in actions_for(user, model_admin):
            response = client.post(
                changelist, {"action": action, helpers.ACTION_CHECKBOX_NAME: [row.pk]}
            )
            drawn.append((model._meta.label, action, response.status_code))
            if response.status_code == 200:
                # A form step: it names the action it is a step of, or the rows it acts on.
                page = response.content.decode()
                assert "<form" in page, (model._meta.label, action)
    return drawn


def test_every_action_draws_its_first_step_for_a_superuser(client, one_of_each):
    superuser = make_user("chief", is_staff=True, is_superuser=True)

    drawn = draw_every_action(client, superuser)

    offered = {(label, action) for label, action, _ in drawn}
    # Each list's own actions were reached, not only Django's delete.
    assert ("articles.Article", "add_person") in offered
    assert ("articles.Article", "add_tag") in offered
    assert ("people.Person", "merge") in offered
    assert ("taggit.Tag", "render_tag_form") in offered
    assert [d for d in drawn if d[2] not in (200, 302)] == []


@pytest.mark.parametrize("role", [EDITOR, REPORTER, PHOTO_DESK, RESEARCHER])
def test_every_action_a_role_is_offered_draws_its_first_step(client, one_of_each, role):
    user = role_user(role)

    drawn = draw_every_action(client, user)

    assert [d for d in drawn if d[2] not in (200, 302)] == []


def test_the_tag_a_person_step_draws_a_search_picker(client, one_of_each):
    client.force_login(role_user(EDITOR))
    story = make_article("Kanye releases an album")

    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "add_person", helpers.ACTION_CHECKBOX_NAME: [story.pk]},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "admin-autocomplete" in page
    assert "Kanye releases an album" in page
