"""Signals for apps that build on people and keep rows about them.

``people`` knows nothing of those apps; when two records of one person are
merged, each app moves its own rows from the duplicate to the person kept.
"""

from django.dispatch import Signal

# Sent inside the merge's transaction, before ``source`` is deleted.
# Arguments: ``source`` (the duplicate, going away), ``target`` (the person kept).
person_merging = Signal()

# Sent when merging finds the same tie twice and keeps one.
# Arguments: ``duplicate`` (about to be deleted), ``kept``.
relationship_merging = Signal()
