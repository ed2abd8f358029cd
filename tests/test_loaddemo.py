import datetime
import hashlib
import re
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command
from django.core.management.base import CommandError
from taggit.models import Tag

from articles import demo
from articles.body import age_mismatches, mentioned_people, teaser_slugs
from articles.models import (
    Article,
    ArticlePerson,
    Byline,
    Contributor,
    RelationshipEvidence,
    TaggedArticle,
)
from people.models import Person, PersonAlias, Relationship
from photos.models import CreditSource, Photo, PhotoCredit

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
SEED_CREDIT = "© Collage: IMAGO / APress, Screenshot/Instagram/kimkardashian"
CHILDREN = {"north-west": 7, "saint-west": 5, "chicago-west": 3, "psalm-west": 1}


@pytest.fixture
def media(settings, tmp_path):
    settings.DEBUG = True  # loaddemo refuses to run without it
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def loaddemo(**options):
    out = StringIO()
    call_command("loaddemo", stdout=out, **options)
    return out.getvalue()


def files_under(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def snapshot(media_root):
    models = [
        Person,
        Relationship,
        Article,
        ArticlePerson,
        Byline,
        Contributor,
        Photo,
        PhotoCredit,
        CreditSource,
        Tag,
        TaggedArticle,
        Article.authors.through,
        Article.related.through,
        Photo.people.through,
        RelationshipEvidence,
        PersonAlias,
        get_user_model(),
    ]
    rows = {model._meta.label: list(model.objects.order_by("pk").values()) for model in models}
    rows["files"] = files_under(media_root)
    return rows


def test_seed_story(media):
    loaddemo()
    seed = Article.objects.for_story_page().get(slug=demo.SEED_SLUG)
    assert seed.is_live
    assert Article.objects.published().filter(pk=seed.pk).exists()
    window = (
        datetime.datetime(2021, 1, 15, tzinfo=BERLIN),
        datetime.datetime(2021, 2, 19, tzinfo=BERLIN),
    )
    assert window[0] <= seed.published_at < window[1]
    assert seed.dateline == "Calabasas, California"
    assert seed.main_person.slug == "kim-kardashian"
    assert {link.person.slug for link in seed.person_links.all()} == {
        "kim-kardashian",
        "kanye-west",
        *CHILDREN,
    }
    assert {"divorce", "kardashians"} <= set(seed.tags.names())
    assert seed.body.count("<h2>") == 1
    assert seed.body.count("<p>") >= 4
    for first_name, years in [("North", 7), ("Saint", 5), ("Chicago", 3), ("Psalm", 1)]:
        assert f"{first_name} ({years})" in seed.body
    assert seed.authors.get().username == demo.USERNAME
    assert {story.slug for story in seed.related.all()} >= {
        "kim-kardashian-files-for-divorce-from-kanye-west"
    }


def test_seed_photo_and_credit_line(media, originals_root):
    loaddemo()
    photo = Article.objects.get(slug=demo.SEED_SLUG).lead_photo
    assert photo.credit_line == SEED_CREDIT
    assert [credit.role for credit in photo.credits.all()] == [
        "collage",
        "agency",
        "supplier",
        "screenshot",
    ]
    assert {person.slug for person in photo.people.all()} == {"kim-kardashian", "kanye-west"}
    assert photo.alt_text
    assert "(" not in photo.caption  # ages are the site's job, not the caption's
    assert photo.image.name == f"demo/{demo.SEED_SLUG}.jpg"
    assert (photo.width, photo.height) == (1200, 675)
    # The original is kept privately; only its renditions are under the media root.
    assert (Path(originals_root) / photo.image.name).is_file()
    assert not (Path(media) / photo.image.name).exists()


def test_demo_photos_have_renditions_and_shared_credit_sources(media):
    output = loaddemo()
    assert f"Renditions: made for {Photo.objects.count()} photos" in output
    for photo in Photo.objects.all():
        assert [item["width"] for item in photo.rendition_sources("full", "webp")] == [
            480,
            800,
            1200,
        ]
        assert photo.rendition_sources("card", "jpeg")
        for item in photo.renditions["items"]:
            assert (Path(media) / item["name"]).is_file()
        assert photo.share_image_url.endswith("-full-1200.jpg")
    imago = CreditSource.objects.get(name="IMAGO")
    assert imago.kind == "agency"
    assert imago.credits.count() >= 5
    assert CreditSource.objects.get(name="kimkardashian").platform == "Instagram"
    seed = Article.objects.get(slug=demo.SEED_SLUG).lead_photo
    assert [credit.source for credit in seed.credits.all()][1:3] == [
        imago,
        CreditSource.objects.get(name="APress"),
    ]
    assert "Renditions: made for 0 photos" in loaddemo()
    assert seed.licence == "agency" and seed.restrictions.startswith("Editorial use only")
    assert {photo.licence for photo in Photo.objects.all()} == {"agency", "social", "own"}


def test_children_ages_on_publication(media):
    loaddemo()
    seed = Article.objects.get(slug=demo.SEED_SLUG)
    for slug, years in CHILDREN.items():
        assert Person.objects.get(slug=slug).age_on(seed.published_at) == years
    assert Person.objects.get(slug="kim-kardashian").age_on(seed.published_at) == 40
    assert Person.objects.get(slug="kanye-west").age_on(seed.published_at) == 43


def test_people_and_relationships(media):
    loaddemo()
    kim = Person.objects.get(slug="kim-kardashian")
    kanye = Person.objects.get(slug="kanye-west")
    assert kim.birth_date == datetime.date(1980, 10, 21)
    assert kim.instagram == "kimkardashian"
    assert kanye.alias_list == ["Ye"]
    marriage = Relationship.objects.get(person=kim, other=kanye, kind="spouse")
    assert marriage.started == datetime.date(2014, 5, 24)
    assert marriage.ended == datetime.date(2022, 11, 29)
    assert marriage.end_reason == "divorce"
    parents = Relationship.objects.filter(
        kind="parent", person__in=[kim, kanye], other__slug__in=list(CHILDREN)
    )
    assert parents.count() == 8
    assert [tie.label for tie in Relationship.objects.ties_of(kim)].count("Parent of") == 4


def test_relationship_details_portraits_and_evidence(media):
    loaddemo()
    kim = Person.objects.get(slug="kim-kardashian")
    kanye = Person.objects.get(slug="kanye-west")
    assert kim.birth_place == "Los Angeles, California"
    marriage = Relationship.objects.get(person=kim, other=kanye, kind="spouse")
    assert (marriage.place, marriage.status) == ("Florence, Italy", "confirmed")
    assert (marriage.ordinal, marriage.other_ordinal) == (3, 1)
    assert {e.article.slug for e in marriage.evidence.all()} == {
        "kim-kardashian-files-for-divorce-from-kanye-west",
        "kim-kardashian-and-kanye-west-settle-their-divorce",
    }
    assert set(Relationship.objects.filter(kind="parent").values_list("kinship", flat=True)) == {
        "biological"
    }
    assert Photo.objects.portraits_of(kim).exists()
    assert PersonAlias.objects.get(key="ye").person == kanye


def test_archive(media):
    loaddemo()
    published = Article.objects.published()
    assert published.count() >= 13
    years = {story.published_at.year for story in published}
    assert {2021, 2022, 2023, 2024, 2025} <= years
    people = Person.objects.filter(article_links__article__in=published).distinct()
    assert people.count() >= 8
    for story in published.for_story_page():
        assert story.headline and story.standfirst and story.dateline and story.body
        assert story.main_person is not None
        assert story.lead_photo is not None
        assert story.lead_photo.credit_line.startswith("© ")
        assert story.tags.exists()
    assert ArticlePerson.objects.filter(is_main=True).count() == Article.objects.count()


def test_draft_and_scheduled_stories_are_hidden(media):
    loaddemo()
    draft = Article.objects.get(status="draft")
    scheduled = Article.objects.get(slug="the-west-children-a-family-timeline")
    assert scheduled.status == "published" and not scheduled.is_live
    published = Article.objects.published()
    assert not published.filter(pk__in=[draft.pk, scheduled.pk]).exists()


def test_editor_account(media):
    output = loaddemo()
    user = get_user_model().objects.get(username=demo.USERNAME)
    assert user.is_staff and user.is_superuser and user.is_active
    assert user.check_password(demo.PASSWORD)
    validate_password(demo.PASSWORD, user)
    assert "http://127.0.0.1:8000/admin/" in output
    assert demo.PASSWORD in output
    assert set(Article.objects.values_list("authors__username", flat=True)) == {demo.USERNAME}


def test_second_run_changes_nothing(media):
    first_output = loaddemo()
    before = snapshot(media)
    second_output = loaddemo()
    assert snapshot(media) == before
    assert "0 unchanged" in first_output
    assert "0 created, 0 updated" in second_output
    assert "Demo editor account: unchanged" in second_output


def test_files_left_by_an_earlier_load_are_reused(media, originals_root):
    loaddemo()
    originals = files_under(Path(originals_root) / "demo")
    Article.objects.all().delete()
    Photo.objects.all().delete()
    assert not files_under(Path(media) / "renditions")  # they went with their photos
    loaddemo()
    assert files_under(Path(originals_root) / "demo") == originals
    assert Photo.objects.count() == len(originals)
    assert all(photo.rendition_sources("full", "webp") for photo in Photo.objects.all())


def test_edits_to_demo_rows_are_put_back(media):
    loaddemo()
    seed = Article.objects.get(slug=demo.SEED_SLUG)
    seed.headline = "Changed"
    seed.save()
    seed.lead_photo.credits.filter(role="supplier").delete()
    user = get_user_model().objects.get(username=demo.USERNAME)
    user.set_password("something-else-entirely")
    user.save()
    loaddemo()
    seed.refresh_from_db()
    assert seed.headline != "Changed"
    assert seed.lead_photo.credit_line == SEED_CREDIT
    user.refresh_from_db()
    assert user.check_password(demo.PASSWORD)


def test_a_failed_load_leaves_nothing_behind(media, originals_root, monkeypatch):
    broken = {**demo.STORIES[-1], "slug": "broken", "people": ["nobody"], "main": "nobody"}
    monkeypatch.setattr(demo, "STORIES", [*demo.STORIES, broken])
    with pytest.raises(KeyError):
        loaddemo()
    assert not Person.objects.exists()
    assert not Article.objects.exists()
    assert not get_user_model().objects.exists()
    assert files_under(media) == {} and files_under(originals_root) == {}


def test_refuses_without_debug(media, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        loaddemo()
    assert not Person.objects.exists()
    loaddemo(allow_without_debug=True)
    assert Person.objects.exists()


def test_seed_story_page_links_its_people_and_shows_its_teaser_and_desk_accounts(media, client):
    loaddemo()
    seed = Article.objects.get(slug=demo.SEED_SLUG)
    teased = Article.objects.get(slug=demo.CHICAGO_SLUG)

    page = client.get(seed.get_absolute_url()).content.decode()

    assert teased.published_at < seed.published_at
    assert '<a class="person-mention" href="/people/kanye-west/">Kanye West</a> (43)' in page
    assert (
        '<a class="person-mention" href="/people/kim-kardashian/">Kim Kardashian</a> (40)' in page
    )
    assert 'class="inline-teaser"' in page and teased.headline in page
    for username, role in demo.DESK_ACCOUNTS.items():
        user = get_user_model().objects.get(username=username)
        assert user.is_staff and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert user.check_password(demo.PASSWORD)


def test_demo_stories_were_last_changed_when_they_were_published(media, client):
    loaddemo()
    stories = Article.objects.published().filter(published_at__year=2021)
    assert stories.exists()
    for story in stories:
        assert story.updated_at == story.published_at
        assert story.created_at == story.published_at
    seed = Article.objects.get(slug=demo.SEED_SLUG)
    page = client.get(seed.get_absolute_url()).content.decode()
    (modified,) = re.findall(r'"dateModified": "([^"]+)"', page)
    assert datetime.datetime.fromisoformat(modified) == seed.published_at
    sitemap = client.get("/sitemap-stories.xml").content.decode()
    assert "<lastmod>2021-" in sitemap
    # Not the day the demo was loaded (no demo story is published today).
    assert f"<lastmod>{datetime.date.today().isoformat()}" not in sitemap
    # People were last changed when the desk first wrote about them, not on loading day.
    kim = Person.objects.get(slug="kim-kardashian")
    assert kim.updated_at.year < datetime.date.today().year


def test_a_demo_loaded_before_gets_its_dates_corrected(media):
    loaddemo()
    Article.objects.update(updated_at=datetime.datetime(2026, 12, 1, tzinfo=BERLIN))
    Person.objects.update(updated_at=datetime.datetime(2026, 12, 1, tzinfo=BERLIN))
    loaddemo()
    seed = Article.objects.get(slug=demo.SEED_SLUG)
    assert seed.updated_at == seed.published_at
    kanye = Person.objects.get(slug="kanye-west")
    first = Article.objects.published().filter(person_links__person=kanye).earliest("published_at")
    assert kanye.updated_at == first.published_at
    before = snapshot(media)
    loaddemo()
    assert snapshot(media) == before


ACCOUNTS = [demo.USERNAME, *demo.DESK_ACCOUNTS]


def printed_passwords(output):
    """The ``username: password`` lines loaddemo prints for new accounts."""
    found = dict(re.findall(r"^  (\w+): (\S+)$", output, re.MULTILINE))
    return {name: password for name, password in found.items() if name in ACCOUNTS}


def test_without_debug_no_account_is_made_unless_asked(media, settings):
    settings.DEBUG = False
    output = loaddemo(allow_without_debug=True)
    assert Article.objects.exists()
    assert not get_user_model().objects.exists()
    assert demo.PASSWORD not in output
    assert "--with-accounts" in output


def test_without_debug_accounts_get_random_passwords_printed_once(media, settings):
    settings.DEBUG = False
    output = loaddemo(allow_without_debug=True, with_accounts=True)
    assert demo.PASSWORD not in output
    passwords = printed_passwords(output)
    assert set(passwords) == set(ACCOUNTS)
    assert len(set(passwords.values())) == len(ACCOUNTS)
    User = get_user_model()
    for username, password in passwords.items():
        user = User.objects.get(username=username)
        assert user.check_password(password)
        assert not user.check_password(demo.PASSWORD)
        validate_password(password, user)
    assert User.objects.get(username=demo.USERNAME).is_superuser
    assert set(Article.objects.values_list("authors__username", flat=True)) == {demo.USERNAME}

    # A changed password survives a second load, which prints no password at all.
    editor = User.objects.get(username=demo.USERNAME)
    editor.set_password("the editor's own choice 42")
    editor.save()
    before = snapshot(media)
    again = loaddemo(allow_without_debug=True, with_accounts=True)
    assert printed_passwords(again) == {}
    assert snapshot(media) == before
    assert "left as it is" in again
    editor.refresh_from_db()
    assert editor.check_password("the editor's own choice 42")


def test_without_debug_a_published_password_is_replaced_and_said(media, settings):
    loaddemo()  # with DEBUG: the published password
    settings.DEBUG = False
    output = loaddemo(allow_without_debug=True, with_accounts=True)
    passwords = printed_passwords(output)
    assert set(passwords) == set(ACCOUNTS)
    for username, password in passwords.items():
        user = get_user_model().objects.get(username=username)
        assert user.check_password(password) and not user.check_password(demo.PASSWORD)
    assert "published demo password replaced" in output


def test_the_demo_has_a_guest_writer_with_an_author_page(media, client):
    loaddemo()
    story = Article.objects.get(slug="angel-reese-drafted-by-the-chicago-sky")
    assert [b.contributor.name for b in story.bylines.all()] == ["Lena Hart", "Demo Editor"]
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<a href="/authors/lena-hart/" rel="author">Lena Hart</a>' in html
    page = client.get("/authors/lena-hart/").content.decode()
    assert "Contributor" in page and "Angel Reese is heading to Chicago" in page


SECTIONS = {"stars", "tv", "music", "royals", "sport"}


def test_the_demo_is_an_archive_worth_reading(media):
    """Enough stories, over enough years, sections and kinds, to fill a front page."""
    loaddemo()
    published = Article.objects.published()
    assert published.count() >= 40
    years = {story.published_at.year for story in published}
    assert set(range(2019, 2026)) <= years
    assert set(published.values_list("kind", flat=True)) == set(Article.Kind.values)
    # Every story names its section (read by loaddemo with the sections), and
    # each section has a handful of live stories.
    assert all(spec.get("section") in SECTIONS for spec in demo.STORIES)
    live = set(published.values_list("slug", flat=True))
    per_section = {
        section: sum(spec["slug"] in live for spec in demo.STORIES if spec["section"] == section)
        for section in SECTIONS
    }
    assert min(per_section.values()) >= 5, per_section
    assert all("kind" in spec for spec in demo.STORIES)
    # Short notes are the minority, and not what the newest story is.
    assert published.filter(kind="note").count() * 3 < published.count()
    assert published.newest_first().first().kind != "note"
    # More than one guest writer, each with stories of their own.
    guests = Contributor.objects.filter(account__isnull=True, bylines__isnull=False).distinct()
    assert guests.count() >= 2


def test_every_demo_story_passes_the_desks_checks(media):
    """No hand-typed age disagrees with a birth date, and everyone named is tagged."""
    loaddemo()
    everyone = list(Person.objects.all())
    wrong_ages, untagged = {}, {}
    for story in Article.objects.prefetch_related("person_links__person"):
        tagged = {link.person for link in story.person_links.all()}
        if mismatches := age_mismatches(story, tagged):
            wrong_ages[story.slug] = [str(mismatch) for mismatch in mismatches]
        text = " ".join([story.headline, story.standfirst, story.body])
        if named := set(mentioned_people(text, everyone)) - tagged:
            untagged[story.slug] = sorted(person.name for person in named)
    assert wrong_ages == {}
    assert untagged == {}


def test_demo_teasers_and_related_stories_are_live_and_older(media):
    """Every teaser card and pinned story shows on the page, and was there to pick."""
    loaddemo()
    for story in Article.objects.published().prefetch_related("related"):
        teased = Article.objects.filter(slug__in=teaser_slugs(story.body))
        assert teased.count() == len(teaser_slugs(story.body)), story.slug
        for other in [*teased, *story.related.all()]:
            assert other.is_live, (story.slug, other.slug)
    assert Article.objects.filter(body__contains="[teaser:").count() >= 8


def test_the_wider_desk_has_its_families_and_couples(media):
    loaddemo()
    william = Person.objects.get(slug="prince-william")
    assert [tie.label for tie in Relationship.objects.ties_of(william)].count("Child of") == 1
    kourtney = Person.objects.get(slug="kourtney-kardashian")
    marriage = Relationship.objects.get(person=kourtney, kind="spouse")
    assert marriage.other.slug == "travis-barker"
    assert {e.article.slug for e in marriage.evidence.all()} == {
        "kourtney-kardashian-and-travis-barker-marry-in-portofino"
    }
    queen = Person.objects.get(slug="queen-elizabeth-ii")
    assert queen.death_date == datetime.date(2022, 9, 8)
    # Everyone the demo writes about has a portrait for the people index.
    written_about = Person.objects.filter(article_links__is_main=True).distinct()
    assert all(Photo.objects.portraits_of(person).exists() for person in written_about)
