"""The body as readers see it and as the desk checks it: people, teasers, ages, suggestions."""

import datetime

import pytest
from django.utils import timezone

from articles.body import age_mismatches, link_people, plain_text, reading_minutes, word_count
from articles.models import Article
from articles.roles import EDITOR, REPORTER
from articles.sanitize import clean_body

from .desk import admin_url, new_story_form, role_user, story_form
from .factories import make_article, make_person, make_photo

pytestmark = pytest.mark.django_db

SEED_DAY = timezone.make_aware(datetime.datetime(2021, 2, 5, 10))


@pytest.fixture
def kim():
    return make_person(
        "Kim Kardashian", slug="kim-kardashian", birth_date="1980-10-21", aliases="Kim K"
    )


@pytest.fixture
def kanye():
    return make_person("Kanye West", slug="kanye-west", birth_date="1977-06-08", aliases="Ye")


@pytest.fixture
def psalm():
    return make_person("Psalm West", slug="psalm-west", birth_date="2019-05-09")


def story_page(client, story):
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('class="story__body"') : html.index("</article>")]


# People in the text.


def test_first_mention_of_each_tagged_person_links_to_them_with_their_age(client, kim, kanye):
    story = make_article(
        "Kanye is sad",
        published_at=SEED_DAY,
        people=[kim, kanye],
        body="<p>Kanye West misses Kim Kardashian. Kim Kardashian is silent.</p>"
        "<p>Ye has said nothing.</p>",
    )

    body = story_page(client, story)

    assert '<a class="person-mention" href="/people/kanye-west/">Kanye West</a> (43)' in body
    assert (
        '<a class="person-mention" href="/people/kim-kardashian/">Kim Kardashian</a> (40)' in body
    )
    assert body.count("person-mention") == 2  # later mentions and the alias stay plain
    assert "Kim Kardashian is silent" in body


def test_a_hand_typed_age_after_the_first_mention_gives_way_to_the_computed_one(client, kanye):
    story = make_article(
        "Kanye is sad",
        published_at=SEED_DAY,
        people=[kanye],
        body="<p>Kanye West (45) is sad.</p>",
    )

    body = story_page(client, story)

    assert "Kanye West</a> (43) is sad" in body
    assert "(45)" not in body


def test_people_are_found_by_alias_and_never_inside_an_existing_link(kim, kanye):
    story = make_article("Ye speaks", published_at=SEED_DAY, people=[kim, kanye], body="")
    html = (
        '<p><a href="https://example.com/">Kim Kardashian</a> and Ye. '
        "Then Kim Kardashian again. Yesterday.</p>"
    )

    rendered = link_people(html, list(story.person_links.select_related("person")))

    assert '<a href="https://example.com/">Kim Kardashian</a>' in rendered
    assert '<a class="person-mention" href="/people/kanye-west/">Ye</a> (43)' in rendered
    assert (
        '<a class="person-mention" href="/people/kim-kardashian/">Kim Kardashian</a> (40) again'
        in rendered
    )
    assert "Yesterday" in rendered


def test_untagged_people_and_people_without_a_birth_date_are_left_as_written(client, kim):
    nobody = make_person("Jane Doe")
    story = make_article(
        "Stars",
        published_at=SEED_DAY,
        people=[nobody],
        body="<p>Kim Kardashian met Jane Doe.</p>",
    )

    body = story_page(client, story)

    assert "Kim Kardashian met" in body and "kim-kardashian" not in body
    assert '<a class="person-mention" href="/people/jane-doe/">Jane Doe</a>.' in body


# Inline teasers.


def test_teaser_renders_a_card_with_the_current_headline_thumbnail_and_link(client):
    target = make_article("Angel Reese heads to Chicago", photo=make_photo())
    story = make_article(
        "Kanye is sad", body=f"<p>Before.</p><p>[teaser: {target.slug}]</p><p>After.</p>"
    )
    Article.objects.filter(pk=target.pk).update(headline="Angel Reese arrives in Chicago")

    body = story_page(client, story)

    assert 'class="inline-teaser"' in body
    assert "Angel Reese arrives in Chicago" in body
    assert "Angel Reese heads to Chicago" not in body
    assert f'href="{target.get_absolute_url()}"' in body
    # The thumbnail is the photo's smallest card rendition: never the original file.
    photo = target.lead_photo
    card = photo.rendition_sources("card", "jpeg")[0]
    teaser = body[body.index('class="inline-teaser"') :]
    assert f'src="/media/{card["name"]}"' in teaser
    assert photo.image.name not in body
    assert "[teaser" not in body
    assert body.index("Before.") < body.index("inline-teaser") < body.index("After.")


