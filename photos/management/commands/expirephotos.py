"""``manage.py expirephotos``: withdraw the renditions of photos whose licence has run out.

Run it daily, just after local midnight (the desk's clock): from its expiry
day nothing of a photo stays at a public address. Pages stop showing it by
the date alone; this removes the files. A photo whose licence was renewed
(its expiry moved or cleared) gets its renditions back. Uploads held for
confirmation longer than a day are deleted too. Idempotent: a second run the
same day finds nothing to do.
"""

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from photos import pending_uploads, renditions
from photos.models import Photo


class Command(BaseCommand):
    help = "Remove renditions of photos whose licence has expired; remake renewed ones."

    def handle(self, *args, **options):
        today = timezone.localdate()
        withdrawn = restored = failed = 0
        for photo in Photo.objects.filter(expires_on__lte=today).exclude(renditions={}).iterator():
            withdrawn += renditions.withdraw(photo)
        renewed = Photo.objects.filter(Q(expires_on__isnull=True) | Q(expires_on__gt=today))
        for photo in renewed.filter(renditions={}).iterator():
            try:
                restored += renditions.refresh(photo)
            except (OSError, ValueError) as error:
                failed += 1
                self.stderr.write(f"Photo {photo.pk} ({photo.image.name}): not remade, {error}")
        stale = pending_uploads.remove_stale()
        self.stdout.write(
            f"Renditions withdrawn for {withdrawn} expired photos, remade for {restored} "
            f"renewed ones ({failed} failed); {stale} stale held upload files deleted."
        )
