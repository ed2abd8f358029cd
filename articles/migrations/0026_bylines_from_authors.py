"""Every story's authors become its bylines, in the order they were printed (by account);
every staff account gets its author record."""

from django.db import migrations
from django.db.models import Q
from django.utils.text import slugify

from articles import roles

BATCH = 5000


def bylines_from_authors(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Contributor = apps.get_model("articles", "Contributor")
    Byline = apps.get_model("articles", "Byline")
    Authors = Article.authors.through
    User = Authors._meta.get_field("user").related_model
    taken = set(Contributor.objects.values_list("slug", flat=True))
    contributors = {}
    # Every author, and every staff account, which the byline picker offers.
    accounts = User.objects.filter(
        Q(pk__in=Authors.objects.values("user")) | Q(is_staff=True)
    ).order_by("pk")
    for user in accounts.iterator():
        name = f"{user.first_name} {user.last_name}".strip() or user.username
        base = slugify(name)[:150] or "author"
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        contributors[user.pk] = Contributor.objects.create(account=user, name=name, slug=slug).pk
    rows, story, order = [], None, 0
    links = Authors.objects.order_by("article_id", "user_id").values_list("article_id", "user_id")
    for article_id, user_id in links.iterator(chunk_size=BATCH):
        order = order + 1 if article_id == story else 0
        story = article_id
        rows.append(Byline(article_id=article_id, contributor_id=contributors[user_id], order=order))
        if len(rows) >= BATCH:
            Byline.objects.bulk_create(rows)
            rows = []
    Byline.objects.bulk_create(rows)


def install_roles(apps, schema_editor):
    # Writers put authors on bylines; editors keep the author records.
    roles.install_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("articles", "0025_bylines")]

    operations = [
        migrations.RunPython(bylines_from_authors, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(install_roles, migrations.RunPython.noop),
    ]
