"""Who may do what on the desk: every role against every action, as the server decides.

Each action is posted as a browser (or someone crafting a request) would post
it, whatever the page shows; the test then looks at the database, not at the
page, to see whether the action happened.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles import roles
from articles.models import Article, Correction, Photo, PhotoCredit
from people.models import Person, Relationship

from .desk import (
    PHOTO_FORM,
    admin_url,
    inline,
    local_parts,
    new_story_form,
    photo_form,
    role_user,
    story_form,
)
from .factories import (
    credit_source,
    make_article,
    make_image_file,
    make_person,
    make_photo,
    make_user,
)

pytestmark = pytest.mark.django_db

REPORTER, EDITOR, PHOTO_DESK, RESEARCHER = (
    roles.REPORTER,
    roles.EDITOR,
    roles.PHOTO_DESK,
    roles.RESEARCHER,
)


class Desk:
    """The acting user, the story they wrote, someone else's, a live one, and a person."""

    def __init__(self, client, role):
        self.client = client
        self.user = role_user(role, "actor")
        self.colleague = make_user("colleague", is_staff=True)
        self.kim = make_person("Kim Kardashian", birth_date="1980-10-21")
        self.own = make_article(
            "Own draft about Kim Kardashian", status="draft", authors=[self.user]
        )
        self.others = make_article(
            "Colleague's draft about Kim Kardashian", status="draft", authors=[self.colleague]
        )
        self.live = make_article("A live story", authors=[self.colleague])
        client.force_login(self.user)

    def reload(self, story):
        return Article.objects.get(pk=story.pk)

    def post_change(self, story, **changes):
        return self.client.post(
            admin_url("articles_article_change", story.pk), story_form(story, **changes)
        )

    def bulk(self, action, stories, **extra):
        return self.client.post(
            admin_url("articles_article_changelist"),
            {"action": action, "_selected_action": [s.pk for s in stories], **extra},
        )


# Each action does its thing and says whether it happened.


def add_story(desk):
    desk.client.post(admin_url("articles_article_add"), new_story_form("A new story"))
    return Article.objects.filter(slug="a-new-story").exists()


def edit_own_draft(desk):
    desk.post_change(desk.own, headline="Own draft, rewritten")
    return desk.reload(desk.own).headline == "Own draft, rewritten"


def edit_others_draft(desk):
    desk.post_change(desk.others, headline="Colleague's draft, rewritten")
    return desk.reload(desk.others).headline == "Colleague's draft, rewritten"


def submit_for_review(desk):
    desk.post_change(desk.own, status="review")
    return desk.reload(desk.own).status == "review"


def publish(desk):
    desk.post_change(desk.own, status="published")
    return desk.reload(desk.own).status == "published"


def schedule(desk):
    later = timezone.now() + datetime.timedelta(days=2)
    desk.post_change(desk.own, status="published", **local_parts(later))
    story = desk.reload(desk.own)
    return story.status == "published" and story.published_at > timezone.now()


def unpublish(desk):
    desk.post_change(desk.live, status="draft")
    return desk.reload(desk.live).status == "draft"


def bulk_publish(desk):
    desk.bulk("publish_stories", [desk.others])
    return desk.reload(desk.others).status == "published"


def bulk_unpublish(desk):
    desk.bulk("unpublish_stories", [desk.live])
    return desk.reload(desk.live).status == "draft"


def bulk_add_tag(desk):
    desk.bulk("add_tag", [desk.others], apply="1", tag="exclusive")
    return desk.others.tags.filter(name="exclusive").exists()


def bulk_add_person(desk):
    desk.bulk("add_person", [desk.others], apply="1", person=desk.kim.pk)
    return desk.others.person_links.filter(person=desk.kim).exists()


def add_correction(desk):
    desk.post_change(desk.live, corrections=[("correction", "An earlier version misspelt it.")])
    return Correction.objects.filter(article=desk.live).exists()


def tag_suggested_person(desk):
    desk.post_change(desk.others, _tag_person=str(desk.kim.pk))
    return desk.others.person_links.filter(person=desk.kim).exists()


def preview_others_draft(desk):
    response = desk.client.get(admin_url("articles_article_preview", desk.others.pk))
    return response.status_code == 200 and "Preview for the desk" in response.content.decode()


def delete_story(desk):
    desk.client.post(admin_url("articles_article_delete", desk.others.pk), {"post": "yes"})
    return not Article.objects.filter(pk=desk.others.pk).exists()


def credit(role, name):
    return {"role": role, "source": credit_source(name, kind=role).pk, "name": "", "order": 0}


def add_photo(desk):
    data = photo_form(
        credit("agency", "IMAGO"),
        image=make_image_file(),
        alt_text="Kim Kardashian at a premiere",
    )
    desk.client.post(admin_url("articles_photo_add"), data)
    return Photo.objects.filter(alt_text="Kim Kardashian at a premiere").exists()


