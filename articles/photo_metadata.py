"""What a photo file says about itself: the IPTC fields agencies embed.

Agencies and photographers write the creator, credit line, source, copyright
notice and caption into the file, in the IPTC-IIM block (APP13) and again as
XMP. Both are read with Pillow (XMP through ``Image.getxmp()``, which parses
with defusedxml); XMP wins where both are present, being Unicode throughout.
``suggest_credits`` turns the names into credits, reusing the desk's credit
sources where one matches by name or alias.
"""

from dataclasses import asdict, dataclass

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

    def __bool__(self):
        return any(asdict(self).values())

    def as_dict(self):
        return {field: value for field, value in asdict(self).items() if value}


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


def _first_creator(creator):
    """XMP may list several creators; the credit names the first."""
    return creator.split(",")[0].strip() if creator else ""


def suggest_credits(embedded):
    """Credits for ``embedded``: a list of (role, name, source or None) in house order.

    The credit line's names come first (each matched to a source by name or
    alias, split at "/" when the whole does not match), then the source when
    it adds a name, then the photographer. Unmatched names get ``None``.
    """
    from .models import CreditSource

    agencies = [CreditSource.Kind.AGENCY, CreditSource.Kind.SUPPLIER]
    people = [CreditSource.Kind.PHOTOGRAPHER]
    suggestions = []
    seen = set()

    def add(role, name, kinds):
        name = name.strip()
        if not name or name.casefold() in seen:
            return
        seen.add(name.casefold())
        source = CreditSource.objects.matching(name, kinds).first()
        if source is not None:
            seen.add(source.name.casefold())
            role = source.kind if source.kind in ("agency", "photographer", "supplier") else role
        suggestions.append((role, source.name if source else name, source))

    credit_line = embedded.credit_line
    if credit_line:
        if CreditSource.objects.matching(credit_line, agencies + people).exists():
            add("agency", credit_line, agencies + people)
        else:
            for part in credit_line.split("/"):
                add("agency" if not suggestions else "supplier", part, agencies + people)
    if embedded.source:
        add("supplier" if suggestions else "agency", embedded.source, agencies)
    if embedded.creator:
        add("photographer", _first_creator(embedded.creator), people)
    return suggestions


def apply_to_photo(photo, embedded):
    """Prefill ``photo``'s caption and credits from ``embedded``; return what was done.

    Only fills what the staffer left empty. Names no source matches become new
    sources (photographer for the creator, agency or supplier otherwise), and
    are listed in the result so the staffer can check them.
    """
    from .models import CreditSource, PhotoCredit

    done = {"caption": False, "matched": [], "created": []}
    photo.embedded_metadata = embedded.as_dict()
    fields = ["embedded_metadata"]
    if not photo.caption.strip() and (embedded.caption or embedded.headline):
        photo.caption = embedded.caption or embedded.headline
        fields.append("caption")
        done["caption"] = True
    photo.save(update_fields=fields)
    if photo.credits.exists():
        return done
    for order, (role, name, source) in enumerate(suggest_credits(embedded)):
        if source is None:
            source = CreditSource(kind=role, name=name)
            source.full_clean()
            source.save()
            done["created"].append(str(source))
        else:
            done["matched"].append(str(source))
        credit = PhotoCredit(photo=photo, role=role, source=source, order=order)
        credit.full_clean()
        credit.save()
    return done
