"""A small newsroom for the tests of search, feeds, sitemaps, metadata and the API.

Besides live stories it holds one story in each state readers must never see
(draft, in review, scheduled for tomorrow), each with the marker word
``Zanzibar`` in its headline and body, so that every output can be checked for
their absence.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from articles.models import Article, Section
from people.models import Relationship

from .factories import make_article, make_person, make_photo, make_relationship, make_user

HIDDEN_MARKER = "Zanzibar"
SEED_CREDITS = [
    ("collage",),
    ("agency", "IMAGO"),
    ("supplier", "APress"),
    ("screenshot", "", "Instagram", "kimkardashian"),
]
SEED_CREDIT_LINE = "© Collage: IMAGO / APress, Screenshot/Instagram/kimkardashian"


@dataclass
class World:
    kim: object
    kanye: object
    north: object
    seed: object
    older: object
    hidden: list = field(default_factory=list)

    @property
    def hidden_slugs(self):
        return [story.slug for story in self.hidden]


def build_world():
    now = timezone.now()
    kim = make_person(
        "Kim Kardashian",
        slug="kim-kardashian",
        birth_date="1980-10-21",
        known_for="entrepreneur",
        instagram="kimkardashian",
    )
    kanye = make_person(
        "Kanye West", slug="kanye-west", birth_date="1977-06-08", known_for="rapper", aliases="Ye"
    )
    north = make_person("North West", slug="north-west", birth_date="2013-06-15")
    make_relationship(
        kim,
        kanye,
        Relationship.Kind.SPOUSE,
        started="2014-05-24",
        ended="2022-11-29",
        end_reason="divorce",
    )
    make_relationship(kim, north, Relationship.Kind.PARENT)
    make_relationship(kanye, north, Relationship.Kind.PARENT)
    photo = make_photo(
        SEED_CREDITS,
        caption="Entrepreneur Kim Kardashian and musician Kanye West",
        alt_text="Kim Kardashian and Kanye West side by side",
        people=[kim, kanye],
    )
    author = make_user("reporter", first_name="Jo", last_name="Writer")
    music = Section.objects.create(name="Music", slug="music", order=20)
    seed = make_article(
        "Kanye West is very sad about the divorce",
        slug="kanye-very-sad",
        people=[kim, kanye, north],
        main=kim,
        tags=["divorce", "Kardashians"],
        photo=photo,
        authors=[author],
        dateline="Calabasas, California",
        standfirst="A long estrangement is about to end for good.",
        body="<p>The couple have lived apart for months.</p><p>The children stay close.</p>",
        published_at=now - datetime.timedelta(hours=3),
    )
    older = make_article(
        "A new album arrives in the autumn",
        slug="new-album-autumn",
        people=[kanye],
        main=kanye,
        tags=["music"],
        standfirst="The record has been years in the making.",
        body="<p>Fans have waited a long time for the rapper's next record.</p>",
        published_at=now - datetime.timedelta(days=10),
        section=music,
    )
    hidden = [
        make_article(
            f"{HIDDEN_MARKER} draft about the divorce",
            slug="hidden-draft",
            people=[kim],
            tags=["divorce", "secret-tag"],
            status=Article.Status.DRAFT,
            body=f"<p>{HIDDEN_MARKER} divorce draft.</p>",
        ),
        make_article(
            f"{HIDDEN_MARKER} story in review about the divorce",
            slug="hidden-review",
            people=[kim],
            tags=["divorce"],
            status=Article.Status.REVIEW,
            body=f"<p>{HIDDEN_MARKER} divorce in review.</p>",
        ),
        make_article(
            f"{HIDDEN_MARKER} scheduled story about the divorce",
            slug="hidden-scheduled",
            people=[kim, kanye],
            tags=["divorce", "secret-tag"],
            body=f"<p>{HIDDEN_MARKER} divorce tomorrow.</p>",
            published_at=now + datetime.timedelta(days=1),
            section=music,
        ),
    ]
    return World(kim=kim, kanye=kanye, north=north, seed=seed, older=older, hidden=hidden)


def assert_no_hidden(text, world):
    """Nothing of the draft, review or scheduled stories appears in ``text``."""
    assert HIDDEN_MARKER not in text
    for slug in world.hidden_slugs:
        assert slug not in text
    assert "secret-tag" not in text
