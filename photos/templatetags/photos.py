"""``{% picture %}``: a photo as readers get it, from its stored renditions."""

# The standard library's escape, as in cards.py: every text here is a str.
from html import escape

from django import template
from django.utils.safestring import mark_safe

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
    # Written out here rather than by an included template or format_html: a
    # list page draws twenty of these. Every text is escaped; the rest are numbers.
    sizes = escape(sizes)
    webp_srcset, jpeg_srcset = _srcset(webp, webp_urls), _srcset(jpeg, jpeg_urls)
    source = (
        f'<source type="image/webp" srcset="{escape(webp_srcset)}" sizes="{sizes}">'
        if webp_srcset
        else ""
    )
    css = f' class="{escape(css_class)}"' if css_class else ""
    srcset = f' srcset="{escape(jpeg_srcset)}" sizes="{sizes}"'
    size = f' width="{int(width)}" height="{int(height)}"'
    loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
    # Safe: every text above is escaped.
    return mark_safe(  # noqa: S308  # nosec
        f'<picture>{source}<img{css} src="{escape(src)}"{srcset} alt="{escape(photo.alt_text)}"'
        f'{size} {loading} decoding="async"></picture>'
    )
