"""The desk's home page: each role sees what it has to do next, one click from it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Correction
from articles.roles import EDITOR, PHOTO_DESK, RESEARCHER

from .desk import role_user
from .factories import make_article, make_person, make_photo

pytestmark = pytest.mark.django_db

HOME = reverse("admin:index")
#: Seven lists and the admin's own reads (session, user, roles): whatever the desk holds.
QUERIES = 14


def change(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def panels(client):
    """{title: [(label, url, note)]} as the home page lists them."""
    response = client.get(HOME)
    assert response.status_code == 200
    return {
        panel.title: [(row.label, row.url, row.note) for row in panel.rows]
        for panel in response.context["panels"]
    }


def hours(n):
    return timezone.now() + datetime.timedelta(hours=n)


@pytest.fixture
def desk(reporter, editor):
    """A reporter's draft and submission, the schedule, today's stories."""
    draft = make_article("Draft about the tour", status="draft", authors=[reporter])
    submitted = make_article("Divorce filed", status="draft", authors=[reporter])
    submitted.status = Article.Status.REVIEW
    submitted.save()
    workflow.record(submitted, Article.Status.DRAFT, reporter)
    soon = make_article("Goes live tomorrow", published_at=hours(20))
    later = make_article("Goes live next week", published_at=hours(24 * 6))
    today = make_article("Live this morning", published_at=hours(-0.5))
    Correction.objects.create(article=today, text="The venue was Calabasas, not Malibu.")
    return {"draft": draft, "submitted": submitted, "soon": soon, "later": later, "today": today}


def test_a_reporter_sees_their_drafts_and_where_their_submissions_are(client, reporter, desk):
    client.force_login(reporter)
    seen = panels(client)
    assert [label for label, _, _ in seen["My drafts"]] == ["Draft about the tour"]
    assert seen["Submitted by me"] == [("Divorce filed", change(desk["submitted"]), "in review")]
    # Reviewing is the editors' job.
    assert "Waiting for review" not in seen

    workflow.publish(Article.objects.filter(pk=desk["submitted"].pk), role_user(EDITOR, "ed2"))
    ((_, _, note),) = panels(client)["Submitted by me"]
    assert note.startswith("live since ")


def test_an_editor_sees_what_waits_for_review_the_schedule_and_today(client, editor, desk):
    client.force_login(editor)
    seen = panels(client)
    assert seen["Waiting for review"][0][:2] == ("Divorce filed", change(desk["submitted"]))
    # Within 48 hours only, soonest first, on the desk's clock.
    assert [label for label, _, _ in seen["Scheduled for the next 48 hours"]] == [
        "Goes live tomorrow"
    ]
    ((label, url, note),) = seen["Published today"]
    assert (label, url) == ("Live this morning", change(desk["today"]))
    assert note.endswith(", 1 correction")
    # Each list links to the filtered list behind it.
    html = client.get(HOME).content.decode()
    assert 'href="/admin/articles/article/?state=review"' in html
    assert f'href="{change(desk["soon"])}"' in html


def test_the_photo_desk_sees_licences_running_out_and_no_writing_lists(client):
    ending = make_photo(caption="Red carpet, Cannes", with_renditions=False)
    ending.expires_on = timezone.localdate() + datetime.timedelta(days=10)
    ending.save()
    later = make_photo(caption="Premiere, Berlin", with_renditions=False)
    later.expires_on = timezone.localdate() + datetime.timedelta(days=45)
    later.save()
    client.force_login(role_user(PHOTO_DESK))
    seen = panels(client)
    listed = seen["Photo licences ending within 30 days"]
    assert [(label, url) for label, url, _ in listed] == [
        ("Red carpet, Cannes", reverse("admin:photos_photo_change", args=[ending.pk]))
    ]
    assert "My drafts" not in seen and "Waiting for review" not in seen


def test_live_stories_with_a_photo_or_age_problem_are_warned_about(client, editor):
    kim = make_person("Kim Kardashian", birth_date=datetime.date(1980, 10, 21))
    expired = make_photo(caption="Old agency photo", with_renditions=False)
    expired.expires_on = timezone.localdate() - datetime.timedelta(days=2)
    expired.save()
    with_photo = make_article("Kim at the gala", photo=expired, published_at=hours(-3))
    wrong_age = make_article(
        "Kim's new label",
        people=[kim],
        published_at=hours(-1),
        body="<p>Kim Kardashian (25) launched a label.</p>",
    )
    client.force_login(editor)
    warned = {(label, url): note for label, url, note in panels(client)["Warnings on live stories"]}
    assert warned[("Kim at the gala", change(with_photo))].startswith(
        "lead photo: its licence expired on "
    )
    assert warned[("Kim's new label", change(wrong_age))].startswith("age check: ")


def test_a_researcher_sees_no_writing_lists(client, desk):
    client.force_login(role_user(RESEARCHER))
    seen = panels(client)
    assert "My drafts" not in seen and "Waiting for review" not in seen
    assert "Scheduled for the next 48 hours" in seen


def test_the_home_page_stays_within_the_budget_whatever_the_desk_holds(
    client, editor, desk, django_assert_max_num_queries
):
    for n in range(30):
        make_article(f"Live story {n}", published_at=hours(-1 - n / 100))
        make_article(f"Scheduled story {n}", published_at=hours(1 + n))
    client.force_login(editor)
    with django_assert_max_num_queries(QUERIES):
        seen = panels(client)
    assert len(seen["Published today"]) == 8
    assert "Recent actions" not in client.get(HOME).content.decode()


def test_the_libraries_apps_are_named_in_the_desks_words(client):
    client.force_login(role_user(EDITOR))
    names = [app["name"] for app in client.get(HOME).context["app_list"]]
    assert "Tags" in names
    assert not {"Taggit", "Axes", "Otp_Totp"} & set(names)
