"""Which stories readers see, what a saved body keeps, and who a story is about."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms import modelform_factory
from django.utils import timezone

from articles.models import Article, ArticlePerson
from tests.factories import link_person, make_article, make_person

pytestmark = pytest.mark.django_db

Status = Article.Status


def hours_from_now(hours):
    return timezone.now() + datetime.timedelta(hours=hours)


def visible(**kw):
    return {story.headline for story in Article.objects.published(**kw)}


# What readers see


def test_readers_see_only_published_stories_whose_time_has_come():
    make_article("Live", published_at=hours_from_now(-1))
    make_article("Draft", status=Status.DRAFT)
    make_article("Draft with a date", status=Status.DRAFT, published_at=hours_from_now(-1))
    make_article("In review", status=Status.REVIEW, published_at=hours_from_now(-1))
    make_article("Scheduled", published_at=hours_from_now(2))
    assert visible() == {"Live"}


def test_a_scheduled_story_appears_when_its_time_comes():
    scheduled = make_article("Scheduled", published_at=hours_from_now(2))
    assert visible() == set()
    assert not scheduled.is_live
    assert visible(now=hours_from_now(3)) == {"Scheduled"}
    assert visible(now=scheduled.published_at) == {"Scheduled"}  # the very moment counts


def test_moving_the_time_into_the_past_makes_a_story_visible():
    scheduled = make_article("Scheduled", published_at=hours_from_now(2))
    scheduled.published_at = hours_from_now(-0.1)
    scheduled.save()
    assert visible() == {"Scheduled"}
    assert scheduled.is_live


def test_unpublishing_hides_a_story():
    story = make_article("Live", published_at=hours_from_now(-1))
    assert story.is_live
    story.status = Status.DRAFT
    story.save()
    assert visible() == set()
    assert not story.is_live


# Publication time


def test_publishing_without_a_time_publishes_now():
    before = timezone.now()
    story = make_article("Breaking", published_at=None)
    after = timezone.now()
    story.refresh_from_db()
    assert before <= story.published_at <= after
    assert story.is_live
    assert visible() == {"Breaking"}


def test_a_draft_gets_its_time_when_it_is_published():
    draft = make_article("Draft", status=Status.DRAFT)
    assert draft.published_at is None
    draft.status = Status.PUBLISHED
    before = timezone.now()
    draft.save()
    draft.refresh_from_db()
    assert draft.published_at >= before


def test_a_given_publication_time_is_kept():
    later = hours_from_now(5)
    story = make_article("Scheduled", published_at=later)
    story.save()
    story.refresh_from_db()
    assert story.published_at == later


def test_a_form_may_publish_without_a_time():
    """Leaving the time empty when publishing means now (the field's help text)."""
    Form = modelform_factory(Article, fields=["headline", "slug", "status", "published_at"])
    form = Form(data={"headline": "Breaking", "slug": "breaking", "status": "published"})
    assert form.is_valid(), form.errors
    before = timezone.now()
    story = form.save()
    story.refresh_from_db()
    assert story.published_at is not None
    assert abs(story.published_at - before) < datetime.timedelta(minutes=1)
    assert visible() == {"Breaking"}


def test_a_form_keeps_a_draft_without_a_time():
    Form = modelform_factory(Article, fields=["headline", "slug", "status", "published_at"])
    form = Form(data={"headline": "Idea", "slug": "idea", "status": "draft"})
    assert form.is_valid(), form.errors
    assert form.save().published_at is None


def test_database_refuses_clearing_the_time_of_a_published_story():
    story = make_article("Live")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=story.pk).update(published_at=None)
    story.refresh_from_db()
    assert story.published_at is not None


def test_database_refuses_publishing_a_draft_without_a_time_in_bulk():
    draft = make_article("Draft", status=Status.DRAFT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=draft.pk).update(status=Status.PUBLISHED)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


# The body is cleaned when saved


def saved_body(html):
    story = make_article("Body", body=html)
    return Article.objects.get(pk=story.pk).body


def test_scripts_are_removed():
    body = saved_body("<p>Hello<script>alert('x')</script></p>")
    assert "script" not in body
    assert "alert" not in body
    assert body == "<p>Hello</p>"


