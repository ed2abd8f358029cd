"""Fill the database with a large generated archive to measure the site against.

The archive looks like a real desk's: people with birth dates and family ties,
stories tagged with 1–6 people and 2–8 tags, photos with credits showing the
people of the first story they lead (a photo of one person is their portrait),
and a heavy tail, a handful of stars in 5% of all stories each. On PostgreSQL
rows go in with COPY; elsewhere with bulk_create. Nothing is saved one row at
a time. Only source rows are written here: what the listings derive from them
(the links' copies, the ids on each story, the monthly counts and totals) is
written afterwards by their one writer, ``reading.listings.rebuild``.

Generated rows carry slugs starting with ``bench-``; ``--clear`` removes them.
"""

import datetime
import io
import json
import random
import sys
import time

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction
from django.utils import timezone
from PIL import Image
from taggit.models import Tag

from articles.models import (
    Article,
    ArticlePerson,
    Byline,
    Contributor,
    PersonCoverage,
    PersonMonth,
    TaggedArticle,
    TagMonth,
    byline_name,
)
from people.models import Person, Relationship, name_key
from photos import originals, renditions
from photos.models import CreditSource, Photo, PhotoCredit
from reading import listings

FIRST_NAMES = (
    "Ava Liam Mia Noah Zoe Leo Ella Kai Nina Omar Lara Theo Ivy Max Rosa Jude Lena Finn Ada "
    "Milo Cleo Hugo Iris Nico Vera Otis June Axel Maya Enzo Lily Raul Sara Yuki Amir Tara"
).split()
LAST_NAMES = (
    "Stone Rivera Banks Holt Marsh Vega Quinn Shaw Reyes Frost Lowe Park Cruz Hale Moss Kane "
    "Diaz Ford Lane Wolfe Price Knox Blake Nash Cole Grant Hayes Webb Ross Fox Lake Byrd"
).split()
ROLES = "singer actor rapper model influencer presenter athlete producer designer chef".split()
TOPICS = (
    "divorce wedding baby red-carpet tour album film series fashion beauty fitness award "
    "feud dating engagement birthday charity podcast scandal comeback premiere festival"
).split()
AGENCIES = ["IMAGO", "dpa", "Getty Images", "Reuters", "AP", "Newsroom Pictures"]
SUPPLIERS = ["APress", "Future Image", "Picture Alliance", "Starface"]
STARS = 5
STAR_SHARE = 0.05  # of all stories, each
BATCH = 5000


def progress(label, done, total):
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r{label:<14} [{'#' * filled}{'.' * (width - filled)}] {done:>9}/{total}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


