"""Addresses made from a slug are those ``reverse`` gives, under any script prefix."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from newsroom.reversing import reverse_slug


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
