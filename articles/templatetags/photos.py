"""``{% picture %}``: a photo as readers get it, from its stored renditions."""

from django import template

from articles import renditions

register = template.Library()


def _srcset(items, urls):
    return ", ".join(f"{url} {item['width']}w" for item, url in zip(items, urls, strict=True))


@register.inclusion_tag("includes/_picture.html")
def picture(photo, crop="full", sizes="100vw", eager=False, css_class=""):
    """WebP and JPEG ``srcset``s of ``crop``, with the size the layout reserves for it.

    The first image on a page is loaded eagerly and with high priority; all
    others lazily. A photo without current renditions (not yet made) falls
    back to its original file; nothing is resized here.
    """
    webp = photo.rendition_sources(crop, "webp")
    jpeg = photo.rendition_sources(crop, "jpeg")
    urls = renditions.urls_of([*webp, *jpeg])
    webp_urls, jpeg_urls = urls[: len(webp)], urls[len(webp) :]
    if jpeg:
        largest = jpeg[-1]
        at = next((n for n, item in enumerate(jpeg) if item["width"] >= 800), len(jpeg) - 1)
        src, width, height = jpeg_urls[at], largest["width"], largest["height"]
    else:
        src, width, height = photo.image.url, photo.width, photo.height
    return {
        "photo": photo,
        "src": src,
        "width": width,
        "height": height,
        "webp_srcset": _srcset(webp, webp_urls),
        "jpeg_srcset": _srcset(jpeg, jpeg_urls),
        "sizes": sizes,
        "eager": eager,
        "css_class": css_class,
    }