def test_teaser_disappears_when_its_story_is_unpublished_or_scheduled(client):
    target = make_article("Angel Reese heads to Chicago")
    story = make_article("Kanye is sad", body=f"<p>[teaser: {target.slug}]</p><p>Text.</p>")

    Article.objects.filter(pk=target.pk).update(status="draft")
    assert "inline-teaser" not in story_page(client, story)
    Article.objects.filter(pk=target.pk).update(
        status="published", published_at=timezone.now() + datetime.timedelta(hours=1)
    )
    body = story_page(client, story)
    assert "inline-teaser" not in body and "[teaser" not in body
    assert "Text." in body


def test_admin_refuses_a_teaser_for_a_story_that_does_not_exist(client):
    existing = make_article("Angel Reese heads to Chicago", status="draft")
    client.force_login(role_user(EDITOR))

    refused = client.post(
        admin_url("articles_article_add"),
        new_story_form(body="<p>[teaser: no-such-story]</p><p>My text.</p>"),
    )
    accepted = client.post(
        admin_url("articles_article_add"),
        new_story_form(
            "Another story", body=f"<p>[teaser: http://x.test{existing.get_absolute_url()}]</p>"
        ),
    )

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "No story has the address “no-such-story”" in page
    assert "My text." in page
    assert accepted.status_code == 302
    assert Article.objects.filter(slug="another-story").exists()


# The age check.


def test_age_check_names_the_person_the_printed_age_and_the_right_one(psalm, kanye):
    story = Article(
        headline="The Wests",
        body="<p>Their son Psalm (2) and his father Kanye West (43).</p>",
        published_at=SEED_DAY,
    )

    [mismatch] = age_mismatches(story, [psalm, kanye])

    assert (mismatch.person, mismatch.printed, mismatch.right) == (psalm, 2, 1)
    assert "Psalm West" in str(mismatch) and "Psalm (2)" in str(mismatch)
    assert "they are 1" in str(mismatch)


def test_publishing_with_a_wrong_age_is_held_until_the_text_is_fixed_or_confirmed(client, psalm):
    story = make_article(
        "The Wests",
        status="review",
        published_at=SEED_DAY,
        people=[psalm],
        body="<p>Their son Psalm (2) is the youngest.</p>",
    )
    client.force_login(role_user(EDITOR))
    url = admin_url("articles_article_change", story.pk)

    held = client.post(url, story_form(story, status="published"))
    assert held.status_code == 200
    page = held.content.decode()
    assert "Age check: Psalm West" in page and "Psalm (2)" in page and "they are 1" in page
    assert Article.objects.get(pk=story.pk).status == "review"

    fixed = client.post(
        url, story_form(story, status="published", body="<p>Their son Psalm (1).</p>")
    )
    assert fixed.status_code == 302
    assert Article.objects.get(pk=story.pk).status == "published"


def test_an_editor_may_publish_a_printed_age_that_is_right_for_its_own_reasons(client, psalm):
    story = make_article(
        "Looking back",
        status="review",
        published_at=SEED_DAY,
        people=[psalm],
        body="<p>Psalm (2) in an old photo.</p>",
    )
    client.force_login(role_user(EDITOR))

    response = client.post(
        admin_url("articles_article_change", story.pk),
        story_form(story, status="published", publish_despite_ages="on"),
    )

    assert response.status_code == 302
    assert Article.objects.get(pk=story.pk).status == "published"


def test_a_draft_saves_with_a_wrong_age_and_the_desk_is_warned(client, psalm):
    story = make_article(
        "The Wests",
        status="draft",
        published_at=SEED_DAY,
        people=[psalm],
        body="<p>Psalm (2).</p>",
    )
    client.force_login(role_user(EDITOR))

    response = client.post(
        admin_url("articles_article_change", story.pk), story_form(story), follow=True
    )

    assert "Age check: Psalm West" in response.content.decode()


# People suggestions.


