"""Merging a duplicate person into the person kept.

Everything about the duplicate moves over: stories and photos (each app that
keeps rows about people moves its own, on ``person_merging``), ties (a tie the
kept person already has is kept once), aliases (the duplicate's name becomes
one) and facts the kept record lacks. The duplicate's address redirects to
the kept person's page for good.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from common.admin_fields import form_field_names

from .models import Person, PersonAlias, PersonRedirect, Relationship, name_key
from .signals import person_merging, relationship_merging

# Facts taken from the duplicate where the kept record has none, with the
# fields that travel with them: every field the desk edits but those the merge
# settles its own way, so a field added to people is merged without an edit here.
COMPANIONS = {"birth_date": ["birth_date_precision"]}
OWN_RULES = ["name", "slug", "aliases", "birth_details_private"]
FILLED = [
    (field, COMPANIONS.get(field, []))
    for field in form_field_names(
        Person, exclude=[*OWN_RULES, *(name for names in COMPANIONS.values() for name in names)]
    )
]
# Details of a tie filled in from its duplicate.
TIE_DETAILS = [
    ("ended", ["ended_precision", "end_reason"]),
    ("kinship", []),
    ("place", []),
    ("ordinal", []),
    ("other_ordinal", []),
    ("note", []),
]


def merge_people(source, target):
    """Merge ``source`` into ``target`` and delete ``source``; returns ``target``."""
    if source.pk == target.pk:
        raise ValidationError("A person cannot be merged into themself.")
    with transaction.atomic():
        person_merging.send(sender=Person, source=source, target=target)
        for tie in Relationship.objects.involving(source):
            _move_tie(tie, source, target)
        PersonRedirect.objects.filter(person=source).update(person=target)
        old_slug = source.slug
        aliases = _merged_aliases(source, target)
        for field, companions in FILLED:
            if not getattr(target, field) and getattr(source, field):
                for name in [field, *companions]:
                    setattr(target, name, getattr(source, name))
        if target.birth_details_private or source.birth_details_private:
            # Privacy asked for on either record stands.
            target.birth_details_private = True
        PersonAlias.objects.filter(person=source).delete()
        target.aliases = ", ".join(aliases)
        # Refused here (say, an alias of a third person) the merge is undone whole.
        target.full_clean()
        source.delete()
        target.save()
        PersonRedirect.objects.update_or_create(old_slug=old_slug, defaults={"person": target})
    return target


def _merged_aliases(source, target):
    names = [*target.alias_list, source.name, *source.alias_list]
    seen = {name_key(target.name)}
    merged = []
    for name in names:
        if name_key(name) not in seen:
            seen.add(name_key(name))
            merged.append(name)
    return merged


def _move_tie(tie, source, target):
    person_id = target.pk if tie.person_id == source.pk else tie.person_id
    other_id = target.pk if tie.other_id == source.pk else tie.other_id
    if person_id == other_id:
        # A tie between the two records of one person means nothing.
        tie.delete()
        return
    pair = {person_id, other_id}
    same = (
        Relationship.objects.exclude(pk=tie.pk)
        .filter(kind=tie.kind, started=tie.started, person_id__in=pair, other_id__in=pair)
        .first()
    )
    if same is None:
        Relationship.objects.filter(pk=tie.pk).update(person_id=person_id, other_id=other_id)
        return
    changed = []
    for field, companions in TIE_DETAILS:
        if not getattr(same, field) and getattr(tie, field):
            for name in [field, *companions]:
                setattr(same, name, getattr(tie, name))
                changed.append(name)
    if same.status != tie.status and Relationship.Status.CONFIRMED in (same.status, tie.status):
        same.status = Relationship.Status.CONFIRMED
        changed.append("status")
    relationship_merging.send(sender=Relationship, duplicate=tie, kept=same)
    tie.delete()
    if changed:
        same.save(update_fields=changed)
