"""The "In this story" box: each person with their age and relation, as of the story.

A story keeps the facts of its own date. Kanye West in a story from 2021 is
"husband of Kim Kardashian (since divorced, 2022)"; North West is "daughter of
Kim Kardashian". Relations are read from the ties among the story's people,
fetched once for the whole box.
"""

from dataclasses import dataclass

from django.utils import timezone

from people.models import Relationship
from people.relations import Relation, relation_on


@dataclass(frozen=True)
class Entry:
    link: object
    relation: Relation | None = None

    @property
    def person(self):
        return self.link.person


def _preference(relation, relationship):
    """Among several ties to the main person, the one that held on the day comes first."""
    current = not relation.word.startswith(("ex-", "former "))
    family = relationship.kind in Relationship.FAMILY_KINDS
    return (current, family, relationship.started or relationship.ended or timezone.now().date())


def entries(article, links, ties):
    """One ``Entry`` per person link, with their relation to the story's main person."""
    if not links:
        return []
    main = next((link.person for link in links if link.is_main), links[0].person)
    people = {link.person.pk: link.person for link in links}
    when = timezone.localdate(article.published_at) if article.published_at else None
    best = {}
    for tie in ties:
        if main.pk not in (tie.person_id, tie.other_id):
            continue
        other_id = tie.other_id if tie.person_id == main.pk else tie.person_id
        if other_id not in people:
            continue
        # Use the people already loaded with the links: one query for the box.
        tie.person, tie.other = people[tie.person_id], people[tie.other_id]
        relation = relation_on(tie, people[other_id], when or timezone.localdate())
        if relation is None:
            continue
        key = _preference(relation, tie)
        if other_id not in best or key > best[other_id][0]:
            best[other_id] = (key, relation)
    return [Entry(link, best.get(link.person.pk, (None, None))[1]) for link in links]
