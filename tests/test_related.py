"""The related-stories sidebar and "more on this person" lists."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from people.models import Relationship
from reading.querysets import stories
from tests.factories import make_article, make_person

pytestmark = pytest.mark.django_db


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def headlines(queryset):
    return [story.headline for story in queryset]


@pytest.fixture
def kim():
    return make_person("Kim Kardashian")


@pytest.fixture
def kanye():
    return make_person("Kanye West")


@pytest.fixture
def story(kim, kanye):
    return make_article(
        "Kim and Kanye at the Met Gala",
        people=[kim, kanye],
        main=kim,
        tags=["fashion", "met-gala"],
        published_at=hours_ago(1),
    )


def related_to(story, limit=50, ties=None):
    """The related stories, best first, as the story page's sidebar query ranks them."""
    return stories().story_sidebars(story, limit, ties=ties).related


def related(story):
    """The related stories, best first; a sidebar of five shows the same first five."""
    found = headlines(related_to(story))
    assert headlines(related_to(story, 5)) == found[:5]
    return found


def test_never_the_story_itself(story, kim):
    story.related.add(story)
    make_article("Another Kim story", people=[kim], published_at=hours_ago(2))
    assert related(story) == ["Another Kim story"]


def test_only_stories_readers_may_see(story, kim):
    make_article("Draft about Kim", people=[kim], status=Article.Status.DRAFT)
    make_article("Kim in review", people=[kim], status=Article.Status.REVIEW)
    make_article("Kim tomorrow", people=[kim], published_at=hours_ago(-24))
    make_article("Kim last week", people=[kim], published_at=hours_ago(24 * 7))
    assert related(story) == ["Kim last week"]


def test_unpublished_pinned_stories_are_not_shown(story):
    story.related.add(
        make_article("Pinned draft", status=Article.Status.DRAFT),
        make_article("Pinned but scheduled", published_at=hours_ago(-2)),
    )
    assert related(story) == []


def test_pinned_stories_come_first_even_sharing_nothing(story, kim, kanye):
    make_article(
        "Kim and Kanye again", people=[kim, kanye], tags=["fashion"], published_at=hours_ago(2)
    )
    pinned = make_article("Unrelated but pinned", tags=["sport"], published_at=hours_ago(500))
    story.related.add(pinned)
    assert related(story) == ["Unrelated but pinned", "Kim and Kanye again"]


def test_a_shared_person_outranks_shared_tags(story, kanye):
    make_article("Kanye story", people=[kanye], published_at=hours_ago(48))
    make_article(
        "Same tags, nobody shared", tags=["fashion", "met-gala"], published_at=hours_ago(2)
    )
    assert related(story) == ["Kanye story", "Same tags, nobody shared"]


def test_two_shared_people_outrank_one(story, kim, kanye):
    make_article("Kim alone", people=[kim], tags=["fashion", "met-gala"], published_at=hours_ago(2))
    make_article("Kim and Kanye", people=[kanye, kim], published_at=hours_ago(48))
    assert related(story) == ["Kim and Kanye", "Kim alone"]


def test_more_shared_tags_rank_higher(story):
    make_article("One tag", tags=["fashion"], published_at=hours_ago(2))
    make_article("Both tags", tags=["met-gala", "fashion", "sport"], published_at=hours_ago(48))
    assert related(story) == ["Both tags", "One tag"]


def test_ties_go_to_the_newest(story, kim, kanye):
    make_article("Kim, older", people=[kim], published_at=hours_ago(30))
    make_article("Kanye, newest", people=[kanye], published_at=hours_ago(2))
    make_article("Kim, newer", people=[kim], published_at=hours_ago(10))
    assert related(story) == ["Kanye, newest", "Kim, newer", "Kim, older"]


def test_pinned_stories_among_themselves_rank_by_what_they_share(story, kim):
    plain = make_article("Pinned, sharing nothing", published_at=hours_ago(2))
    sharing = make_article("Pinned, about Kim", people=[kim], published_at=hours_ago(200))
    make_article("Not pinned, about Kim", people=[kim], published_at=hours_ago(1))
    story.related.add(plain, sharing)
    assert related(story) == [
        "Pinned, about Kim",
        "Pinned, sharing nothing",
        "Not pinned, about Kim",
    ]


def test_stories_sharing_nothing_are_left_out(story, kim):
    make_article(
        "Someone else entirely",
        people=[make_person("Taylor Swift")],
        tags=["music"],
        published_at=hours_ago(2),
    )
    make_article("Kim story", people=[kim], published_at=hours_ago(3))
    assert related(story) == ["Kim story"]


def test_a_story_about_nobody_with_no_tags_has_no_related_stories(kim):
    lonely = make_article("Weather", published_at=hours_ago(1))
    make_article("Kim story", people=[kim], tags=["fashion"], published_at=hours_ago(2))
    assert related(lonely) == []


