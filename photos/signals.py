"""Signals the photos app sends, for the apps built on it (stories, the page cache).

Photos know nothing of stories: what follows a change to a photo beyond its
own rows listens here, or to the photo models' own ``post_save``/``post_delete``.
"""

from django.dispatch import Signal

# A photo's renditions were made, remade or withdrawn (its licence ran out)
# with a bulk update that sends no ``post_save``; ``photo`` is the photo.
renditions_changed = Signal()
