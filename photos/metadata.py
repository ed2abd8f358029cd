"""What a photo file says about itself: the IPTC fields agencies embed.

Agencies and photographers write the creator, credit line, source, copyright
notice and caption into the file, in the IPTC-IIM block (APP13) and again as
XMP. Both are read with Pillow (XMP through ``Image.getxmp()``, which parses
with defusedxml); XMP wins where both are present, being Unicode throughout.
``photos.pending_uploads.suggest_credits`` turns the names into credits,
reusing the desk's credit sources where one matches by name or alias. This
module knows no model, so the models' file field may use it.
"""

import dataclasses
from dataclasses import asdict, dataclass
from xml.sax.saxutils import escape, quoteattr

from PIL import Image, IptcImagePlugin

# IPTC-IIM record 2 datasets.
IIM = {
    "creator": (2, 80),
    "credit_line": (2, 110),
    "source": (2, 115),
    "copyright_notice": (2, 116),
    "caption": (2, 120),
    "headline": (2, 105),
}
# XMP properties (namespace prefixes are dropped by Pillow).
XMP = {
    "creator": "creator",
    "credit_line": "Credit",
    "source": "Source",
    "copyright_notice": "rights",
    "caption": "description",
    "headline": "Headline",
}


@dataclass
class Embedded:
    creator: str = ""
    credit_line: str = ""
    source: str = ""
    copyright_notice: str = ""
    caption: str = ""
    headline: str = ""
    # Every creator the file names, in its order (``creator`` joins them for display).
    creators: tuple = dataclasses.field(default=())

    def __post_init__(self):
        if self.creators and not self.creator:
            self.creator = ", ".join(self.creators)
        elif self.creator and not self.creators:
            self.creators = (self.creator,)

    def __bool__(self):
        return any(asdict(self).values())

    def as_dict(self):
        return {name: value for name, value in asdict(self).items() if value and name != "creators"}


def _text(value):
    """A plain string from an XMP value: a string, an rdf:Alt/Seq/Bag, or a lang-tagged item."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return _decode(value)
    if isinstance(value, list):
        return ", ".join(filter(None, (_text(item) for item in value)))
    if isinstance(value, dict):
        for container in ("Alt", "Seq", "Bag", "li"):
            if container in value:
                return _text(value[container])
        if "text" in value:
            return _text(value["text"])
    return ""


def _texts(value):
    """Every string in an XMP value, in order: the items of an rdf:Seq, say."""
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    if isinstance(value, dict):
        for container in ("Alt", "Seq", "Bag", "li"):
            if container in value:
                return _texts(value[container])
    text = _clean(_text(value))
    return [text] if text else []


def _decode(raw):
    if isinstance(raw, list):
        return ", ".join(_decode(item) for item in raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _clean(text):
    return " ".join(text.split())


def _from_xmp(image):
    try:
        xmp = image.getxmp()
    except Exception:  # noqa: BLE001 - broken XMP is ignored like missing XMP
        return {}
    descriptions = xmp.get("xmpmeta", {}).get("RDF", {}).get("Description", [])
    if isinstance(descriptions, dict):
        descriptions = [descriptions]
    found = {}
    for description in descriptions:
        if not isinstance(description, dict):
            continue
        for field, prop in XMP.items():
            if field not in found and prop in description:
                text = _clean(_text(description[prop]))
                if text:
                    found[field] = text
                if field == "creator" and _texts(description[prop]):
                    found["creators"] = tuple(_texts(description[prop]))
    return found


def _from_iim(image):
    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except Exception:  # noqa: BLE001 - a damaged IIM block is ignored like a missing one
        return {}
    found = {}
    for field, dataset in IIM.items():
        if dataset in info:
            text = _clean(_decode(info[dataset]))
            if text:
                found[field] = text
    creators = info.get(IIM["creator"])
    if creators:
        # A repeatable dataset: one entry per creator.
        entries = creators if isinstance(creators, list) else [creators]
        found["creators"] = tuple(filter(None, (_clean(_decode(entry)) for entry in entries)))
    return found


def read_embedded(fileobj):
    """The IPTC fields embedded in the image ``fileobj`` (empty ones are "")."""
    fileobj.seek(0)
    try:
        with Image.open(fileobj) as image:
            values = {**_from_iim(image), **_from_xmp(image)}
    except Exception:  # noqa: BLE001 - an unreadable file simply has nothing to say
        values = {}
    finally:
        fileobj.seek(0)
    return Embedded(**values)


def desk_xmp(embedded):
    """An XMP packet with only the fields the desk reads, or b"" when there are none.

    Written into stored originals in place of everything the file carried
    (EXIF, GPS, camera serials, the rest of its XMP), so the credits survive
    and nothing private does.
    """
    if not embedded:
        return b""

    def alt(tag, text):
        item = f'<rdf:li xml:lang="x-default">{escape(text)}</rdf:li>'
        return f"<{tag}><rdf:Alt>{item}</rdf:Alt></{tag}>" if text else ""

    def simple(tag, text):
        return f"<{tag}>{escape(text)}</{tag}>" if text else ""

    creators = "".join(f"<rdf:li>{escape(name)}</rdf:li>" for name in embedded.creators)
    body = "".join(
        [
            f"<dc:creator><rdf:Seq>{creators}</rdf:Seq></dc:creator>" if creators else "",
            alt("dc:rights", embedded.copyright_notice),
            alt("dc:description", embedded.caption),
            simple("photoshop:Credit", embedded.credit_line),
            simple("photoshop:Source", embedded.source),
            simple("photoshop:Headline", embedded.headline),
        ]
    )
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f"<rdf:Description rdf:about={quoteattr('')}"
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">'
        f"{body}</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()
