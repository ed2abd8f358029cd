"""``manage.py benchphotos``: how fast the desk takes photos, and what WebP saves.

Uploads ``--count`` generated photos through the admin's photo form (the same
checks and storage as a staffer's upload), makes their renditions, and
prints the time per upload and per rendition and the bytes WebP renditions
save against the JPEG renditions and the originals. Everything it stores is
removed again afterwards: rows are rolled back and files deleted.
"""

import io
import random
import statistics
import time

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from PIL import Image, ImageDraw

from photos import renditions
from photos.admin import PhotoForm


class Rollback(Exception):
    """Raised to undo the benchmark's rows once the figures are in."""


def generated_jpeg(number, size, rng):
    """A photo-like JPEG: a gradient with shapes and noise, so it compresses like a photo."""
    width, height = size
    base = Image.linear_gradient("L").resize(size).convert("RGB")
    tint = Image.new("RGB", size, tuple(rng.randrange(40, 220) for _ in range(3)))
    image = Image.blend(base, tint, 0.6)
    draw = ImageDraw.Draw(image)
    for _ in range(25):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randrange(width // 40, width // 6)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
    noise = Image.effect_noise(size, 24).convert("RGB")
    image = Image.blend(image, noise, 0.15)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return SimpleUploadedFile(f"bench-{number}.jpg", out.getvalue(), content_type="image/jpeg")


def percent(part, whole):
    return 100 * part / whole if whole else 0


class Command(BaseCommand):
    help = "Upload generated photos and report upload and rendition times and WebP savings."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=200, help="Photos to upload (200).")
        parser.add_argument(
            "--size", default="2400x1600", help="Pixel size of each photo, WIDTHxHEIGHT."
        )
        parser.add_argument("--seed", type=int, default=5, help="Seed for the generated photos.")

    def handle(self, *args, count, size, seed, **options):
        try:
            width, height = (int(part) for part in size.lower().split("x"))
        except ValueError as error:
            raise CommandError(
                f"--size takes WIDTHxHEIGHT, e.g. 2400x1600, not {size!r}."
            ) from error
        if count < 1:
            raise CommandError("--count must be at least 1.")
        rng = random.Random(seed)  # noqa: S311 - reproducible test pictures, not secrets
        self.written = []
        try:
            with transaction.atomic():
                figures = self.run(count, (width, height), rng)
                raise Rollback
        except Rollback:
            pass
        finally:
            for storage, name in self.written:
                storage.delete(name)
        self.report(count, (width, height), figures)

    def run(self, count, size, rng):
        upload_times, rendition_times = [], []
        original_bytes = jpeg_bytes = webp_bytes = largest_webp_bytes = rendition_count = 0
        for number in range(count):
            upload = generated_jpeg(number, size, rng)
            original_bytes += upload.size
            started = time.perf_counter()
            form = PhotoForm(
                data={
                    "alt_text": f"Benchmark photo {number}",
                    "caption": "",
                    "focal_x": rng.randrange(101),
                    "focal_y": rng.randrange(101),
                    "licence": "own",
                    "restrictions": "",
                },
                files={"image": upload},
            )
            if not form.is_valid():
                raise CommandError(f"Photo {number} was refused: {form.errors.as_text()}")
            photo = form.save()
            self.written.append((photo.image.storage, photo.image.name))
            upload_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            renditions.refresh(photo)
            elapsed = time.perf_counter() - started
            items = photo.renditions["items"]
            self.written.extend((default_storage, item["name"]) for item in items)
            rendition_count += len(items)
            rendition_times.append(elapsed)
            jpeg_bytes += sum(item["bytes"] for item in items if item["format"] == "jpeg")
            webp_bytes += sum(item["bytes"] for item in items if item["format"] == "webp")
            largest_webp_bytes += photo.rendition_sources("full", "webp")[-1]["bytes"]
        return {
            "upload_times": upload_times,
            "rendition_times": rendition_times,
            "rendition_count": rendition_count,
            "original_bytes": original_bytes,
            "jpeg_bytes": jpeg_bytes,
            "webp_bytes": webp_bytes,
            "largest_webp_bytes": largest_webp_bytes,
        }

    def report(self, count, size, figures):
        ms = 1000
        uploads, per_photo = figures["upload_times"], figures["rendition_times"]
        made = figures["rendition_count"]
        write = self.stdout.write
        write(f"Photos uploaded: {count} generated JPEGs of {size[0]}×{size[1]} pixels")
        write(
            "Upload (checks and storing the original): "
            f"mean {statistics.mean(uploads) * ms:.1f} ms, "
            f"median {statistics.median(uploads) * ms:.1f} ms, max {max(uploads) * ms:.1f} ms"
        )
        write(
            f"Renditions: {made} made ({made / count:.0f} a photo), "
            f"{sum(per_photo) / made * ms:.1f} ms a rendition, "
            f"{statistics.mean(per_photo) * ms:.0f} ms a photo"
        )
        original, jpeg, webp = (
            figures["original_bytes"],
            figures["jpeg_bytes"],
            figures["webp_bytes"],
        )
        write(f"Originals: {original:,} bytes")
        write(
            f"WebP renditions: {webp:,} bytes against {jpeg:,} for the same JPEG renditions: "
            f"{jpeg - webp:,} bytes saved ({percent(jpeg - webp, jpeg):.0f}%)"
        )
        largest = figures["largest_webp_bytes"]
        write(
            f"Largest WebP against the original: {largest:,} bytes against {original:,}: "
            f"{original - largest:,} bytes saved ({percent(original - largest, original):.0f}%)"
        )
        write("Nothing was kept: rows rolled back, files deleted.")
