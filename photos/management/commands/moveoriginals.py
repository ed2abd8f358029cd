"""``manage.py moveoriginals``: move photo originals out of the public media root.

Originals belong in the private ``originals`` storage. Migration 0016 moves
those of an existing site once; run this after restoring files from an
older backup, or copying photos in by hand. Idempotent.
"""

from django.core.management.base import BaseCommand

from photos.models import Photo
from photos.originals import move_originals


class Command(BaseCommand):
    help = "Move photo originals from the public media storage into private storage."

    def handle(self, *args, verbosity=1, **options):
        log = self.stdout.write if verbosity > 1 else None
        photos = Photo.objects.only("pk", "image").order_by("pk").iterator()
        moved = move_originals(photos, log=log)
        self.stdout.write(f"{moved} originals moved to private storage.")