def test_each_story_is_listed_once(story, kim, kanye):
    make_article(
        "Everything shared",
        people=[kim, kanye],
        tags=["fashion", "met-gala"],
        published_at=hours_ago(2),
    )
    story.related.add(Article.objects.get(headline="Everything shared"))
    assert related(story) == ["Everything shared"]


def test_the_sidebar_shows_the_best_five(story, kim, kanye):
    for hours in range(2, 9):
        make_article(f"Kim {hours}h ago", people=[kim], published_at=hours_ago(hours))
    make_article("Kim and Kanye, old", people=[kim, kanye], published_at=hours_ago(300))
    make_article("Fashion only, new", tags=["fashion"], published_at=hours_ago(1.5))
    sidebar = headlines(related_to(story, 5))
    assert sidebar == ["Kim and Kanye, old", "Kim 2h ago", "Kim 3h ago", "Kim 4h ago", "Kim 5h ago"]


def test_related_stories_are_one_query(story, kim, kanye, django_assert_num_queries):
    for hours in range(2, 9):
        make_article(
            f"Kim {hours}h ago", people=[kim], tags=["fashion"], published_at=hours_ago(hours)
        )
    story.related.add(make_article("Pinned", published_at=hours_ago(100)))
    # As on the story page: its people and tags are at hand.
    story = Article.objects.for_story_page().get(pk=story.pk)
    ties = list(Relationship.objects.touching([kim, kanye]))
    with django_assert_num_queries(1):
        sidebar = related_to(story, 5, ties=ties)
    assert len(sidebar) == 5
    assert sidebar[0].headline == "Pinned"


def test_candidates_are_each_shared_persons_and_tags_newest(story, kim, monkeypatch):
    from reading import querysets as managers

    for hours in range(2, 6):
        make_article(f"Kim {hours}h ago", people=[kim], published_at=hours_ago(hours))
    make_article("Old fashion", tags=["fashion"], published_at=hours_ago(200))
    monkeypatch.setattr(managers, "CANDIDATES_PER_LINK", 2)
    sidebar = headlines(related_to(story))
    assert sidebar == ["Kim 2h ago", "Kim 3h ago", "Old fashion"]


# More on a person


def test_more_on_lists_a_persons_stories_newest_first(kim, kanye):
    make_article("Kim, older", people=[kim], published_at=hours_ago(30))
    make_article("Kim and Kanye", people=[kanye, kim], main=kanye, published_at=hours_ago(5))
    make_article("Kim, newest", people=[kim], published_at=hours_ago(1))
    make_article("Kanye only", people=[kanye], published_at=hours_ago(2))
    assert headlines(stories().more_on(kim)) == ["Kim, newest", "Kim and Kanye", "Kim, older"]


def test_more_on_leaves_out_the_story_being_read(kim):
    reading = make_article("Kim, reading this", people=[kim], published_at=hours_ago(1))
    make_article("Kim, earlier", people=[kim], published_at=hours_ago(3))
    assert headlines(stories().more_on(kim, story=reading)) == ["Kim, earlier"]


def test_more_on_leaves_out_unpublished_stories(kim):
    make_article("Kim draft", people=[kim], status=Article.Status.DRAFT)
    make_article("Kim in review", people=[kim], status=Article.Status.REVIEW)
    make_article("Kim next week", people=[kim], published_at=hours_ago(-24 * 7))
    make_article("Kim live", people=[kim], published_at=hours_ago(1))
    assert headlines(stories().more_on(kim)) == ["Kim live"]


# The score reads the ids of each story's people and tags from its own row;
# every way a story's links change keeps them, and the sidebar, current.


def row_ids(story):
    story = Article.objects.only("person_ids", "tag_ids").get(pk=story.pk)
    return story.person_ids, sorted(story.tag_ids)


def tag_ids(*names):
    from taggit.models import Tag

    return sorted(Tag.objects.filter(name__in=names).values_list("pk", flat=True))


def test_a_story_row_keeps_its_people_and_tags_ids(story, kim, kanye):
    assert row_ids(story) == (sorted([kim.pk, kanye.pk]), tag_ids("fashion", "met-gala"))


def test_a_tag_edit_shows_in_the_sidebar_at_once(story):
    other = make_article("Met Gala looks", tags=["met-gala"], published_at=hours_ago(3))
    older = make_article("Fashion week", tags=["fashion"], published_at=hours_ago(2))
    assert related(story) == ["Fashion week", "Met Gala looks"]
    other.tags.add("fashion")
    assert row_ids(other)[1] == tag_ids("fashion", "met-gala")
    assert related(story) == ["Met Gala looks", "Fashion week"]
    older.tags.remove("fashion")
    other.tags.set(["beauty"])
    assert row_ids(older)[1] == [] and row_ids(other)[1] == tag_ids("beauty")
    assert related(story) == []


