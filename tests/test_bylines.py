"""Bylines: staff writers and guests, in order, each with an author page readers can open."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Byline, Contributor

from .desk import admin_url, inline, story_form
from .factories import make_article, make_photo, make_user
from .migrating import migrate

pytestmark = pytest.mark.django_db


def guest(name="Mara Lind", **fields):
    return Contributor.objects.create(name=name, slug=name.lower().replace(" ", "-"), **fields)


def byline_text(html):
    start = html.index('<span class="byline">')
    return html[start : html.index("</span>", start)]


def names(story):
    return [b.contributor.name for b in Byline.objects.filter(article=story)]


class TestBylinesAndAuthorsStayEqual:
    """The byline is what is printed; the staff on it are the accounts that may edit."""

    def test_an_account_added_as_author_is_printed_after_the_names_already_there(self):
        ana = make_user("ana", first_name="Ana", last_name="Reyes")
        story = make_article("Kim opens a shop")
        Byline.objects.create(article=story, contributor=guest(), order=0)
        story.authors.add(ana)
        assert names(story) == ["Mara Lind", "Ana Reyes"]
        story.authors.remove(ana)
        assert names(story) == ["Mara Lind"]

    def test_a_staff_writer_put_on_the_byline_may_edit_the_story_and_loses_it_when_taken_off(
        self, reporter
    ):
        story = make_article("Kim opens a shop")
        byline = Byline.objects.create(article=story, contributor=reporter.contributor)
        assert list(story.authors.all()) == [reporter]
        byline.delete()
        assert not story.authors.exists()

    def test_a_guest_on_the_byline_is_no_author_on_the_desk(self):
        story = make_article("Kim opens a shop")
        Byline.objects.create(article=story, contributor=guest())
        assert not story.authors.exists()

    def test_changes_from_the_accounts_side_and_clears_follow(self):
        ana, bo = make_user("ana"), make_user("bo")
        story = make_article("Kim opens a shop")
        ana.articles.add(story)
        story.authors.add(bo)
        Byline.objects.create(article=story, contributor=guest(), order=5)
        assert names(story) == ["ana", "bo", "Mara Lind"]
        ana.articles.clear()
        assert names(story) == ["bo", "Mara Lind"]
        story.authors.clear()
        assert names(story) == ["Mara Lind"]
        story.authors.set([ana])
        assert names(story) == ["Mara Lind", "ana"]

    def test_a_staff_writers_byline_follows_the_accounts_name(self):
        ana = make_user("ana", first_name="Ana", last_name="Reyes")
        story = make_article("Kim opens a shop", authors=[ana])
        ana.last_name = "Reyes-Blum"
        ana.save()
        assert names(story) == ["Ana Reyes-Blum"]

    def test_a_guest_who_joins_the_staff_may_edit_their_stories(self):
        writer = guest()
        story = make_article("Kim opens a shop")
        Byline.objects.create(article=story, contributor=writer)
        account = make_user("mara", first_name="Mara", last_name="Lind")
        writer.account = account
        writer.save()
        assert list(story.authors.all()) == [account]
        writer.account = None
        writer.save()
        assert not story.authors.exists()

    def test_every_staff_account_can_be_picked_and_gets_a_free_address(self):
        first = make_user("ana1", first_name="Ana", last_name="Reyes", is_staff=True)
        second = make_user("ana2", first_name="Ana", last_name="Reyes", is_staff=True)
        assert first.contributor.slug == "ana-reyes"
        assert second.contributor.slug == "ana-reyes-2"
        reader = make_user("reader")
        assert not Contributor.objects.filter(account=reader).exists()

    def test_links_must_be_web_addresses_and_the_bad_line_is_named(self):
        writer = Contributor(name="Mara Lind", slug="mara-lind", links="https://lind.example\nlind")
        with pytest.raises(ValidationError) as error:
            writer.full_clean()
        assert "Line 2" in str(error.value) and "lind" in str(error.value)


class TestTheStoryPage:
    def test_the_byline_prints_every_author_in_order_linked_to_their_page(self, client):
        ana = make_user("ana", first_name="Ana", last_name="Reyes")
        story = make_article("Kim opens a shop")
        Byline.objects.create(article=story, contributor=guest(), order=0)
        story.authors.add(ana)
        html = client.get(story.get_absolute_url()).content.decode()
        assert byline_text(html) == (
            '<span class="byline">By <a href="/authors/mara-lind/" rel="author">Mara Lind</a>'
            ' and <a href="/authors/ana-reyes/" rel="author">Ana Reyes</a>'
        )

    def test_feeds_json_ld_and_the_api_name_the_same_authors(self, client):
        story = make_article("Kim opens a shop", standfirst="A shop.")
        Byline.objects.create(article=story, contributor=guest(), order=0)
        feed = client.get("/feed/").content.decode()
        assert "Mara Lind" in feed
        html = client.get(story.get_absolute_url()).content.decode()
        assert '"url": "http://testserver/authors/mara-lind/"' in html
        api = client.get(f"/api/v1/stories/{story.slug}/").json()
        assert api["authors"] == ["Mara Lind"]


class TestTheAuthorPage:
    def test_shows_bio_links_portrait_with_credit_and_published_stories_newest_first(self, client):
        portrait = make_photo([("photographer", "Jo Snap")], alt_text="Mara Lind")
        writer = guest(
            bio="Mara covers fashion weeks.",
            links="https://lind.example/\nhttps://www.instagram.com/maralind",
            photo=portrait,
        )
        now = timezone.now()
        for n, status in enumerate(["published", "published", "draft"]):
            story = make_article(
                f"Story {n}", status=status, published_at=now - datetime.timedelta(days=n)
            )
            Byline.objects.create(article=story, contributor=writer)
        later = make_article("Scheduled", published_at=now + datetime.timedelta(days=1))
        Byline.objects.create(article=later, contributor=writer)

        response = client.get("/authors/mara-lind/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "<h1>Mara Lind</h1>" in html and "Contributor" in html
        assert "Mara covers fashion weeks." in html
        assert 'href="https://www.instagram.com/maralind" rel="me noopener"' in html
        assert "Jo Snap" in html  # the portrait's credit line
        assert html.index("Story 0") < html.index("Story 1")
        assert "Story 2" not in html and "Scheduled" not in html
        assert "(2)" in html

    def test_a_staff_writer_is_called_so(self, client, reporter):
        make_article("Kim opens a shop", authors=[reporter])
        html = client.get(reporter.contributor.get_absolute_url()).content.decode()
        assert "Staff writer" in html and "Kim opens a shop" in html

    def test_an_unknown_author_or_page_is_not_found(self, client):
        assert client.get("/authors/nobody/").status_code == 404
        guest()
        assert client.get("/authors/mara-lind/?page=9").status_code == 404

    @pytest.mark.usefixtures("uncached_pages")
    def test_costs_the_same_queries_with_two_stories_or_forty(self, client):
        writer = guest(photo=make_photo([("agency", "IMAGO")]))

        def count():
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/authors/mara-lind/").status_code == 200
            return len(queries)

        for n in range(2):
            Byline.objects.create(article=make_article(f"Story {n}"), contributor=writer)
        few = count()
        for n in range(2, 40):
            Byline.objects.create(article=make_article(f"Story {n}"), contributor=writer)
        # The author with the portrait, its credits, the count, the page.
        assert few == count() <= 4


class TestTheStoryForm:
    def test_an_editor_puts_a_guest_first_and_a_reporter_second(self, client, editor, reporter):
        story = make_article("Kim opens a shop", authors=[reporter])
        writer = guest()
        client.force_login(editor)
        mine = story.bylines.get()
        data = story_form(story)
        data.update(
            inline(
                "bylines",
                {"id": mine.pk, "article": story.pk, "contributor": reporter.contributor.pk,
                 "order": 1},
                {"contributor": writer.pk, "order": 0},
            )
        )  # fmt: skip
        response = client.post(admin_url("articles_article_change", story.pk), data)
        assert response.status_code == 302
        assert names(story) == ["Mara Lind", reporter.contributor.name]
        assert list(story.authors.all()) == [reporter]

    def test_the_same_author_twice_is_refused_and_nothing_is_saved(self, client, editor):
        story = make_article("Kim opens a shop")
        writer = guest()
        client.force_login(editor)
        data = story_form(story, headline="A new headline")
        data.update(
            inline(
                "bylines",
                {"contributor": writer.pk, "order": 0},
                {"contributor": writer.pk, "order": 1},
            )
        )
        response = client.post(admin_url("articles_article_change", story.pk), data)
        assert response.status_code == 200
        assert "This author is already on the byline." in response.content.decode()
        story.refresh_from_db()
        assert story.headline == "Kim opens a shop" and not story.bylines.exists()

    def test_a_reporter_cannot_take_themselves_off_their_own_story(self, client, reporter):
        story = make_article("Kim opens a shop", status="draft", authors=[reporter])
        client.force_login(reporter)
        data = story_form(story)
        mine = story.bylines.get()
        data.update(
            inline(
                "bylines",
                {"id": mine.pk, "article": story.pk, "contributor": mine.contributor_id,
                 "order": 0, "DELETE": "on"},
                {"contributor": guest().pk, "order": 1},
            )
        )  # fmt: skip
        response = client.post(admin_url("articles_article_change", story.pk), data)
        assert response.status_code == 200
        assert "Keep your own name on the byline" in response.content.decode()
        assert names(story) == [reporter.contributor.name]

    def test_a_new_story_carries_its_writers_byline(self, client, reporter):
        from .desk import new_story_form

        client.force_login(reporter)
        response = client.post(admin_url("articles_article_add"), new_story_form("Kim opens"))
        assert response.status_code == 302
        story = Article.objects.get(headline="Kim opens")
        assert names(story) == [reporter.contributor.name]
        assert list(story.authors.all()) == [reporter]

    def test_editors_add_guest_authors_and_reporters_may_not(self, client, editor, reporter):
        data = {"name": "Mara Lind", "slug": "mara-lind", "bio": "", "links": "", "account": ""}
        client.force_login(reporter)
        assert client.post(admin_url("articles_contributor_add"), data).status_code == 403
        client.force_login(editor)
        assert client.post(admin_url("articles_contributor_add"), data).status_code == 302
        page = client.get(admin_url("articles_contributor_changelist")).content.decode()
        assert "Mara Lind" in page and "guest" in page
        # A staff writer's name is their account's: shown, not edited, here.
        own = client.get(admin_url("articles_contributor_change", editor.contributor.pk))
        assert own.status_code == 200 and 'name="name"' not in own.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_every_storys_authors_into_its_bylines_in_account_order():
    apps = migrate([("articles", "0025_bylines")])
    User = apps.get_model(*get_user_model()._meta.label.split("."))
    Article = apps.get_model("articles", "Article")
    ana = User.objects.create(username="ana", first_name="Ana", last_name="Reyes")
    bo = User.objects.create(username="bo")
    staff = User.objects.create(username="cy", is_staff=True)
    story = Article.objects.create(headline="Two writers", slug="two-writers")
    story.authors.add(bo, ana)
    alone = Article.objects.create(headline="One writer", slug="one-writer")
    alone.authors.add(bo)

    migrate()
    from articles.models import Article as Current

    shown = {
        s.slug: [(b.contributor.name, b.order) for b in s.bylines.all()]
        for s in Current.objects.prefetch_related("bylines__contributor")
    }
    assert shown == {"two-writers": [("Ana Reyes", 0), ("bo", 1)], "one-writer": [("bo", 0)]}
    assert Contributor.objects.get(account_id=staff.pk).slug == "cy"


class TestTheAuthorListing:
    """An author's page walks their bylines' copies, as a person's page walks theirs."""

    def test_unpublishing_and_moving_a_story_in_time_is_followed_and_nothing_drifts(self, client):
        from reading import listings

        writer = guest()
        now = timezone.now()
        stories = [
            make_article(f"Story {n}", published_at=now - datetime.timedelta(days=40 * n))
            for n in range(25)
        ]
        for story in stories:
            Byline.objects.create(article=story, contributor=writer)
        first = client.get("/authors/mara-lind/").content.decode()
        assert "(25)" in first and "Story 0" in first and "Story 20" not in first
        second = client.get("/authors/mara-lind/?page=2").content.decode()
        assert "Story 20" in second and "Story 24" in second and "Story 0<" not in second

        stories[0].status = Article.Status.DRAFT
        stories[0].save()
        Article.objects.filter(pk=stories[1].pk).update(
            published_at=now + datetime.timedelta(days=1)
        )
        from articles.signals import stories_written

        stories_written([stories[1].pk])
        page = client.get("/authors/mara-lind/").content.decode()
        assert "(23)" in page and "Story 0<" not in page and "Story 1<" not in page
        assert list(listings.check()) == []
        assert Article.objects.get(pk=stories[2].pk).author_ids == [writer.pk]

    def test_checklistings_finds_and_repairs_a_bylines_stale_copy(self):
        from reading import listings

        writer = guest()
        story = make_article("Kim opens a shop")
        Byline.objects.create(article=story, contributor=writer)
        Byline.objects.filter(article=story).update(is_published=False)
        found = list(listings.check(repair=True))
        assert [drift.kind for drift in found] == ["contributor link copy"]
        assert "kim-opens-a-shop" in str(found[0])
        assert list(listings.check()) == []


def test_a_dump_from_before_bylines_loads_with_its_authors_on_the_bylines(
    tmp_path, django_capture_on_commit_callbacks
):
    import json

    from django.core.management import call_command

    ana = make_user("ana", first_name="Ana", last_name="Reyes")
    dump = tmp_path / "old.json"
    dump.write_text(
        json.dumps(
            [
                {
                    "model": "articles.article",
                    "pk": 500,
                    "fields": {
                        "headline": "An old story",
                        "slug": "an-old-story",
                        "status": "draft",
                        "created_at": "2020-01-01T10:00:00Z",
                        "updated_at": "2020-01-01T10:00:00Z",
                        "authors": [ana.pk],
                    },
                }
            ]
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("loaddata", str(dump), verbosity=0)
    assert names(Article.objects.get(pk=500)) == ["Ana Reyes"]
