"""Helpers for the desk's tests: accounts in each role, and the story form as posted."""

from django.contrib.auth.models import Group
from django.urls import reverse

from articles.roles import ROLES, install_roles

from .factories import make_user


def role_user(role, username=None):
    """A staff account in ``role`` (the groups come from a migration; a flushed test
    database gets them back here)."""
    if Group.objects.filter(name__in=ROLES).count() != len(ROLES):
        install_roles()
    user = make_user(username or role.lower().replace(" ", "-"), is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def admin_url(name, *args):
    return reverse(f"admin:{name}", args=args)


def inline(prefix, *rows, initial=None):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(
            initial if initial is not None else sum("id" in row for row in rows)
        ),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


# The photo form's fields besides the image and its alt text, as a new photo posts them.
PHOTO_FORM = {
    "caption": "",
    "focal_x": "50",
    "focal_y": "50",
    "licence": "agency",
    "restrictions": "",
    "expires_on": "",
    "replacement": "",
}


def photo_form(*credit_rows, **fields):
    """The admin's photo form: a new photo's, ``credit_rows`` inline, then ``fields`` over all."""
    return {**PHOTO_FORM, **inline("credits", *credit_rows), **fields}


def local_parts(moment):
    """The admin's split date and time inputs for an aware datetime."""
    from django.utils import timezone

    moment = timezone.localtime(moment)
    return {
        "published_at_0": moment.strftime("%Y-%m-%d"),
        "published_at_1": moment.strftime("%H:%M:%S"),
    }


def story_form(story, *, people=None, corrections=(), **changes):
    """The change form of ``story`` as the browser posts it, with ``changes``.

    ``people`` replaces the people inline: a list of (person, is_main) pairs
    for new rows; by default the saved rows are posted as they are.
    """
    data = {
        "headline": story.headline,
        "slug": story.slug,
        "kind": story.kind,
        "standfirst": story.standfirst,
        "dateline": story.dateline,
        "dateline_place": story.dateline_place_id or "",
        "dateline_source": story.dateline_source,
        "seo_title": story.seo_title,
        "social_headline": story.social_headline,
        "body": story.body,
        "status": story.status,
        "published_at_0": "",
        "published_at_1": "",
        "lead_photo": story.lead_photo_id or "",
        "seen_version": story.version,
    }
    if story.published_at:
        data.update(local_parts(story.published_at))
    links = [
        {
            "id": link.pk,
            "article": story.pk,
            "person": link.person_id,
            "order": link.order,
            **({"is_main": "on"} if link.is_main else {}),
        }
        for link in story.person_links.all()
    ]
    extra = [
        {"person": person.pk, "order": len(links) + n, **({"is_main": "on"} if main else {})}
        for n, (person, main) in enumerate(people or [])
    ]
    data.update(inline("person_links", *links, *extra))
    bylines = [
        {"id": b.pk, "article": story.pk, "contributor": b.contributor_id, "order": b.order}
        for b in story.bylines.all()
    ]
    data.update(inline("bylines", *bylines))
    tags = [
        {"id": item.pk, "content_object": story.pk, "tag": item.tag_id}
        for item in story.tagged_items.all()
    ]
    data.update(inline("tagged_items", *tags))
    data.update(
        inline(
            "corrections",
            *({"kind": kind, "text": text} for kind, text in corrections),
            initial=0,
        )
    )
    data.update(inline("reported_relationships"))
    data.update(changes)
    return data


def new_story_form(headline="Kim Kardashian launches a new label", people=(), **fields):
    from django.utils.text import slugify

    data = {
        "headline": headline,
        "slug": slugify(headline),
        "kind": "news",
        "standfirst": "",
        "dateline": "",
        "body": "<p>Words.</p>",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "lead_photo": "",
        **fields,
    }
    data.update(
        inline(
            "person_links",
            *(
                {"person": p.pk, "order": n, **({"is_main": "on"} if n == 0 else {})}
                for n, p in enumerate(people)
            ),
        )
    )
    data.update(inline("bylines"))
    data.update(inline("tagged_items"))
    data.update(inline("reported_relationships"))
    return data
