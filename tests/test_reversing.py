"""Addresses made from a slug are those ``reverse`` gives, under any script prefix."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from common.reversing import reverse_slug


@pytest.mark.parametrize("slug", ["kim-and-kanye", "a_b-2", "X"])
@pytest.mark.parametrize("name", ["story", "person"])
def test_the_same_address_as_reverse(name, slug):
    assert reverse_slug(name, slug) == reverse(name, args=[slug])


@pytest.mark.parametrize("slug", ["beyoncé", "", "a/b", "a b"])
def test_a_slug_the_pattern_refuses_is_refused_as_reverse_refuses_it(slug):
    with pytest.raises(NoReverseMatch):
        reverse_slug("story", slug)


def test_a_site_under_a_prefix_links_under_it():
    try:
        set_script_prefix("/news/")
        assert (
            reverse_slug("story", "kim") == reverse("story", args=["kim"]) == "/news/stories/kim/"
        )
    finally:
        set_script_prefix("/")
    assert reverse_slug("story", "kim") == "/stories/kim/"


def test_a_list_of_story_cards_links_each_story_under_the_prefix():
    from types import SimpleNamespace

    from articles.templatetags.cards import story_cards

    stories = [
        SimpleNamespace(
            slug=slug,
            headline=slug,
            standfirst="",
            published_at=None,
            lead_photo_for_readers=None,
        )
        for slug in ("kim", "kanye")
    ]
    try:
        set_script_prefix("/news/")
        html = story_cards(stories)
    finally:
        set_script_prefix("/")
    assert 'href="/news/stories/kim/"' in html
    assert 'href="/news/stories/kanye/"' in html
    with pytest.raises(NoReverseMatch):
        story_cards([SimpleNamespace(**{**vars(stories[0]), "slug": "a b"})])
