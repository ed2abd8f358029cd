"""Renditions: the resized copies of a photo that readers' pages load.

A rendition is one crop of a photo at one width in one format. They are made
once with Pillow (when a photo is saved in the admin, by ``manage.py
makerenditions`` for photos that have none, by ``loaddemo``) and never while a
reader waits. What was made is recorded on the photo row (``Photo.renditions``)
so a page builds its ``srcset`` from the row it already has, without a query.

Every rendition is decoded, turned upright by its EXIF orientation, converted
to 8-bit RGB (CMYK, 16-bit and transparent originals included) and written
afresh, so no EXIF block, GPS position or camera serial number reaches a
reader. File names are deterministic (``renditions/<photo>/<key>-<crop>-<width>.<ext>``);
the key changes with the original file and the focal point, so a changed
photo gets new renditions and pages never show stale crops.

Renditions are the only files of a photo that readers can load (originals
are private, see ``photos.originals``), and only while its licence runs:
from the expiry day they are deleted (``withdraw``: on save, and by the daily
``manage.py expirephotos``), and made again once the licence is renewed.
"""

import hashlib
import io
import re

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.encoding import filepath_to_uri
from PIL import Image, ImageOps

from .signals import renditions_changed

# Bump to remake every photo's renditions (e.g. after changing widths or quality).
VERSION = 1

