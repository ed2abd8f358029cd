"""Uploads held for the desk to confirm what was read from them.

A new photo whose file carries IPTC/XMP data is not stored at once: the
cleaned file (see ``photos.originals``) and what the staffer typed wait in
the private originals storage under ``pending/``, and the add form comes back
prefilled with the caption and credits read from the file. A signed token in
the form names the held upload; only saving that form stores the photo, its
credits and any new credit sources, in one transaction. Held uploads older
than ``MAX_AGE`` are deleted (whenever another is held, and by ``manage.py
expirephotos``), so a staffer who walks away leaves nothing behind.
"""

import datetime
import io
import json
import uuid
from dataclasses import dataclass

from django.core import signing
from django.core.files.base import ContentFile
from django.utils import timezone

from . import originals
from .metadata import Embedded, read_embedded
from .models import CreditSource

FOLDER = "pending"
MAX_AGE = datetime.timedelta(days=1)
# As before the photos app: uploads held across the upgrade stay valid.
SALT = "articles.photo.pending-upload"
# Form data not worth keeping: the token, the file, the credits' own bookkeeping.
UNKEPT = {"csrfmiddlewaretoken", "image", "pending"}


def suggest_credits(embedded):
    """Credits for ``embedded``: a list of (role, name, source or None) in house order.

    The credit line's names come first (each matched to a source by name or
    alias, split at "/" when the whole does not match), then the source when
    it adds a name, then every creator in the file's order. Unmatched names
    get ``None``.
    """
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
    for creator in embedded.creators:
        add("photographer", creator, people)
    return suggestions


@dataclass
class Held:
    token: str
    key: str
    filename: str
    extension: str
    post: dict
    embedded: Embedded

    @property
    def file_name(self):
        return f"{FOLDER}/{self.key}{self.extension}"

    def file(self):
        """The held picture, ready for the photo's image field."""
        with originals.storage().open(self.file_name, "rb") as stored:
            return ContentFile(stored.read(), name=self.filename)

    def typed_credits(self):
        """The credit rows the staffer typed before the file was read, as form initial data."""
        return typed_credits(self.post)

    def suggestions(self):
        """(order, role, name, source or None) for each credit read from the file."""
        return [
            (order, role, name, source)
            for order, (role, name, source) in enumerate(suggest_credits(self.embedded))
        ]


def typed_credits(post):
    """The credit rows in the photo form data ``post`` (a dict of lists), deleted ones left out."""
    try:
        total = int((post.get("credits-TOTAL_FORMS") or ["0"])[-1])
    except ValueError:
        total = 0
    rows = []
    for index in range(min(total, 1000)):
        row = {
            field: (post.get(f"credits-{index}-{field}") or [""])[-1]
            for field in ("role", "source", "name", "order")
        }
        if row["role"] and not post.get(f"credits-{index}-DELETE"):
            rows.append(row)
    return rows


def worth_confirming(embedded, post):
    """Whether the file says something the staffer left empty in the form ``post``."""
    caption_empty = not "".join(post.get("caption") or []).strip()
    if caption_empty and (embedded.caption or embedded.headline):
        return True
    return not typed_credits(post) and bool(suggest_credits(embedded))


def _names(key):
    return f"{FOLDER}/{key}.json"


def hold(upload, post, user):
    """Keep ``upload`` (cleaned) and the form data ``post`` for ``user``; return the token."""
    storage = originals.storage()
    remove_stale(storage)
    data, extension = originals.clean(upload)
    key = uuid.uuid4().hex
    record = {
        "user": user.pk,
        "filename": originals.cleaned_name(upload.name, extension),
        "extension": extension,
        "post": {name: values for name, values in post.lists() if name not in UNKEPT},
    }
    storage.save(f"{FOLDER}/{key}{extension}", ContentFile(data))
    storage.save(_names(key), ContentFile(json.dumps(record).encode()))
    return signing.dumps({"key": key, "user": user.pk}, salt=SALT)


def load(token, user):
    """The upload ``token`` names, held for ``user``; None when unknown, stale or another's."""
    if not token:
        return None
    try:
        signed = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if signed.get("user") != user.pk:
        return None
    storage = originals.storage()
    key = signed["key"]
    try:
        with storage.open(_names(key), "rb") as stored:
            record = json.loads(stored.read())
    except (OSError, ValueError):
        return None
    held = Held(
        token=token,
        key=key,
        filename=record["filename"],
        extension=record["extension"],
        post=record["post"],
        embedded=Embedded(),
    )
    if not storage.exists(held.file_name):
        return None
    with storage.open(held.file_name, "rb") as stored:
        held.embedded = read_embedded(io.BytesIO(stored.read()))
    return held


def discard(held):
    storage = originals.storage()
    for name in (held.file_name, _names(held.key)):
        storage.delete(name)


def remove_stale(storage=None, now=None):
    """Delete held uploads older than ``MAX_AGE``; return how many files went."""
    storage = storage or originals.storage()
    now = now or timezone.now()
    try:
        _, files = storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    removed = 0
    for name in files:
        path = f"{FOLDER}/{name}"
        if now - storage.get_modified_time(path) > MAX_AGE:
            storage.delete(path)
            removed += 1
    return removed
