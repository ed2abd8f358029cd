"""A person's page shows the photos they are tagged in, from published stories."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from photos import renditions
from photos.models import Photo

from .factories import make_article, make_person, make_photo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def gallery(html):
    match = re.search(r'<section class="person-photos".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_photos_of_the_person_link_to_their_newest_story(client):
    kim = make_person("Kim Kardashian", slug="kim-kardashian")
    kanye = make_person("Kanye West", slug="kanye-west")
    both = make_photo(people=[kim, kanye], alt_text="Kim and Kanye")
    renditions.refresh(both)
    older = make_article(
        "Older story", photo=both, published_at=timezone.now() - timezone.timedelta(days=9)
    )
    newer = make_article("Newer story", photo=both)
    only_kanye = make_photo(people=[kanye])
    make_article("Kanye alone", photo=only_kanye)

    html = gallery(client.get(kim.get_absolute_url()).content.decode())
    assert "Photos of Kim Kardashian" in html
    assert html.count("<img") == 1
    assert f'href="{newer.get_absolute_url()}"' in html and older.get_absolute_url() not in html
    assert 'alt="Kim and Kanye"' in html and ".webp" in html
    assert f"/media/renditions/{only_kanye.pk}/" not in html


def test_unpublished_expired_and_unused_photos_stay_off_the_page(client):
    kim = make_person("Kim Kardashian", slug="kim-kardashian")
    draft_photo = make_photo(people=[kim])
    make_article("A draft", photo=draft_photo, status=Article.Status.DRAFT)
    expired = make_photo(people=[kim], expires_on=timezone.localdate())
    make_article("Expired photo", photo=expired)
    make_photo(people=[kim])  # in no story
    html = client.get(kim.get_absolute_url()).content.decode()
    assert gallery(html) == ""


def test_the_gallery_costs_one_query_however_many_photos(client):
    kim = make_person("Kim Kardashian", slug="kim-kardashian")

    def add(count):
        for _ in range(count):
            make_article("Story", photo=make_photo(people=[kim]), people=[kim])

    add(1)
    with CaptureQueriesContext(connection) as few:
        client.get(kim.get_absolute_url())
    add(12)
    with CaptureQueriesContext(connection) as many:
        html = client.get(kim.get_absolute_url()).content.decode()
    assert len(few) == len(many)
    assert gallery(html).count("<img") == 8
    assert sum("story_slug" in q["sql"] for q in many) == 1


def test_the_newest_photos_come_first_and_the_gallery_stops_at_eight(client):
    kim = make_person("Kim Kardashian", slug="kim-kardashian")
    photos = [make_photo(people=[kim], alt_text=f"Photo {n}") for n in range(10)]
    for n, photo in enumerate(photos):
        # The oldest photos lead the newest stories: the photos' own order counts.
        make_article(
            f"Story {n}", photo=photo, published_at=timezone.now() - timezone.timedelta(hours=n)
        )
    html = gallery(client.get(kim.get_absolute_url()).content.decode())
    shown = re.findall(r'alt="(Photo \d+)"', html)
    assert shown == [f"Photo {n}" for n in range(9, 1, -1)]


def test_a_photos_newest_story_is_found_by_the_photo_not_by_walking_every_story():
    # Without statistics (a fresh SQLite or one never analysed), the gallery's
    # "newest story of this photo" once walked every published story per photo:
    # 28 seconds for a star's page at 20,000 stories.
    kim = make_person("Kim Kardashian", slug="kim-kardashian")
    make_article("Kim story", photo=make_photo(people=[kim]), people=[kim])
    stories = Article.objects.published(timezone.now())
    query = Photo.objects.of_person_in_stories(kim.pk, stories)[:8].query
    sql, params = query.sql_with_params()
    if connection.vendor != "sqlite":
        # PostgreSQL plans from statistics, which tiny test tables do not give.
        pytest.skip("the plan without statistics is SQLite's")
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "article_lead_photo_newest" in plan, plan