def test_people_named_but_not_tagged_are_suggested_and_tagged_with_one_click(client, kim, kanye):
    reporter = role_user(REPORTER)
    story = make_article(
        "Kim Kardashian and Ye",
        status="draft",
        people=[kim],
        authors=[reporter],
        body="<p>Kim Kardashian spoke. Yesterday, nothing from anyone else.</p>",
    )
    client.force_login(reporter)
    url = admin_url("articles_article_change", story.pk)

    page = client.get(url).content.decode()
    assert "Kanye West is named in the text but not tagged" in page
    assert "Kim Kardashian is named" not in page

    response = client.post(url, story_form(story, _tag_person=str(kanye.pk)), follow=True)

    assert story.person_links.filter(person=kanye).exists()
    assert "Kanye West is now tagged on the story." in response.content.decode()
    assert "Kanye West is named in the text" not in response.content.decode()


def test_saving_lists_the_suggestions(client, kim, kanye):
    client.force_login(role_user(EDITOR))

    response = client.post(
        admin_url("articles_article_add"),
        new_story_form(body="<p>Kanye West and Kim K were seen.</p>"),
        follow=True,
    )

    page = response.content.decode()
    assert "Named in the text but not tagged: " in page
    assert "Kanye West" in page and "Kim Kardashian" in page


@pytest.mark.parametrize("long_text", [False, True])
def test_names_with_inner_punctuation_accents_and_aliases_are_suggested(
    client, monkeypatch, long_text
):
    if long_text:
        # A text too long to list its word runs is compared with every name.
        monkeypatch.setattr("articles.body.MOST_RUNS", 1)
    make_person("Jay-Z")
    make_person("Beyoncé Knowles-Carter", aliases="Beyoncé, Queen Bey")
    make_person("Blue Ivy Carter")
    make_person("Ivy Park")  # both words are in the text, but not in a row
    story = make_article(
        "On tour",
        status="draft",
        body="<p>Jay-Z’s tour with Beyoncé opened in a park; Blue Ivy Carter, 12, danced.</p>",
    )
    client.force_login(role_user(EDITOR))
    page = client.get(admin_url("articles_article_change", story.pk)).content.decode()
    for named in ["Jay-Z", "Beyoncé Knowles-Carter", "Blue Ivy Carter"]:
        assert f"{named} is named in the text but not tagged" in page
    assert "Ivy Park is named" not in page


# Writing.


def test_pasted_word_and_browser_html_is_cleaned_on_the_server(client):
    pasted = (
        '<p class="MsoNormal" style="margin:0"><span style="font-family:Calibri">Hello '
        '<b onclick="steal()">world</b></span><o:p></o:p></p>'
        "<script>alert(1)</script><style>p{}</style>"
        '<p><a href="javascript:alert(1)">link</a> <img src=x onerror=alert(1)></p>'
        "<h2>Sub</h2><ul><li>one</li></ul><blockquote>quote</blockquote>"
    )
    client.force_login(role_user(EDITOR))

    client.post(admin_url("articles_article_add"), new_story_form(body=pasted))

    body = Article.objects.get().body
    assert body == clean_body(pasted)
    for gone in ["script", "style", "onclick", "onerror", "javascript:", "class=", "<img", "o:p"]:
        assert gone not in body
    for kept in ["<b>world</b>", "<h2>Sub</h2>", "<li>one</li>", "<blockquote>quote</blockquote>"]:
        assert kept in body


def test_the_body_is_edited_in_the_rich_text_editor_served_from_the_package(client):
    client.force_login(role_user(EDITOR))

    page = client.get(admin_url("articles_article_add")).content.decode()

    assert "data-django-prose-editor" in page
    assert "/static/django_prose_editor/editor.js" in page
    assert "/static/admin/articles/desk.js" in page
    assert "//cdn" not in page and "unpkg" not in page


def test_word_count_reading_time_and_headline_hint_on_the_story_page(client):
    words = " ".join(["word"] * 460)
    story = make_article("A" * 70, status="draft", body=f"<p>{words}</p><p>[teaser: x]</p>")
    client.force_login(role_user(EDITOR))

    page = client.get(admin_url("articles_article_change", story.pk)).content.decode()

    assert "460 words, about 2 min reading" in page
    assert "Search results show about 60 characters." in page
    assert word_count(plain_text("<p>Kim &amp; Kanye</p><p>wed</p>")) == 4
    assert reading_minutes(0) == 0 and reading_minutes(1) == 1 and reading_minutes(231) == 2
