"""Whatever sequence of ORM changes an editor, a merge, a fixture or a bulk job
makes, the listings' derived rows stay what ``manage.py checklistings`` recomputes.

A hypothesis state machine creates, saves, republishes and deletes stories,
links people and tags through every path the ORM offers (both sides of the
people relation, the through models, taggit, merges, ``loaddata``, bulk
updates followed by ``listings.sync``) and, after every step, asks
``listings.check`` (what the command runs) for drift: there must be none.
Each example runs in a transaction rolled back at its end, so each starts
from an empty archive.
"""

import datetime
import itertools
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from django.core import serializers
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from taggit.models import Tag

from articles.models import Article, ArticlePerson, TaggedArticle
from people.merging import merge_people
from people.models import Person
from reading import listings

from .factories import make_person

pytestmark = pytest.mark.django_db

Status = Article.Status
TAG_NAMES = ["fashion", "tour", "award", "wedding", "beauty"]
_numbers = itertools.count(1)


def _moment(when):
    """A publication time from a drawn description, relative to now or a month's edge."""
    if when is None:
        return None
    kind, amount = when
    now = timezone.now()
    if kind == "hours":
        return now + datetime.timedelta(hours=amount)
    # Seconds either side of this month's or last month's first moment, in desk
    # time: a story there is counted in one month or the other, never both.
    month = listings.month_of(now)
    if kind == "last month edge":
        month = listings.month_of(listings.month_start(month) - datetime.timedelta(days=1))
    return listings.month_start(month) + datetime.timedelta(seconds=amount)


times = st.one_of(
    st.none(),
    st.tuples(st.just("hours"), st.sampled_from([-24 * 70, -24 * 35, -30, -2, 3, 24 * 40])),
    st.tuples(st.sampled_from(["month edge", "last month edge"]), st.sampled_from([-1, 0, 1])),
)
# Draft, in review, or published (in the past, or scheduled for later: a future time).
statuses = st.sampled_from([Status.DRAFT, Status.REVIEW, Status.PUBLISHED])
tag_names = st.lists(st.sampled_from(TAG_NAMES), min_size=1, max_size=3)