def credit_a_photo(desk):
    photo = make_photo()
    data = {**PHOTO_FORM, "alt_text": photo.alt_text, "people": [desk.kim.pk]}
    data.update(inline("credits", credit("photographer", "Jane Example")))
    desk.client.post(admin_url("articles_photo_change", photo.pk), data)
    return PhotoCredit.objects.filter(photo=photo, source__name="Jane Example").exists()


def add_person(desk):
    data = {
        "name": "Kanye West",
        "slug": "kanye-west",
        "aliases": "Ye",
        "birth_date": "1977-06-08",
        "death_date": "",
        "known_for": "rapper",
        "bio": "",
        "instagram": "",
        "birth_date_precision": "day",
    }
    data.update(inline("relationships"))
    data.update(inline("reverse_relationships"))
    desk.client.post(admin_url("people_person_add"), data)
    return Person.objects.filter(slug="kanye-west").exists()


def add_relationship(desk):
    other = make_person("Kanye West")
    desk.client.post(
        admin_url("people_relationship_add"),
        {
            "person": desk.kim.pk,
            "other": other.pk,
            "kind": "spouse",
            "started": "2014-05-24",
            "ended": "",
            "end_reason": "",
            "status": "confirmed",
            "started_precision": "day",
            "ended_precision": "day",
            **inline("evidence"),
        },
    )
    return Relationship.objects.filter(person=desk.kim, other=other).exists()


ACTIONS = {
    add_story: {REPORTER, EDITOR},
    edit_own_draft: {REPORTER, EDITOR},
    edit_others_draft: {EDITOR},
    submit_for_review: {REPORTER, EDITOR},
    publish: {EDITOR},
    schedule: {EDITOR},
    unpublish: {EDITOR},
    bulk_publish: {EDITOR},
    bulk_unpublish: {EDITOR},
    bulk_add_tag: {EDITOR},
    bulk_add_person: {EDITOR, RESEARCHER},
    add_correction: {EDITOR},
    tag_suggested_person: {EDITOR, RESEARCHER},
    preview_others_draft: {REPORTER, EDITOR, PHOTO_DESK, RESEARCHER},
    delete_story: {EDITOR},
    add_photo: {PHOTO_DESK},
    credit_a_photo: {PHOTO_DESK},
    add_person: {RESEARCHER},
    add_relationship: {RESEARCHER},
}


@pytest.mark.parametrize("role", [REPORTER, EDITOR, PHOTO_DESK, RESEARCHER])
@pytest.mark.parametrize("action", list(ACTIONS), ids=lambda action: action.__name__)
def test_role_against_action(client, role, action):
    desk = Desk(client, role)
    assert action(desk) == (role in ACTIONS[action])


def test_the_four_roles_are_created_by_the_migrations():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Reporter",
        "Editor",
        "Photo desk",
        "Researcher",
    }
    editor = Group.objects.get(name="Editor")
    assert editor.permissions.filter(codename="publish_article").exists()
    assert (
        not Group.objects.get(name="Reporter")
        .permissions.filter(codename="publish_article")
        .exists()
    )


def test_a_reporter_who_crafts_a_publishing_post_is_told_why_and_keeps_the_text(client):
    desk = Desk(client, REPORTER)

    response = desk.post_change(desk.own, status="published", body="<p>My scoop.</p>")

    assert response.status_code == 200
    assert "Only an editor can publish" in response.content.decode()
    assert "My scoop." in response.content.decode()
    assert desk.reload(desk.own).status == "draft"


def test_a_reporter_cannot_touch_a_story_once_it_is_published(client):
    desk = Desk(client, REPORTER)
    mine = make_article("My published story", authors=[desk.user])

    desk.post_change(mine, headline="Changed after publication")

    assert desk.reload(mine).headline == "My published story"


def test_a_reporter_sees_no_publish_option_and_no_bulk_publishing(client):
    desk = Desk(client, REPORTER)

    page = client.get(admin_url("articles_article_change", desk.own.pk)).content.decode()
    listing = client.get(admin_url("articles_article_changelist")).content.decode()

    assert 'value="published"' not in page
    assert "publish_stories" not in listing
    assert "add_tag" not in listing


def test_the_preview_works_for_no_one_outside_the_desk(client):
    story = make_article("A draft", status="draft")
    preview = reverse("admin:articles_article_preview", args=[story.pk])

    assert client.get(preview).status_code == 302  # to the login page
    client.force_login(make_user("reader"))
    assert client.get(preview).status_code == 302
    client.force_login(make_user("someone", is_staff=True))  # staff, but no role
    assert client.get(preview).status_code == 403
    assert client.get(story.get_absolute_url()).status_code == 404
