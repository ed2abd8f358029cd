"""``{% picture %}``: a photo as readers get it, from its stored renditions."""

from django import template

from articles import renditions

register = template.Library()


def _srcset(items):
    return ", ".join(f"{renditions.url_of(item)} {item['width']}w" for item in items)


@register.inclusion_tag("includes/_picture.html")
def picture(photo, crop="full", sizes="100vw", eager=False, css_class=""):
    """WebP and JPEG ``srcset``s of ``crop``, with the size the layout reserves for it.

    The first image on a page is loaded eagerly and with high priority; all
    others lazily. A photo without current renditions (not yet made) falls
    back to its original file; nothing is resized here.
    """
    webp = photo.rendition_sources(crop, "webp")
    jpeg = photo.rendition_sources(crop, "jpeg")
    if jpeg:
        largest = jpeg[-1]
        fallback = next((item for item in jpeg if item["width"] >= 800), largest)
        src, width, height = renditions.url_of(fallback), largest["width"], largest["height"]
    else:
        src, width, height = photo.image.url, photo.width, photo.height
    return {
        "photo": photo,
        "src": src,
        "width": width,
        "height": height,
        "webp_srcset": _srcset(webp),
        "jpeg_srcset": _srcset(jpeg),
        "sizes": sizes,
        "eager": eager,
        "css_class": css_class,
    }
