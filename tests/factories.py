"""Plain helpers that make people, stories, photos and ties for tests.

Every helper saves what it makes and returns it. Dates may be given as
``datetime.date`` objects or ISO strings ("2014-05-24").
"""

import datetime
import io
import itertools

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image

from articles.models import Article, ArticlePerson
from people.models import Person, Relationship
from photos import renditions
from photos.models import CreditSource, Photo, PhotoCredit

_UNSET = object()
_numbers = itertools.count(1)


def as_date(value):
    """``value`` as a date: ISO strings are parsed, dates and None pass through."""
    if isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value


def _unique_slug(model, text):
    base = slugify(text)[:180] or "item"
    slug = base
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{next(_numbers)}"
    return slug


def make_person(name, **kw):
    """A saved Person; ``slug`` defaults to the slugified name, made unique."""
    kw.setdefault("slug", _unique_slug(Person, name))
    for field in ("birth_date", "death_date"):
        if field in kw:
            kw[field] = as_date(kw[field])
    return Person.objects.create(name=name, **kw)


def make_user(username="editor", **kw):
    """A saved user (staff when ``is_staff=True``), password "password"."""
    user = get_user_model().objects.create_user(username=username, password="password", **kw)
    return user


def make_image_file(name="photo.png", size=(64, 48), color=(200, 30, 90), fmt="PNG"):
    """An in-memory image, ready for an ImageField."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    content_type = "image/jpeg" if fmt.upper() in ("JPEG", "JPG") else f"image/{fmt.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def credit_source(name, kind="agency", platform=""):
    """The saved CreditSource called ``name`` (on ``platform``), made if missing."""
    if platform:
        kind = CreditSource.Kind.ACCOUNT
    source = CreditSource.objects.filter(name__iexact=name, platform__iexact=platform).first()
    return source or CreditSource.objects.create(kind=kind, name=name, platform=platform)


def add_credit(photo, role, name="", platform="", account="", order=None):
    """A saved PhotoCredit on ``photo``; ``order`` defaults to after the last one.

    ``name`` (or, for a screenshot, ``platform`` and ``account``) picks the
    credit source, made if missing; for a collage ``name`` is its word.
    """
    if order is None:
        order = photo.credits.count()
    source, word = None, ""
    if role == PhotoCredit.Role.COLLAGE:
        word = name
    elif role == PhotoCredit.Role.SCREENSHOT:
        source = credit_source(account, platform=platform)
    else:
        source = credit_source(name, kind=role)
    return PhotoCredit.objects.create(photo=photo, role=role, source=source, name=word, order=order)


def make_photo(
    credits=(), *, alt_text="A person on a red carpet", people=(), with_renditions=True, **kw
):
    """A saved Photo with a generated image and (unless told not to) its renditions.

    ``credits`` is a sequence of ``(role, name, platform, account)`` tuples
    (trailing items may be left off), stored in that order.
    """
    kw.setdefault("image", make_image_file())
    photo = Photo.objects.create(alt_text=alt_text, **kw)
    for order, credit in enumerate(credits):
        role, name, platform, account = (tuple(credit) + ("", "", ""))[:4]
        add_credit(photo, role, name, platform, account, order=order)
    if people:
        photo.people.add(*people)
    if with_renditions:
        renditions.refresh(photo)
    return photo


def link_person(article, person, main=False, order=None):
    """Tag ``person`` on ``article``; ``order`` defaults to after the last one."""
    if order is None:
        order = article.person_links.count()
    return ArticlePerson.objects.create(article=article, person=person, is_main=main, order=order)


def make_article(
    headline,
    *,
    people=(),
    main=None,
    tags=(),
    published_at=_UNSET,
    status=Article.Status.PUBLISHED,
    photo=None,
    related=(),
    authors=(),
    **kw,
):
    """A saved Article, published an hour ago unless told otherwise.

    ``people`` are tagged in order; ``main`` is marked as the main person (and
    tagged first if it is not among ``people``). ``published_at`` defaults to
    an hour ago for published stories and to None otherwise; pass None
    explicitly to leave it to ``Article.save``. ``related`` are pinned stories.
    """
    if published_at is _UNSET:
        published_at = (
            timezone.now() - datetime.timedelta(hours=1)
            if status == Article.Status.PUBLISHED
            else None
        )
    kw.setdefault("slug", _unique_slug(Article, headline))
    article = Article.objects.create(
        headline=headline, status=status, published_at=published_at, lead_photo=photo, **kw
    )
    people = list(people)
    if main is not None and main not in people:
        people.insert(0, main)
    for order, person in enumerate(people):
        link_person(article, person, main=person == main, order=order)
    if tags:
        article.tags.add(*tags)
    if related:
        article.related.add(*related)
    if authors:
        article.authors.add(*authors)
    return article


def make_relationship(person, other, kind, started=None, ended=None, end_reason="", **kw):
    """A saved Relationship (for ``parent``, ``person`` is the parent of ``other``)."""
    return Relationship.objects.create(
        person=person,
        other=other,
        kind=kind,
        started=as_date(started),
        ended=as_date(ended),
        end_reason=end_reason,
        **kw,
    )
