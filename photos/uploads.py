"""Checking an uploaded photo before anything is stored.

A file reaches storage only once it has been fully decoded here: a file that
is not an image, a truncated one, one that would decompress to more pixels
than the desk allows (a "decompression bomb"), one over the size limit, one
in a format other than JPEG, PNG or WebP (GIF included) or an animated one is
refused with a message that says what is wrong and what to do. CMYK, 16-bit
and transparent images are accepted: renditions convert them. What is stored
is re-encoded (``photos.originals``), never the uploaded bytes.
"""

import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image, UnidentifiedImageError

# Formats the desk accepts, by Pillow's name for them.
ACCEPTED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "MPO": "JPEG"}
DEFAULT_MAX_BYTES = 25 * 1024 * 1024
DEFAULT_MAX_PIXELS = 50_000_000  # 50 megapixels: more than any press camera delivers


def max_bytes():
    return getattr(settings, "PHOTO_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)


def max_pixels():
    return getattr(settings, "PHOTO_MAX_PIXELS", DEFAULT_MAX_PIXELS)


def _refuse(message, code):
    raise ValidationError(message, code=code)


def check_image(upload):
    """Decode ``upload`` fully; return its Pillow format name or raise ValidationError."""
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes():
        _refuse(
            f"The file is {filesizeformat(size)}; photos may be at most "
            f"{filesizeformat(max_bytes())}. Export a smaller JPEG and upload that.",
            "too_large",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice that: refuse those too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                if width * height > max_pixels():
                    _refuse(_too_many_pixels(width, height), "too_many_pixels")
                if image_format not in ACCEPTED_FORMATS:
                    _refuse(
                        f"{image_format} files cannot be used as photos; upload a JPEG, PNG "
                        "or WebP.",
                        "format",
                    )
                if getattr(image, "n_frames", 1) > 1 and image_format in ("WEBP", "PNG"):
                    _refuse(
                        "This is an animated image; the desk publishes stills. Upload one "
                        "frame as a JPEG or PNG.",
                        "animated",
                    )
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse(
            "This image would unpack to far more pixels than a photo has (a decompression "
            f"bomb): photos may have at most {max_pixels() / 1_000_000:.0f} megapixels.",
            "too_many_pixels",
        )
    except UnidentifiedImageError:
        _refuse(
            "Upload a valid image. This file is not one the desk can read (JPEG, PNG or WebP).",
            "not_an_image",
        )
    except (OSError, SyntaxError, ValueError) as error:
        _refuse(
            "The image is damaged or incomplete (the file may have been cut off on its "
            f"way here: {error}). Upload it again from the original.",
            "damaged",
        )
    finally:
        upload.seek(0)
    return image_format


def _too_many_pixels(width, height):
    megapixels = width * height / 1_000_000
    return (
        f"The image is {width} × {height} pixels ({megapixels:.0f} megapixels); photos may "
        f"have at most {max_pixels() / 1_000_000:.0f} megapixels. Scale it down first."
    )


class PhotoFileField(forms.ImageField):
    """An image upload that must pass ``check_image`` before Django's own checks."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        check_image(upload)
        return super().to_python(data)
