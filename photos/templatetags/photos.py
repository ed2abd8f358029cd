"""``{% picture %}``: a photo as readers get it, from its stored renditions."""

from django import template
from django.utils.html import format_html

from photos import renditions

register = template.Library()


def _srcset(items, urls):
    return ", ".join(f"{url} {item['width']}w" for item, url in zip(items, urls, strict=True))


@register.simple_tag
def picture(photo, crop="full", sizes="100vw", eager=False, css_class=""):
    """WebP and JPEG ``srcset``s of ``crop``, with the size the layout reserves for it.

    The first image on a page is loaded eagerly and with high priority; all
    others lazily. A photo without current renditions (not yet made, or
    withdrawn when its licence ran out) draws nothing: the original is never
    sent to readers, and nothing is resized here.
    """
    webp, jpeg = renditions.current_pair(photo, crop, ("webp", "jpeg"))
    if not jpeg:
        return ""
    urls = renditions.urls_of([*webp, *jpeg])
    webp_urls, jpeg_urls = urls[: len(webp)], urls[len(webp) :]
    largest = jpeg[-1]
    at = next((n for n, item in enumerate(jpeg) if item["width"] >= 800), len(jpeg) - 1)
    src, width, height = jpeg_urls[at], largest["width"], largest["height"]
    webp_srcset, jpeg_srcset = _srcset(webp, webp_urls), _srcset(jpeg, jpeg_urls)
    # One format_html a photo: its optional parts are chosen in the format
    # string (constant text), every value still escaped once.
    source = '<source type="image/webp" srcset="{}" sizes="{}">' if webp_srcset else ""
    css = ' class="{}"' if css_class else ""
    loading = ("fetchpriority", "high") if eager else ("loading", "lazy")
    return format_html(
        f"<picture>{source}<img{css}"
        ' src="{}" srcset="{}" sizes="{}" alt="{}" width="{}" height="{}"'
        ' {}="{}" decoding="async"></picture>',
        *((webp_srcset, sizes) if webp_srcset else ()),
        *((css_class,) if css_class else ()),
        src,
        jpeg_srcset,
        sizes,
        photo.alt_text,
        int(width),
        int(height),
        *loading,
    )