def test_a_person_tagged_or_untagged_shows_in_the_sidebar_at_once(story, kanye):
    from articles.models import ArticlePerson

    other = make_article("Kanye's tour", published_at=hours_ago(2))
    assert related(story) == []
    link = ArticlePerson.objects.create(article=other, person=kanye)
    assert row_ids(other)[0] == [kanye.pk]
    assert related(story) == ["Kanye's tour"]
    link.delete()
    assert row_ids(other)[0] == []
    assert related(story) == []


def test_a_save_from_an_instance_loaded_earlier_keeps_the_ids_the_links_give(story, kanye):
    stale = Article.objects.get(pk=story.pk)
    story.tags.add("divorce")
    stale.headline = "Kim and Kanye at the Met Gala, again"
    stale.save()
    assert row_ids(story)[1] == tag_ids("fashion", "met-gala", "divorce")
    assert stale.tag_ids == tag_ids("fashion", "met-gala", "divorce")


def test_a_merged_persons_stories_carry_the_id_of_the_person_kept(story, kim):
    from people.merging import merge_people

    twin = make_person("Kim K.")
    other = make_article("Kim K. in Paris", people=[twin], published_at=hours_ago(2))
    merge_people(twin, kim)
    assert row_ids(other)[0] == [kim.pk]
    assert related(story) == ["Kim K. in Paris"]


# What a story is weighs in: its kind and its section.


def test_a_divorce_story_is_offered_news_not_birthday_notes(kim, kanye):
    """As in the demo: the children's birthday notes share the most people, yet the
    news about the couple comes first; notes fill in only what news cannot."""
    north = make_person("North West")
    psalm = make_person("Psalm West")
    from tests.factories import make_relationship

    for child in (north, psalm):
        make_relationship(kim, child, Relationship.Kind.PARENT)
        make_relationship(kanye, child, Relationship.Kind.PARENT)
    divorce = make_article(
        "Kim files for divorce",
        people=[kim, kanye],
        main=kim,
        tags=["divorce"],
        published_at=hours_ago(24 * 365 * 4),
    )
    for n, child in enumerate((north, psalm, north, psalm)):
        make_article(
            f"{child.name} turns {n + 6}",
            people=[child, kim, kanye],
            kind=Article.Kind.NOTE,
            published_at=hours_ago(24 * (30 + n)),
        )
    make_article("Kanye's new album", people=[kanye], published_at=hours_ago(24 * 400))
    make_article(
        "Kim speaks about the split",
        people=[kim],
        kind=Article.Kind.INTERVIEW,
        published_at=hours_ago(24 * 1000),
    )
    make_article("Lawyers meet", tags=["divorce"], published_at=hours_ago(24 * 1200))
    assert related(divorce) == [
        "Kanye's new album",
        "Kim speaks about the split",
        "Lawyers meet",
        "North West turns 6",
        "Psalm West turns 7",
        "North West turns 8",
        "Psalm West turns 9",
    ]
    assert headlines(related_to(divorce, 3)) == [
        "Kanye's new album",
        "Kim speaks about the split",
        "Lawyers meet",
    ]


def test_beside_a_note_notes_fit_and_the_same_kind_counts(kim):
    note = make_article("Kim turns 45", people=[kim], kind=Article.Kind.NOTE)
    make_article("Kim's new shop", people=[kim], published_at=hours_ago(2))
    make_article("Kim turned 44", people=[kim], kind=Article.Kind.NOTE, published_at=hours_ago(3))
    assert related(note) == ["Kim turned 44", "Kim's new shop"]


def test_the_same_section_counts_like_a_tag(kim):
    from articles.models import Section

    music, tv = (Section.objects.create(name=name, slug=name.lower()) for name in ("Music", "TV"))
    story = make_article("Kim sings", people=[kim], section=music)
    make_article("Kim on TV", people=[kim], section=tv, published_at=hours_ago(2))
    make_article("Kim's record", people=[kim], section=music, published_at=hours_ago(3))
    # The older story of the same section before the newer one of another.
    assert related(story) == ["Kim's record", "Kim on TV"]


def test_kind_and_section_keep_the_score_one_query(kim, kanye, django_assert_num_queries):
    from articles.models import Section

    stars = Section.objects.create(name="Stars", slug="stars")
    story = make_article("Kim and Kanye", people=[kim, kanye], section=stars)
    for n in range(8):
        make_article(
            f"Kim {n}",
            people=[kim],
            section=stars if n % 2 else None,
            kind=Article.Kind.NOTE if n % 3 else Article.Kind.NEWS,
            published_at=hours_ago(n + 2),
        )
    story = Article.objects.for_story_page().get(pk=story.pk)
    ties = list(Relationship.objects.touching([kim, kanye]))
    with django_assert_num_queries(1):
        sidebar = related_to(story, 5, ties=ties)
    # News first (Kim 0, 3, 6), the notes after, each group by score then time.
    assert headlines(sidebar) == ["Kim 3", "Kim 0", "Kim 6", "Kim 1", "Kim 5"]
