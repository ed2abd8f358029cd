"""``{% picture %}``: a photo as readers get it, from its stored renditions."""

from django import template
from django.utils.html import format_html

from articles import renditions

register = template.Library()


def _srcset(items, urls):
    return ", ".join(f"{url} {item['width']}w" for item, url in zip(items, urls, strict=True))


@register.simple_tag
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
    # Written out here rather than by an included template: a list page
    # draws twenty of these, and a template each time costs more than the rest of the card.
    webp_srcset, jpeg_srcset = _srcset(webp, webp_urls), _srcset(jpeg, jpeg_urls)
    source = (
        format_html('<source type="image/webp" srcset="{}" sizes="{}">', webp_srcset, sizes)
        if webp_srcset
        else ""
    )
    return format_html(
        '<picture>{}<img{} src="{}"{} alt="{}"{} {}="{}" decoding="async"></picture>',
        source,
        format_html(' class="{}"', css_class) if css_class else "",
        src,
        format_html(' srcset="{}" sizes="{}"', jpeg_srcset, sizes) if jpeg_srcset else "",
        photo.alt_text,
        format_html(' width="{}" height="{}"', width, height) if width else "",
        *(("fetchpriority", "high") if eager else ("loading", "lazy")),
    )
