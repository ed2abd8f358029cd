"""Originals: each photo's file as uploaded, cleaned, kept where no reader can reach it.

Every original is decoded and written afresh by Pillow before it is stored
(``clean``): bytes appended to the picture (a script riding on a JPEG) do not
survive, and of the file's metadata only the colour profile and the fields
the desk reads (creator, credit line, source, copyright notice, caption,
headline; see ``photo_metadata.desk_xmp``) are kept: no EXIF, no GPS, no
camera serial. A picture turned by its EXIF orientation is stored upright.

Originals live in the ``originals`` storage (``STORAGES["originals"]``): a
directory outside MEDIA_ROOT, or a private prefix or bucket, that is never
served. Readers only ever get renditions, made from the original.
"""

import io
from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from PIL import Image, ImageOps, PngImagePlugin

from common.storage import originals_storage

from .metadata import desk_xmp, read_embedded

# The Pillow format an original is stored in, and its file extension.
STORED_AS = {"JPEG": ("JPEG", ".jpg"), "MPO": ("JPEG", ".jpg"), "PNG": ("PNG", ".png")}
STORED_AS["WEBP"] = ("WEBP", ".webp")
EXIF_ORIENTATION = 0x0112


def storage():
    """The private storage originals are kept in."""
    return originals_storage


def clean(fileobj):
    """``fileobj``'s picture re-encoded without private metadata: (bytes, extension)."""
    embedded = read_embedded(fileobj)
    fileobj.seek(0)
    with Image.open(fileobj) as image:
        image.load()
        source_format = image.format
        pil_format, extension = STORED_AS.get(source_format, ("PNG", ".png"))
        icc = image.info.get("icc_profile")
        turned = image.getexif().get(EXIF_ORIENTATION, 1) not in (None, 1)
        picture = ImageOps.exif_transpose(image) if turned else image
        options = {"icc_profile": icc} if icc else {}
        xmp = desk_xmp(embedded)
        if pil_format == "JPEG":
            if source_format == "JPEG" and not turned:
                # The same quantisation tables: no visible loss from the rewrite.
                options["quality"] = "keep"
            else:
                options["quality"] = 95
            if xmp:
                options["xmp"] = xmp
        elif pil_format == "WEBP":
            options.update(quality=95, method=4)
            if xmp:
                options["xmp"] = xmp
        else:
            if "transparency" in picture.info:
                options["transparency"] = picture.info["transparency"]
            if xmp:
                info = PngImagePlugin.PngInfo()
                info.add_itxt("XML:com.adobe.xmp", xmp.decode())
                options["pnginfo"] = info
        out = io.BytesIO()
        picture.save(out, format=pil_format, **options)
    fileobj.seek(0)
    return out.getvalue(), extension


def cleaned_name(name, extension):
    """``name`` with the extension of the format it is stored in."""
    path = PurePosixPath(name)
    return str(path.with_suffix(extension)) if path.suffix.lower() != extension else name


def move_originals(photos, source=None, target=None, log=None):
    """Move the originals of ``photos`` from ``source`` (public media) to ``target`` (private).

    Idempotent: a photo whose original is already in ``target`` is left
    alone. The copy in ``source`` is deleted once ``target`` has it. Returns
    how many were moved.
    """
    source = source or default_storage
    target = target or storage()
    moved = 0
    for photo in photos:
        name = photo.image.name
        if not name or target.exists(name) or not source.exists(name):
            continue
        with source.open(name, "rb") as file:
            saved = target.save(name, io.BytesIO(file.read()))
        if saved != name:
            type(photo).objects.filter(pk=photo.pk).update(image=saved)
        source.delete(name)
        moved += 1
        if log:
            log(f"Photo {photo.pk}: {name} moved.")
    return moved
