"""Signals the articles app sends, for the layers that build on it.

The articles app knows nothing of what is derived from its stories (the
reading layer's listings, counts and page cache, see ``reading.receivers``);
Django's own signals tell those layers of every change made through the ORM.
What the ORM does not announce is announced here.
"""

from django.apps import apps
from django.dispatch import Signal

# Sent with ``story_ids`` (the stories touched) and ``links`` (whether their
# person or tag links were written too) after stories were written around the
# ORM's signals. Send it through ``stories_written``.
stories_changed = Signal()


def stories_written(story_ids, links=False):
    """The one path for writes to stories that Django's signals do not see.

    After ``QuerySet.update``, ``bulk_create`` or raw SQL on stories (or, with
    ``links=True``, on their person and tag links), call this with the ids of
    the stories touched: whatever is derived from them (the listings' copies,
    monthly counts and stored keys, the page cache) is brought in line by its
    receivers. Call it inside the writing transaction.

    Links deleted, or moved to another person or tag, around the ORM leave
    counts behind that no story's links name any more: delete them through
    the ORM (``QuerySet.delete`` sends signals), or run
    ``manage.py checklistings --repair``.
    """
    stories_changed.send(
        sender=apps.get_model("articles", "Article"), story_ids=list(story_ids), links=links
    )
