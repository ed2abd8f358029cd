"""The demo's sections and front page: loaddemo files every story under its section and
places the desk's lead, and a second load changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles import demo
from articles.management.commands.loaddemo import FRONT_PAGE, SECTIONS
from articles.models import Article, FrontSlot, Section
from reading.sections import SECTIONS as SECTION_LISTING

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.DEBUG = True  # loaddemo refuses to run without it
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_every_demo_story_is_filed_under_its_section_and_the_lead_is_placed(client, media):
    call_command("loaddemo", stdout=StringIO())
    assert list(Section.objects.values_list("slug", flat=True)) == [s for s, _, _ in SECTIONS]
    for spec in demo.STORIES:
        story = Article.objects.get(slug=spec["slug"])
        assert story.section.slug == spec.get("section", "stars"), spec["slug"]
    seed = Article.objects.get(slug=demo.SEED_SLUG)
    assert seed.section.slug == "stars"
    # Each section page counts what its stories give.
    for section in Section.objects.all():
        live = Article.objects.published().filter(section=section).count()
        assert sum(n for _, n in SECTION_LISTING.months(section)) == live
    place, slug, headline = FRONT_PAGE[0]
    assert FrontSlot.objects.get(place=place).article.slug == slug
    assert f">{headline}</a></h2>" in client.get("/").text
    output = StringIO()
    call_command("loaddemo", stdout=output)
    assert "Sections: 0 created, 0 updated, 5 unchanged" in output.getvalue()
