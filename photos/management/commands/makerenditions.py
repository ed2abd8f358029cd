"""``manage.py makerenditions``: make missing or out-of-date renditions.

The admin makes a photo's renditions when it is saved; this command is for
photos that arrived otherwise (an import, a restore, a change of rendition
widths). Photos whose renditions are current are skipped, so it can run from
cron. A photo whose file is missing or unreadable is named and skipped.
"""

import time

from django.core.management.base import BaseCommand

from photos import renditions
from photos.models import Photo


class Command(BaseCommand):
    help = "Make renditions for photos that have none or out-of-date ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Remake every photo's renditions, current or not."
        )

    def handle(self, *args, all=False, **options):
        made = current = failed = 0
        started = time.perf_counter()
        for photo in Photo.objects.order_by("pk").iterator(chunk_size=200):
            try:
                if renditions.refresh(photo, force=all):
                    made += 1
                else:
                    current += 1
            except (OSError, ValueError) as error:
                failed += 1
                self.stderr.write(f"Photo {photo.pk} ({photo.image.name}): skipped, {error}")
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Renditions made for {made} photos, {current} already current, {failed} skipped "
            f"({seconds:.1f} s)."
        )