class Table:
    """Rows for one model, written in bulk; columns not given take their defaults."""

    def __init__(self, model, columns):
        self.model = model
        self.columns = columns
        now = timezone.now()
        self.defaults = {}
        for field in model._meta.concrete_fields:
            if field.attname in columns or field.primary_key:
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                self.defaults[field.attname] = now
            else:
                self.defaults[field.attname] = field.get_default()
        self.names = ["id", *columns, *self.defaults]
        self.next_id = (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1

    def field(self, attname):
        if attname == "id":
            return self.model._meta.pk
        return next(f for f in self.model._meta.concrete_fields if f.attname == attname)

    def allocate(self, count):
        first = self.next_id
        self.next_id += count
        return first

    def write(self, rows, label, total):
        """Write ``rows`` (tuples: id, then ``columns``), reporting progress."""
        done = 0
        extra = tuple(self.defaults.values())
        if connection.vendor == "postgresql":
            # COPY takes JSON as text.
            json_at = [
                n
                for n, name in enumerate(self.names)
                if isinstance(self.field(name), models.JSONField)
            ]
            sql = (
                f'COPY "{self.model._meta.db_table}" '
                f"({', '.join(connection.ops.quote_name(n) for n in self.names)}) FROM STDIN"
            )
            with connection.cursor() as cursor, cursor.copy(sql) as copy:
                for row in rows:
                    row = list(row + extra)
                    for n in json_at:
                        row[n] = json.dumps(row[n])
                    copy.write_row(row)
                    done += 1
                    if done % BATCH == 0:
                        progress(label, done, total)
        else:
            batch = []
            for row in rows:
                batch.append(self.model(**dict(zip(self.names, row + extra, strict=True))))
                done += 1
                if len(batch) == BATCH:
                    self.model.objects.bulk_create(batch)
                    batch = []
                    progress(label, done, total)
            self.model.objects.bulk_create(batch)
        if done % BATCH or not done:
            progress(label, done, total)
        return done


class Command(BaseCommand):
    help = "Fill the database with a large generated archive for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=10_000)
        parser.add_argument("--people", type=int, default=1_000)
        parser.add_argument("--tags", type=int, default=None, help="default: stories / 500")
        parser.add_argument("--seed", type=int, default=2021)
        parser.add_argument("--clear", action="store_true", help="remove generated rows first")

    def handle(self, *args, stories, people, tags, seed, clear, **options):
        if stories < 1 or people < STARS + 1:
            raise CommandError(f"Give at least 1 story and {STARS + 1} people.")
        self.random = random.Random(seed)  # noqa: S311 - repeatable data, not secrets
        started = time.monotonic()
        if clear:
            self.clear()
        with transaction.atomic():
            author_ids = self.authors()
            person_ids = self.people(people)
            tag_ids = self.tags(tags or max(stories // 500, 50))
            photo_ids = self.photos(max(stories // 4, 1))
            counts = self.stories(stories, person_ids, tag_ids, photo_ids, author_ids)
        if connection.vendor == "postgresql":
            self.reset_sequences()
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{count:,} {name}" for name, count in counts.items())
        self.stdout.write(f"Created {summary} in {elapsed:.0f} s.")

    def clear(self):
        """Remove the generated archive: one DELETE a table, dependants first.

        Not the ORM's delete: at 100,000 stories it gathers every row in
        Python and sends more parameters than PostgreSQL takes in one
        statement, and the links' receivers would recount month by month
        counts that go with the generated people and tags anyway.
        """
        stories = _rows(Article, "slug", "bench-")
        people = _rows(Person, "slug", "bench-")
        tags = _rows(Tag, "slug", "bench-")
        photos = _rows(Photo, "image", "bench/")
        # Generated photos share their templates' rendition files: their rows go
        # here, the templates below through the ORM (whose deletion removes the files).
        templates = [f"bench/photo-{n}.jpg" for n in range(4)]
        generated_photos = (
            f"{photos[0]} AND {_column(Photo, 'image')} NOT IN ({', '.join(['%s'] * 4)})",
            [*photos[1], *templates],
        )
        with transaction.atomic(), connection.cursor() as cursor:
            for model, field, rows in [
                (ArticlePerson, "article", stories),
                (TaggedArticle, "content_object", stories),
                (Article.authors.through, "article", stories),
                (Byline, "article", stories),
                (Article.related.through, "from_article", stories),
                (Article.related.through, "to_article", stories),
                (Article, "id", stories),
                (PersonMonth, "person", people),
                (PersonCoverage, "person", people),
                (TagMonth, "tag", tags),
                (Relationship, "person", people),
                (Relationship, "other", people),
                (PhotoCredit, "photo", photos),
                (Photo.people.through, "photo", photos),
                (Photo, "id", generated_photos),
            ]:
                sql, params = rows
                # Safe: names from the models, quoted; values are parameters.
                cursor.execute(
                    f"DELETE FROM {_table(model)} WHERE {_column(model, field)} IN ({sql})",  # noqa: S608  # nosec
                    params,
                )
            Photo.objects.filter(image__in=templates).delete()
            Person.objects.filter(slug__startswith="bench-").delete()
            Tag.objects.filter(slug__startswith="bench-").delete()
            Contributor.objects.filter(slug__startswith="bench-").delete()
            get_user_model().objects.filter(username__startswith="bench-").delete()

    def authors(self):
        """Twenty staff writers: (account id, author record id) each."""
        User = get_user_model()
        ids = []
        for n in range(20):
            user, _ = User.objects.get_or_create(
                username=f"bench-author-{n}",
                defaults={"first_name": self.random.choice(FIRST_NAMES), "last_name": "Writer"},
            )
            author, _ = Contributor.objects.get_or_create(
                account=user, defaults={"name": byline_name(user), "slug": f"bench-author-{n}"}
            )
            ids.append((user.pk, author.pk))
        return ids

    def people(self, count):
        table = Table(Person, ["name", "slug", "birth_date", "known_for", "bio", "search_key"])
        first = table.allocate(count)
        rng = self.random

        def rows():
            for pk in range(first, first + count):
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                born = datetime.date(1940, 1, 1) + datetime.timedelta(days=rng.randrange(25_000))
                role = rng.choice(ROLES)
                slug = f"bench-{name.lower().replace(' ', '-')}-{pk}"
                yield (pk, name, slug, born, role, f"{name} is a {role}.", name_key(name))

        table.write(rows(), "people", count)
        ids = list(range(first, first + count))
        self.relationships(ids)
        return ids

    def relationships(self, person_ids):
        """Marriages between neighbours in the list, and children for some of them."""
        table = Table(Relationship, ["person_id", "other_id", "kind", "started"])
        pairs = [(a, b) for a, b in zip(person_ids[::2], person_ids[1::2], strict=False)]
        rows = []
        rng = self.random
        for a, b in pairs[: len(pairs) // 2]:
            rows.append((a, b, "spouse", datetime.date(2000 + rng.randrange(24), 6, 1)))
        for parent, child in zip(
            person_ids[: len(person_ids) // 5], person_ids[-1::-3], strict=False
        ):
            if parent != child:
                rows.append((parent, child, "parent", None))
        first = table.allocate(len(rows))
        table.write(((first + n, *row) for n, row in enumerate(rows)), "relationships", len(rows))

    def tags(self, count):
        table = Table(Tag, ["name", "slug"])
        first = table.allocate(count)

        def rows():
            for n in range(count):
                topic = TOPICS[n % len(TOPICS)]
                yield (first + n, f"{topic} {n}", f"bench-{topic}-{n}")

        table.write(rows(), "tags", count)
        return list(range(first, first + count))

    def photos(self, count):
        templates = self.template_photos()
        table = Table(Photo, ["image", "width", "height", "caption", "alt_text", "renditions"])
        first = table.allocate(count)
        rng = self.random

        def rows():
            for pk in range(first, first + count):
                image, renditions = rng.choice(templates)
                caption = "On the red carpet"
                yield (pk, image, 1200, 675, caption, "A generated photo", renditions)

        table.write(rows(), "photos", count)
        agencies = [self.source(name, "agency") for name in AGENCIES]
        suppliers = [self.source(name, "supplier") for name in SUPPLIERS]
        credits = Table(PhotoCredit, ["photo_id", "order", "role", "source_id"])
        first_credit = credits.allocate(count * 2)

        def credit_rows():
            for n in range(count):
                photo = first + n
                yield (first_credit + 2 * n, photo, 0, "agency", rng.choice(agencies))
                yield (first_credit + 2 * n + 1, photo, 1, "supplier", rng.choice(suppliers))

        credits.write(credit_rows(), "credits", count * 2)
        return list(range(first, first + count))

    def source(self, name, kind):
        source, _ = CreditSource.objects.get_or_create(
            name=name, platform="", defaults={"kind": kind}
        )
        return source.pk

    def template_photos(self):
        """A few real photos with renditions, whose files every generated photo shares.

        Renditions are recorded on the photo row, so pages serve generated
        photos exactly as real ones, without making thousands of files.
        """
        templates = []
        for n, colour in enumerate([(180, 40, 80), (40, 90, 160), (60, 140, 90), (150, 110, 40)]):
            name = f"bench/photo-{n}.jpg"
            photo = Photo.objects.filter(image=name).first()
            if photo is None:
                if not originals.storage().exists(name):
                    out = io.BytesIO()
                    Image.new("RGB", (1200, 675), colour).save(out, "JPEG", quality=80)
                    originals.storage().save(name, ContentFile(out.getvalue()))
                photo = Photo.objects.create(image=name, alt_text="A generated photo")
            renditions.refresh(photo)
            templates.append((name, photo.renditions))
        return templates

    def pick_people(self, person_ids):
        """1–6 people: a star now and then, otherwise a long tail."""
        rng = self.random
        picked = []
        for star in person_ids[:STARS]:
            if rng.random() < STAR_SHARE:
                picked.append(star)
        tail = person_ids[STARS:]
        while len(picked) < rng.randint(1, 6):
            # Squaring skews picks towards the front of the list: a few are often in the news.
            candidate = tail[int(len(tail) * rng.random() ** 2)]
            if candidate not in picked:
                picked.append(candidate)
        return picked[:6]

    def pick_tags(self, tag_ids):
        """2–8 distinct tags, half of them from the popular first third."""
        rng = self.random
        wanted = rng.randint(2, 8)
        popular = tag_ids[: max(len(tag_ids) // 3, 8)]
        picked = set(rng.sample(popular, min(wanted // 2, len(popular))))
        while len(picked) < wanted:
            picked.add(rng.choice(tag_ids))
        return sorted(picked)

    def stories(self, count, person_ids, tag_ids, photo_ids, author_ids):
        rng = self.random
        now = timezone.now()
        names = dict(Person.objects.filter(pk__in=person_ids).values_list("pk", "name"))
        # Only the source rows: what is derived from them (the links' copies of
        # their story's status and time, the ids on each story, the monthly
        # counts and totals) is written by reading.listings.rebuild afterwards.
        articles = Table(
            Article,
            [
                "headline", "slug", "standfirst", "dateline", "body",
                "status", "published_at", "lead_photo_id",
            ],
        )  # fmt: skip
        links = Table(ArticlePerson, ["article_id", "person_id", "is_main", "order"])
        tagged = Table(TaggedArticle, ["content_object_id", "tag_id"])
        authors = Table(Article.authors.through, ["article_id", "user_id"])
        bylines = Table(Byline, ["article_id", "contributor_id", "order"])
        first = articles.allocate(count)
        plans = []
        # Who each photo shows: the people of the first story it leads.
        shown = {}

        def article_rows():
            for pk in range(first, first + count):
                people = self.pick_people(person_ids)
                main = names[people[0]]
                topic = rng.choice(TOPICS)
                when = now - datetime.timedelta(minutes=rng.randrange(5 * 365 * 24 * 60))
                status = "published"
                roll = rng.random()
                if roll < 0.02:
                    status = "draft"
                elif roll < 0.03:
                    when = now + datetime.timedelta(days=rng.randrange(1, 30))
                tags = self.pick_tags(tag_ids)
                plans.append((pk, people, tags))
                photo = rng.choice(photo_ids)
                shown.setdefault(photo, people)
                headline = f"{main} and the {topic} everyone is talking about"
                yield (
                    pk,
                    headline,
                    f"bench-{pk}",
                    f"What we know about {main}'s {topic}.",
                    "Los Angeles",
                    f"<p>{main} made headlines again this week.</p>"
                    f"<p>The {topic} has been the talk of fans for days.</p>"
                    "<p>More details are expected soon, sources say.</p>",
                    status,
                    when,
                    photo,
                )

        articles.write(article_rows(), "stories", count)

        def link_rows():
            pk = links.allocate(sum(len(p) for _, p, _ in plans))
            for article, people, _ in plans:
                for order, person in enumerate(people):
                    yield (pk, article, person, order == 0, order)
                    pk += 1

        def tag_rows():
            pk = tagged.allocate(sum(len(t) for _, _, t in plans))
            for article, _, story_tags in plans:
                for tag in story_tags:
                    yield (pk, article, tag)
                    pk += 1

        # One writer a story: their account among its authors, their record on its byline.
        writers = [rng.choice(author_ids) for _ in plans]

        def author_rows():
            pk = authors.allocate(len(plans))
            for (article, *_), (user, _) in zip(plans, writers, strict=True):
                yield (pk, article, user)
                pk += 1

        def byline_rows():
            pk = bylines.allocate(len(plans))
            for (article, *_), (_, author) in zip(plans, writers, strict=True):
                yield (pk, article, author, 0)
                pk += 1

        total_links = sum(len(p) for _, p, _ in plans)
        total_tags = sum(len(t) for _, _, t in plans)
        counts = {
            "stories": count,
            "people links": links.write(link_rows(), "people links", total_links),
            "tag links": tagged.write(tag_rows(), "tag links", total_tags),
            "authors": authors.write(author_rows(), "authors", len(plans)),
            "bylines": bylines.write(byline_rows(), "bylines", len(plans)),
        }
        # What the listings derive from these rows, by their one writer.
        listings.rebuild(progress=lambda done, total, what: progress(what, done, total))
        counts["person months"] = PersonMonth.objects.count()
        counts["tag months"] = TagMonth.objects.count()
        counts["people in photos"] = self.photo_people(shown)
        return counts

    def photo_people(self, shown):
        """Tag each photo with the people it shows; a photo of one person is their portrait."""
        table = Table(Photo.people.through, ["photo_id", "person_id"])
        total = sum(len(people) for people in shown.values())
        first = table.allocate(total)

        def rows():
            pk = first
            for photo, people in shown.items():
                for person in people:
                    yield (pk, photo, person)
                    pk += 1

        written = table.write(rows(), "photo people", total)
        portraits = [photo for photo, people in shown.items() if len(people) == 1]
        for start in range(0, len(portraits), BATCH):
            Photo.objects.filter(pk__in=portraits[start : start + BATCH]).update(is_portrait=True)
        return written

    def reset_sequences(self):
        tables = [
            Person, Relationship, Tag, Photo, PhotoCredit, Article, ArticlePerson,
            TaggedArticle, Article.authors.through, Byline, PersonMonth, TagMonth,
            Photo.people.through,
        ]  # fmt: skip
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(self.style, tables):
                cursor.execute(sql)


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)


def _column(model, field):
    return connection.ops.quote_name(model._meta.get_field(field).column)


def _rows(model, field, prefix):
    """(SQL, parameters) of the ids of ``model``'s rows whose ``field`` starts with ``prefix``."""
    pk = connection.ops.quote_name(model._meta.pk.column)
    # Safe: names from the model, quoted; the prefix is a parameter.
    sql = f"SELECT {pk} FROM {_table(model)} WHERE {_column(model, field)} LIKE %s"  # noqa: S608  # nosec
    return sql, [prefix + "%"]