class ListingsMachine(RuleBasedStateMachine):
    stories = Bundle("stories")
    people = Bundle("people")

    def __init__(self):
        super().__init__()
        # Everything an example writes is rolled back in teardown().
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        assert not Article.objects.exists()
        self.fixtures = Path(tempfile.mkdtemp(prefix="listings-fixture-"))
        # Instances kept across steps: saving one whose links changed since it
        # was read must still write the ids of its links as they stand.
        self.loaded = {}
        # What the source tables should hold: {story id: {person ids}}, {story id: {tag names}}.
        self.people_of = {}
        self.tags_of = {}
        # {merged person id: the person kept}: a person drawn after their merge is the one kept.
        self.merged_into = {}

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)
        shutil.rmtree(self.fixtures, ignore_errors=True)

    def story(self, pk):
        if pk not in self.loaded:
            self.loaded[pk] = Article.objects.get(pk=pk)
        return self.loaded[pk]

    def person(self, pk):
        while pk in self.merged_into:
            pk = self.merged_into[pk]
        return pk

    # Stories -----------------------------------------------------------------------

    # A story and a person from the start: most rules need one of each.
    @initialize(target=stories, status=statuses, when=times)
    def first_story(self, status, when):
        return self.create_story(status, when)

    @initialize(target=people)
    def first_person(self):
        return self.create_person()

    @rule(target=stories, status=statuses, when=times)
    def create_story(self, status, when):
        n = next(_numbers)
        story = Article(headline=f"Story {n}", slug=f"story-{n}", status=status)
        story.published_at = _moment(when)
        story.save()
        self.loaded[story.pk] = story
        self.people_of[story.pk], self.tags_of[story.pk] = set(), set()
        return story.pk

    @rule(target=people)
    def create_person(self):
        n = next(_numbers)
        return make_person(f"Person {n}", slug=f"person-{n}").pk

    @rule(story=stories, status=statuses, when=times, fields=st.booleans(), fresh=st.booleans())
    def change_story(self, story, status, when, fields, fresh):
        """An editor publishes, schedules, unpublishes or moves a story, and saves it."""
        if fresh:
            self.loaded.pop(story, None)
        instance = self.story(story)
        instance.status, instance.published_at = status, _moment(when)
        if status == Status.PUBLISHED and instance.published_at is None:
            instance.published_at = timezone.now()
        instance.save(update_fields=["status", "published_at"] if fields else None)

    @rule(story=consumes(stories))
    def delete_story(self, story):
        Article.objects.get(pk=story).delete()
        self.loaded.pop(story, None)
        del self.people_of[story], self.tags_of[story]

    # People, from the story's side, the person's side and the through model ----------

    @rule(story=stories, person=people)
    def people_add(self, story, person):
        person = self.person(person)
        self.story(story).people.add(person)
        self.people_of[story].add(person)

    @rule(story=stories, person=people)
    def people_remove(self, story, person):
        person = self.person(person)
        self.story(story).people.remove(person)
        self.people_of[story].discard(person)

    @rule(story=stories, chosen=st.lists(people, max_size=3))
    def people_set(self, story, chosen):
        chosen = {self.person(each) for each in chosen}
        self.story(story).people.set(chosen)
        self.people_of[story] = set(chosen)

    @rule(story=stories)
    def people_clear(self, story):
        self.story(story).people.clear()
        self.people_of[story] = set()

    @rule(story=stories, person=people)
    def person_articles_add(self, story, person):
        person = self.person(person)
        Person.objects.get(pk=person).articles.add(story)
        self.people_of[story].add(person)

    @rule(story=stories, person=people)
    def person_articles_remove(self, story, person):
        person = self.person(person)
        Person.objects.get(pk=person).articles.remove(story)
        self.people_of[story].discard(person)

    @rule(story=stories, person=people, main=st.booleans())
    def link_create(self, story, person, main):
        person = self.person(person)
        if person in self.people_of[story]:
            return
        main = main and not ArticlePerson.objects.filter(article=story, is_main=True).exists()
        ArticlePerson.objects.create(article_id=story, person_id=person, is_main=main)
        self.people_of[story].add(person)

    @rule(story=stories, one=st.booleans())
    def link_delete(self, story, one):
        """The admin's inline deletes one link; a cleanup deletes them by query."""
        links = ArticlePerson.objects.filter(article=story)
        if one:
            link = links.first()
            if link:
                link.delete()
                self.people_of[story].discard(link.person_id)
        else:
            links.delete()
            self.people_of[story] = set()

    @rule(story=stories, person=people)
    def link_moved(self, story, person):
        """The admin's inline changes which person a link names."""
        person = self.person(person)
        link = ArticlePerson.objects.filter(article=story).first()
        if link is None or person in self.people_of[story]:
            return
        self.people_of[story].discard(link.person_id)
        link.person_id = person
        link.save()
        self.people_of[story].add(person)

    @rule(duplicate=people, kept=people)
    def merge(self, duplicate, kept):
        duplicate, kept = self.person(duplicate), self.person(kept)
        if duplicate == kept:
            return
        self.merged_into[duplicate] = kept
        merge_people(Person.objects.get(pk=duplicate), Person.objects.get(pk=kept))
        for linked in self.people_of.values():
            if duplicate in linked:
                linked.discard(duplicate)
                linked.add(kept)

    # Tags ----------------------------------------------------------------------------

    @rule(story=stories, names=tag_names)
    def tags_add(self, story, names):
        self.story(story).tags.add(*names)
        self.tags_of[story] |= set(names)

    @rule(story=stories, names=tag_names)
    def tags_remove(self, story, names):
        self.story(story).tags.remove(*names)
        self.tags_of[story] -= set(names)

    @rule(story=stories, names=tag_names)
    def tags_set(self, story, names):
        self.story(story).tags.set(names)
        self.tags_of[story] = set(names)

    @rule(story=stories)
    def tags_clear(self, story):
        self.story(story).tags.clear()
        self.tags_of[story] = set()

    @rule(story=stories, name=st.sampled_from(TAG_NAMES), remove=st.booleans())
    def tag_link(self, story, name, remove):
        """The through model of tags, created and deleted on its own."""
        tag, _ = Tag.objects.get_or_create(name=name, defaults={"slug": name})
        links = TaggedArticle.objects.filter(content_object=story, tag=tag)
        if remove:
            for link in links:
                link.delete()
            self.tags_of[story].discard(name)
        elif not links.exists():
            TaggedArticle.objects.create(content_object_id=story, tag=tag)
            self.tags_of[story].add(name)

    # Fixtures ------------------------------------------------------------------------

    @rule(story=stories, status=statuses, when=times, restore=st.booleans())
    def loaddata(self, story, status, when, restore):
        """A story dumped with its links is loaded back: over itself, or after its deletion."""
        instance = Article.objects.get(pk=story)
        rows = json.loads(
            serializers.serialize(
                "json", [instance, *instance.person_links.all(), *instance.tagged_items.all()]
            )
        )
        rows[0]["fields"].update(status=status, published_at=None)
        if status == Status.PUBLISHED or when is not None:
            moment = _moment(when) or timezone.now()
            rows[0]["fields"]["published_at"] = moment.isoformat()
        for row in rows[1:]:
            # As a hand-written fixture has them: no copies.
            row["fields"].pop("is_published", None)
            row["fields"].pop("published_at", None)
        fixture = self.fixtures / f"story-{next(_numbers)}.json"
        fixture.write_text(json.dumps(rows))
        if restore:
            instance.delete()
        self.loaded.pop(story, None)
        # The test's transaction never commits: run what loaddata leaves for the commit.
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("loaddata", str(fixture), verbosity=0)

    # Around the ORM's signals, then listings.sync -----------------------------------

    @rule(
        chosen=st.lists(stories, min_size=1, max_size=3),
        status=statuses,
        when=times,
    )
    def bulk_update_stories(self, chosen, status, when):
        chosen = set(chosen)
        moment = _moment(when)
        if status == Status.PUBLISHED and moment is None:
            moment = timezone.now()
        Article.objects.filter(pk__in=chosen).update(status=status, published_at=moment)
        listings.sync(chosen)

    @rule(chosen=st.lists(stories, min_size=1, max_size=3), person=people)
    def bulk_create_links(self, chosen, person):
        chosen = set(chosen)
        person = self.person(person)
        fresh = [story for story in chosen if person not in self.people_of[story]]
        ArticlePerson.objects.bulk_create(
            ArticlePerson(article_id=story, person_id=person) for story in fresh
        )
        for story in fresh:
            self.people_of[story].add(person)
        listings.sync(chosen)

    @rule(chosen=st.lists(stories, min_size=1, max_size=3), name=st.sampled_from(TAG_NAMES))
    def bulk_create_tag_links(self, chosen, name):
        chosen = set(chosen)
        tag, _ = Tag.objects.get_or_create(name=name, defaults={"slug": name})
        fresh = [story for story in chosen if name not in self.tags_of[story]]
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object_id=story, tag=tag) for story in fresh
        )
        for story in fresh:
            self.tags_of[story].add(name)
        listings.sync(chosen)

    @rule(story=stories)
    def bulk_update_links(self, story):
        """A job rewrites the links' copies by query (say, from an old backup)."""
        ArticlePerson.objects.filter(article=story).update(is_published=False, published_at=None)
        TaggedArticle.objects.filter(content_object=story).update(is_published=True)
        listings.sync([story])

    # What must hold after every step -------------------------------------------------

    @invariant()
    def links_are_what_was_done(self):
        people = {story: set() for story in self.people_of}
        for story, person in ArticlePerson.objects.values_list("article", "person"):
            people[story].add(person)
        assert people == self.people_of
        tags = {story: set() for story in self.tags_of}
        for story, name in TaggedArticle.objects.values_list("content_object", "tag__name"):
            tags[story].add(name)
        assert tags == self.tags_of

    @invariant()
    def no_drift(self):
        assert [str(drift) for drift in listings.check()] == []


def test_no_sequence_of_orm_changes_leaves_drift():
    run_state_machine_as_test(
        ListingsMachine,
        settings=settings(
            max_examples=30,
            stateful_step_count=15,
            deadline=None,
            # The same examples on every run and in CI; nothing kept between runs.
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
