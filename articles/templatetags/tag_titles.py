"""``{{ tag|tag_title }}``: a tag's name as a title ("met gala" → "Met Gala").

The desk types tags as they come ("kardashians", "met gala"); readers see them
as titles. The stored name is left as it is (taggit matches and slugs it), and a
word with a capital of its own ("iPhone", "BTS") is printed as typed.
"""

import re

from django import template

register = template.Library()

# Joining words stay small inside a title, as headlines write them.
SMALL_WORDS = frozenset("a an and at by for from in of on or the to vs with".split())


def title_of(name):
    """``name`` with each all-lowercase word capitalised, small words inside left small."""
    words = name.split(" ")
    titled = []
    for n, word in enumerate(words):
        if word != word.lower() or (n and word in SMALL_WORDS):
            titled.append(word)
        else:
            # Each part of "k-pop" or "rock'n'roll" after a hyphen starts a word too.
            titled.append(re.sub(r"(^|-)([^\W\d_])", lambda m: m[1] + m[2].upper(), word))
    return " ".join(titled)


@register.filter
def tag_title(tag):
    """The title of ``tag`` (a tag or its name)."""
    return title_of(getattr(tag, "name", tag) or "")