def test_event_handlers_are_removed():
    body = saved_body('<p onclick="steal()">Hi</p><img src="x" onerror="alert(1)">')
    assert "onclick" not in body
    assert "onerror" not in body
    assert "steal" not in body
    assert "<p>Hi</p>" in body


def test_style_attributes_are_removed():
    body = saved_body('<p style="color: red; font-size: 40px">Loud</p>')
    assert body == "<p>Loud</p>"


@pytest.mark.parametrize("href", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:x()"])
def test_javascript_links_are_removed(href):
    body = saved_body(f'<p><a href="{href}">Click</a></p>')
    assert "javascript" not in body.lower()
    assert "Click" in body


def test_the_house_tags_are_kept():
    html = (
        "<h2>Red carpet</h2>"
        "<p><strong>Kim</strong> wore <em>black</em>.</p>"
        "<ul><li>Gown</li><li>Gloves</li></ul>"
        "<blockquote>It took ten hours.</blockquote>"
    )
    assert saved_body(html) == html


def test_links_keep_their_address_and_gain_a_safe_rel():
    body = saved_body('<p><a href="https://www.instagram.com/kimkardashian/">Instagram</a></p>')
    assert body == (
        '<p><a href="https://www.instagram.com/kimkardashian/" rel="noopener noreferrer">'
        "Instagram</a></p>"
    )


def test_an_editors_own_rel_is_replaced():
    body = saved_body('<a href="https://example.com" rel="opener" target="_blank">x</a>')
    assert body == '<a href="https://example.com" rel="noopener noreferrer">x</a>'


def test_tags_outside_the_allow_list_are_unwrapped_keeping_their_text():
    assert saved_body("<div><span>Just text</span></div>") == "Just text"


def test_saving_again_does_not_change_a_clean_body():
    story = make_article(
        "Body", body='<p>Tom &amp; Jerry <a href="https://example.com">link</a></p>'
    )
    first = Article.objects.get(pk=story.pk).body
    story.save()
    story.save()
    assert Article.objects.get(pk=story.pk).body == first


# People in a story


def test_a_person_cannot_be_tagged_twice_on_a_story():
    kim = make_person("Kim Kardashian")
    story = make_article("Kim", people=[kim])
    with pytest.raises(IntegrityError), transaction.atomic():
        link_person(story, kim)
    assert story.person_links.count() == 1


def test_the_same_person_may_be_tagged_on_many_stories():
    kim = make_person("Kim Kardashian")
    make_article("One", people=[kim], main=kim)
    make_article("Two", people=[kim], main=kim)
    assert ArticlePerson.objects.filter(person=kim).count() == 2


def test_a_story_has_at_most_one_main_person():
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    story = make_article("Kim and Kanye", people=[kim], main=kim)
    with pytest.raises(IntegrityError), transaction.atomic():
        link_person(story, kanye, main=True)
    link_person(story, kanye, main=False)
    assert story.main_person == kim


def test_full_clean_explains_a_second_main_person():
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    story = make_article("Kim and Kanye", main=kim)
    with pytest.raises(ValidationError) as caught:
        ArticlePerson(article=story, person=kanye, is_main=True).full_clean()
    assert "Only one person can be the main person of a story." in caught.value.messages


def test_the_main_person_comes_first_wherever_they_are_tagged():
    kim, kanye, north = (make_person(n) for n in ["Kim Kardashian", "Kanye West", "North West"])
    story = make_article("Family")
    link_person(story, kanye)
    link_person(story, north)
    link_person(story, kim, main=True)
    assert story.main_person == kim
    assert [link.person for link in story.person_links_in_order()] == [kim, kanye, north]


def test_without_a_main_person_the_first_tagged_leads():
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    story = make_article("Kanye and Kim", people=[kanye, kim])
    assert story.main_person == kanye


def test_the_first_tagged_is_by_order_not_by_entry():
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    story = make_article("Kim and Kanye")
    link_person(story, kanye, order=2)
    link_person(story, kim, order=1)
    assert story.main_person == kim


def test_a_story_about_nobody_has_no_main_person():
    assert make_article("Weather").main_person is None
