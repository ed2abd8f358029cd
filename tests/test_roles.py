"""Who may do what on the desk: every role against every action, as the server decides.

Each action is posted as a browser (or someone crafting a request) would post
it, whatever the page shows; the test then looks at the database, not at the
page, to see whether the action happened.
"""

import datetime

import pytest
import reversion
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles import roles
from articles.models import Article, Correction
from people.models import Person, Relationship
from photos.models import Photo, PhotoCredit

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


def revisions(story, *headlines):
    """Save ``story`` once per headline, each a revision; the versions, oldest first."""
    for headline in headlines:
        with reversion.create_revision():
            story.headline = headline
            story.save()
    return list(Version.objects.get_for_object(story))[::-1]


def restore(desk, story):
    """Post an old revision's form back unchanged, as the restore page draws it."""
    older, newer = revisions(story, "The old headline", "The new headline")
    current = desk.reload(story)
    data = story_form(current, headline="The old headline")
    desk.client.post(admin_url("articles_article_revision", story.pk, older.pk), data)
    after = desk.reload(story)
    written = after.version != current.version or after.headline != "The new headline"
    return written


def restore_live_story(desk):
    return restore(desk, desk.live)


def restore_own_draft(desk):
    return restore(desk, desk.own)


def open_restore_form(desk):
    older, _ = revisions(desk.live, "The old headline", "The new headline")
    response = desk.client.get(admin_url("articles_article_revision", desk.live.pk, older.pk))
    assert desk.reload(desk.live).headline == "The new headline"
    return response.status_code == 200


def see_history_and_compare(desk):
    older, newer = revisions(desk.live, "The old headline", "The new headline")
    history = desk.client.get(admin_url("articles_article_history", desk.live.pk))
    compare = desk.client.get(
        admin_url("articles_article_compare", desk.live.pk), {"old": older.pk, "new": newer.pk}
    )
    return history.status_code == compare.status_code == 200


def deleted_story(desk):
    story = make_article("A story deleted by mistake", status="draft", authors=[desk.user])
    (version,) = revisions(story, "A story deleted by mistake")
    data = story_form(story)
    story.delete()
    return version, data


def recover_deleted_story(desk):
    version, data = deleted_story(desk)
    # The recovered story comes back at the version its revision kept, as the form says.
    desk.client.post(admin_url("articles_article_recover", version.pk), data)
    return Article.objects.filter(slug="a-story-deleted-by-mistake").exists()


def list_deleted_stories(desk):
    deleted_story(desk)
    response = desk.client.get(admin_url("articles_article_recoverlist"))
    return response.status_code == 200 and "A story deleted by mistake" in response.content.decode()


def bulk_delete(desk):
    desk.bulk("delete_selected", [desk.others], post="yes")
    return not Article.objects.filter(pk=desk.others.pk).exists()


def draw_bulk_forms(desk):
    tag = desk.bulk("add_tag", [desk.others])
    person = desk.bulk("add_person", [desk.others])
    drawn = [r.status_code == 200 and b'name="apply"' in r.content for r in (tag, person)]
    assert not desk.others.tags.exists() and not desk.others.person_links.exists()
    return drawn


def merge_people(desk):
    twin = make_person("Kim Kardashian West")
    desk.client.post(
        admin_url("people_person_changelist"),
        {
            "action": "merge",
            "_selected_action": [desk.kim.pk, twin.pk],
            "confirm": "yes",
            "keep": desk.kim.pk,
        },
    )
    return not Person.objects.filter(pk=twin.pk).exists()


def draw_merge_form(desk):
    twin = make_person("Kim Kardashian West")
    response = desk.client.post(
        admin_url("people_person_changelist"),
        {"action": "merge", "_selected_action": [desk.kim.pk, twin.pk]},
    )
    assert Person.objects.filter(pk=twin.pk).exists()
    return response.status_code == 200 and b'name="keep"' in response.content


def search_people_to_tag(desk):
    response = desk.client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "articleperson", "field_name": "person"},
    )
    return response.status_code == 200 and "Kim Kardashian" in response.content.decode()


def credit(role, name):
    return {"role": role, "source": credit_source(name, kind=role).pk, "name": "", "order": 0}


def add_photo(desk):
    data = photo_form(
        credit("agency", "IMAGO"),
        image=make_image_file(),
        alt_text="Kim Kardashian at a premiere",
    )
    desk.client.post(admin_url("photos_photo_add"), data)
    return Photo.objects.filter(alt_text="Kim Kardashian at a premiere").exists()


def credit_a_photo(desk):
    photo = make_photo()
    data = {**PHOTO_FORM, "alt_text": photo.alt_text, "people": [desk.kim.pk]}
    data.update(inline("credits", credit("photographer", "Jane Example")))
    desk.client.post(admin_url("photos_photo_change", photo.pk), data)
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
    # Revisions: only editors restore, though everyone who sees stories sees their history.
    restore_live_story: {EDITOR},
    restore_own_draft: {EDITOR},
    open_restore_form: {EDITOR},
    see_history_and_compare: {REPORTER, EDITOR, PHOTO_DESK, RESEARCHER},
    recover_deleted_story: {EDITOR},
    list_deleted_stories: {EDITOR},
    bulk_delete: {EDITOR},
    merge_people: {RESEARCHER},
    draw_merge_form: {RESEARCHER},
    search_people_to_tag: {REPORTER, EDITOR, PHOTO_DESK, RESEARCHER},
}

# Forms drawn by a bulk action: (add a tag, tag a person).
BULK_FORMS = {
    REPORTER: [False, False],
    EDITOR: [True, True],
    PHOTO_DESK: [False, False],
    RESEARCHER: [False, True],
}


@pytest.mark.parametrize("role", [REPORTER, EDITOR, PHOTO_DESK, RESEARCHER])
def test_role_against_bulk_forms(client, role):
    assert draw_bulk_forms(Desk(client, role)) == BULK_FORMS[role]


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
