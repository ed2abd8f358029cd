"""A story's bylines and its authors, kept equal both ways.

``Byline`` rows are what the story prints, in order, staff and guests alike;
``Article.authors`` are the accounts the desk lets write the story (roles,
"my drafts"). A staff writer is both: adding or removing one through either
side, by the story form or by any ordinary ORM call (``authors.add``,
``Byline.objects.create``, a deletion), brings the other along here.

The receivers write the other side through its plain rows (the authors'
through table, ``Byline``), whose writes send no ``m2m_changed``: one side
never sets off the other again.
"""

from django.db import transaction
from django.db.models import Max
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils.text import slugify

from .models import Article, Byline, Contributor, byline_name

Authors = Article.authors.through


def contributor_for(user):
    """The staff writer's record of ``user``, made on first need from the account's name."""
    try:
        return user.contributor
    except Contributor.DoesNotExist:
        return Contributor.objects.create(
            account=user, name=byline_name(user), slug=free_slug(byline_name(user))
        )


def free_slug(name):
    """An author page address from ``name`` that no author has yet."""
    base = slugify(name)[:150] or "author"
    taken = set(Contributor.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def add_bylines(story_id, users):
    """Put ``users`` on story ``story_id``'s byline, after its names, if not there yet."""
    last = Byline.objects.filter(article_id=story_id).aggregate(last=Max("order"))["last"]
    order = -1 if last is None else last
    for user in sorted(users, key=lambda user: user.pk):
        contributor = contributor_for(user)
        if not Byline.objects.filter(article_id=story_id, contributor=contributor).exists():
            order += 1
            Byline.objects.create(article_id=story_id, contributor=contributor, order=order)


@receiver(post_save, sender=Article)
def remember_loaded_story(sender, instance, raw=False, **kwargs):
    """``loaddata`` sets a story's authors after saving it raw, its bylines coming in
    the same load: they are matched once the load commits, not while it runs."""
    if not raw:
        return
    # loaddata sets the authors on this very object (see authors_changed).
    instance.loaded_raw = True
    story = instance.pk
    transaction.on_commit(lambda: _bylines_for_loaded(story))


def _bylines_for_loaded(story):
    """A loaded story's authors put on its byline where the load left them off
    (a dump from before bylines)."""
    User = Authors._meta.get_field("user").related_model
    add_bylines(story, User.objects.filter(articles=story))


@receiver(m2m_changed, sender=Authors)
def authors_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """``authors.add/remove/set/clear``, from the story or the account: bylines follow."""
    if not reverse and getattr(instance, "loaded_raw", False):
        return  # being loaded: see remember_loaded_story
    User = Authors._meta.get_field("user").related_model
    if action == "post_add":
        if reverse:  # user.articles.add(story, ...)
            for story_id in pk_set:
                add_bylines(story_id, [instance])
        else:
            add_bylines(instance.pk, User.objects.filter(pk__in=pk_set))
    elif action == "post_remove":
        if reverse:
            Byline.objects.filter(article_id__in=pk_set, contributor__account=instance).delete()
        else:
            Byline.objects.filter(article=instance, contributor__account__in=pk_set).delete()
    elif action == "pre_clear":
        # The accounts' bylines go with them: the cleared rows are gone after.
        if reverse:
            Byline.objects.filter(contributor__account=instance).delete()
        else:
            Byline.objects.filter(article=instance, contributor__account__isnull=False).delete()


@receiver(post_save, sender=Byline)
def byline_saved(sender, instance, raw=False, **kwargs):
    """A staff writer on the byline may write the story: they are among its authors."""
    account = instance.contributor.account_id
    if account is not None and not raw:
        Authors.objects.get_or_create(article_id=instance.article_id, user_id=account)


@receiver(post_delete, sender=Byline)
def byline_deleted(sender, instance, **kwargs):
    """Off the byline, off the authors (guests were never among them)."""
    account = Contributor.objects.filter(pk=instance.contributor_id).values("account")[:1]
    Authors.objects.filter(article_id=instance.article_id, user_id__in=account).delete()


@receiver(pre_save, sender=Contributor)
def remember_account(sender, instance, raw=False, **kwargs):
    """The account the record had before this save, for ``account_moved``."""
    if instance.pk and not raw:
        instance._account_before = (
            Contributor.objects.filter(pk=instance.pk).values_list("account", flat=True).first()
        )


@receiver(post_save, sender=Contributor)
def account_moved(sender, instance, created, raw=False, **kwargs):
    """A guest who joins the staff (or leaves it) takes their stories' rights along."""
    before = getattr(instance, "_account_before", None)
    if raw or created or before == instance.account_id:
        return
    stories = Byline.objects.filter(contributor=instance).values_list("article_id", flat=True)
    if before is not None:
        Authors.objects.filter(article_id__in=stories, user_id=before).delete()
    if instance.account_id is not None:
        Authors.objects.bulk_create(
            [Authors(article_id=story, user_id=instance.account_id) for story in stories],
            ignore_conflicts=True,
        )


def account_saved(sender, instance, raw=False, **kwargs):
    """Every staff account can be put on a byline; a staff writer's name follows their account."""
    if raw:
        return
    renamed = Contributor.objects.filter(account=instance).exclude(name=byline_name(instance))
    renamed.update(name=byline_name(instance))
    if instance.is_staff:
        contributor_for(instance)