# Crops: "full" keeps the whole frame (story and home lead photos); "card" is
# cut to the 4:3 of story cards around the focal point.
CROPS = {"full": None, "card": (4, 3)}
WIDTHS = {"full": (480, 800, 1200, 1600), "card": (160, 320, 480)}
FORMATS = {
    "webp": ("WEBP", {"quality": 80}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
}
# WebP encoder effort, 0 (fast) to 6 (smallest files); settings.PHOTO_WEBP_EFFORT overrides.
DEFAULT_WEBP_EFFORT = 4


def encoder_options(fmt):
    pil_format, options = FORMATS[fmt]
    if fmt == "webp":
        options = {**options, "method": getattr(settings, "PHOTO_WEBP_EFFORT", DEFAULT_WEBP_EFFORT)}
    return pil_format, options


EXTENSIONS = {"webp": "webp", "jpeg": "jpg"}
# The width the share image aims at (what social networks and search engines prefer).
SHARE_WIDTH = 1200


def key_for(photo):
    """A short fingerprint of everything the renditions depend on."""
    if not photo.image:
        return ""
    text = f"{VERSION}|{photo.image.name}|{photo.focal_x}|{photo.focal_y}"
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def is_current(photo):
    """Whether the recorded renditions match the photo as it is now."""
    recorded = photo.renditions or {}
    return bool(recorded.get("items")) and recorded.get("key") == key_for(photo)


def current(photo, crop, fmt):
    """The current renditions of ``crop`` in ``fmt``, narrowest first; [] when stale."""
    if not is_current(photo):
        return []
    items = photo.renditions["items"]
    chosen = [item for item in items if item["crop"] == crop and item["format"] == fmt]
    return sorted(chosen, key=lambda item: item["width"])


def current_pair(photo, crop, formats):
    """``current`` of ``crop`` in each of ``formats``, checking the photo's renditions once."""
    if not is_current(photo):
        return [[] for _ in formats]
    items = photo.renditions["items"]
    return [
        sorted(
            (item for item in items if item["crop"] == crop and item["format"] == fmt),
            key=lambda item: item["width"],
        )
        for fmt in formats
    ]


def url_of(item):
    return default_storage.url(item["name"])


# The characters of the names this module gives renditions: none needs quoting in a URL.
PLAIN_NAME = re.compile(r"[-a-zA-Z0-9_./]+\Z")


def _uri(name):
    return name if PLAIN_NAME.match(name) else filepath_to_uri(name)


def urls_of(items):
    """The URLs of ``items``, in order, asking the storage once where it can.

    Where a URL is a fixed prefix and the file's name (files on disk, a
    public bucket), the prefix of the first serves the rest: a card's seven
    URLs cost one call to the storage. Signed URLs are asked for one by one.
    """
    if not items:
        return []
    first = url_of(items[0])
    name = _uri(items[0]["name"])
    if not first.endswith(name) or "?" in first:
        return [first, *(url_of(item) for item in items[1:])]
    prefix = first[: -len(name)]
    return [first, *(prefix + _uri(item["name"]) for item in items[1:])]


def share_image(photo):
    """The full-frame JPEG nearest ``SHARE_WIDTH`` without going over.

    A dict of url, width, height and bytes; url "" when there are no current
    renditions (the original is never shared).
    """
    items = current(photo, "full", "jpeg")
    if not items:
        return {"url": "", "width": None, "height": None, "bytes": None}
    item = ([item for item in items if item["width"] <= SHARE_WIDTH] or items[:1])[-1]
    return {
        "url": url_of(item),
        "width": item["width"],
        "height": item["height"],
        "bytes": item["bytes"],
    }


def share_url(photo):
    return share_image(photo)["url"]


# Making them ------------------------------------------------------------------


def to_rgb(image):
    """``image`` as 8-bit RGB: 16-bit scaled down, CMYK converted, transparency on white."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # Pillow clips 16-bit to white when converting directly; scale instead.
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa"):
        background = Image.new("RGB", image.size, "white")
        background.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        return background
    if image.mode != "RGB":
        image = image.convert("RGB")
    return image


def open_upright(fileobj):
    """The picture in ``fileobj``, decoded, turned by its EXIF orientation, as RGB."""
    with Image.open(fileobj) as image:
        # A JPEG can decode straight to a smaller scale: ask for no less than
        # the widest rendition, whichever way round the picture turns out to be.
        widest = max(max(widths) for widths in WIDTHS.values())
        image.draft(None, (widest, widest))
        image.load()
        upright = ImageOps.exif_transpose(image)
        return to_rgb(upright)


def crop_box(size, aspect, focal):
    """The largest ``aspect`` box inside ``size``, ``focal`` (fractions) as central as fits."""
    width, height = size
    if aspect is None:
        return (0, 0, width, height)
    ratio = aspect[0] / aspect[1]
    if width / height > ratio:
        box_w, box_h = round(height * ratio), height
    else:
        box_w, box_h = width, round(width / ratio)
    left = min(max(round(focal[0] * width - box_w / 2), 0), width - box_w)
    top = min(max(round(focal[1] * height - box_h / 2), 0), height - box_h)
    return (left, top, left + box_w, top + box_h)


def target_widths(crop, available):
    """The widths to make for ``crop`` from ``available`` pixels: never upscaled."""
    return sorted({min(width, available) for width in WIDTHS[crop]})


# How a card crop is cut: around the focal point, or (a collage: several
# pictures side by side, each with a face that matters) the whole picture
# fitted inside the 4:3 frame on the card's tint, so no face is cut off.
CARD_AROUND_FOCAL_POINT = "focal"
CARD_WHOLE = "whole"
CARD_BACKGROUND = (246, 244, 241)  # --tint in static/css/site.css


def card_fit(photo):
    """How ``photo``'s card crop is cut: whole for a collage (its credits say so)."""
    if photo.pk is None:
        return CARD_AROUND_FOCAL_POINT
    # The credit role's value (photos.models.PhotoCredit.Role.COLLAGE): the models build on us.
    collage = photo.credits.filter(role="collage").exists()
    return CARD_WHOLE if collage else CARD_AROUND_FOCAL_POINT


def recorded_card_fit(photo):
    """How the card crop of ``photo``'s current renditions was cut."""
    return (photo.renditions or {}).get("card", CARD_AROUND_FOCAL_POINT)


def fitted_inside(image, aspect):
    """The whole of ``image`` centred in the smallest ``aspect`` frame around it."""
    width, height = image.size
    ratio = aspect[0] / aspect[1]
    frame = (max(width, round(height * ratio)), max(height, round(width / ratio)))
    canvas = Image.new("RGB", frame, CARD_BACKGROUND)
    canvas.paste(image, ((frame[0] - width) // 2, (frame[1] - height) // 2))
    return canvas


def render(image, focal, card=CARD_AROUND_FOCAL_POINT):
    """Yield (crop, format, width, height, bytes) for every rendition of ``image``."""
    for crop, aspect in CROPS.items():
        if crop == "card" and card == CARD_WHOLE:
            cropped = fitted_inside(image, aspect)
        else:
            cropped = image.crop(crop_box(image.size, aspect, focal))
        # Widest first, each scaled from the one before: every step shrinks
        # by less than three times, so Lanczos stays sharp and the work small.
        resized = cropped
        for width in reversed(target_widths(crop, cropped.width)):
            height = max(1, round(cropped.height * width / cropped.width))
            if width != resized.width:
                resized = resized.resize((width, height), Image.Resampling.LANCZOS)
            for fmt in FORMATS:
                pil_format, options = encoder_options(fmt)
                out = io.BytesIO()
                # No exif=, icc_profile= or xmp=: nothing from the original's metadata is kept.
                resized.save(out, format=pil_format, **options)
                yield crop, fmt, width, height, out.getvalue()


def make(photo, storage=None):
    """Make and store every rendition of ``photo``; return the record for ``Photo.renditions``.

    Files of a run that fails are removed again, so a failure leaves nothing behind.
    """
    storage = storage or default_storage
    key = key_for(photo)
    focal = (photo.focal_x / 100, photo.focal_y / 100)
    card = card_fit(photo)
    photo.image.open("rb")
    try:
        image = open_upright(photo.image)
    finally:
        photo.image.close()
    items, written = [], []
    try:
        for crop, fmt, width, height, data in render(image, focal, card):
            # A whole-picture card has names of its own: a cache never serves the other cut.
            cut = f"{crop}-whole" if crop == "card" and card == CARD_WHOLE else crop
            name = f"renditions/{photo.pk}/{key}-{cut}-{width}.{EXTENSIONS[fmt]}"
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, ContentFile(data))
            written.append(saved)
            items.append(
                {
                    "crop": crop,
                    "format": fmt,
                    "width": width,
                    "height": height,
                    "name": saved,
                    "bytes": len(data),
                }
            )
    except BaseException:
        for name in written:
            storage.delete(name)
        raise
    return {"key": key, "items": items, "card": card}


def refresh(photo, force=False, storage=None):
    """Bring ``photo``'s renditions up to date; True if they had to be made.

    Saves only the ``renditions`` column, and removes files of renditions
    the new ones replace. A photo whose licence has expired gets none: its
    renditions are withdrawn instead.
    """
    if photo.image and photo.is_expired:
        withdraw(photo, storage)
        return False
    if not photo.image:
        return False
    if is_current(photo) and not force and recorded_card_fit(photo) == card_fit(photo):
        return False
    storage = storage or default_storage
    old = {item["name"] for item in (photo.renditions or {}).get("items", [])}
    record = make(photo, storage)
    type(photo).objects.filter(pk=photo.pk).update(renditions=record)
    photo.renditions = record
    # A bulk update sends no post_save: cached pages showing the photo must go.
    renditions_changed.send(sender=type(photo), photo=photo)
    for name in old - {item["name"] for item in record["items"]}:
        storage.delete(name)
    return True


def withdraw(photo, storage=None):
    """Delete ``photo``'s rendition files and forget them; True if there were any.

    For a photo whose licence has expired: nothing of it stays where a
    reader's browser can fetch it. ``refresh`` makes them again once renewed.
    """
    if not (photo.renditions or {}).get("items"):
        return False
    remove(photo, storage)
    type(photo).objects.filter(pk=photo.pk).update(renditions={})
    photo.renditions = {}
    renditions_changed.send(sender=type(photo), photo=photo)
    return True


def remove(photo, storage=None):
    """Delete ``photo``'s rendition files (when the photo itself is deleted)."""
    storage = storage or default_storage
    for item in (photo.renditions or {}).get("items", []):
        storage.delete(item["name"])
