"""``manage.py loaddemo``: the demo desk, from the seed story onwards.

Loads the people, ties, stories, photos (with their credit sources and
renditions) of ``articles.demo`` and the demo desk accounts (see
``Command.load_accounts``). Running it again changes nothing: every row is
found by a natural key (a person's or story's slug, a photo's file name, a
credit source's name, a tie's two people, kind and start) and only written
when it differs from the demo data.
It runs in one transaction; photo files written by a failed run are removed.
"""

import datetime
import io
import secrets
from collections import Counter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from articles import demo
from articles.models import (
    Article,
    ArticlePerson,
    Byline,
    Contributor,
    FrontSlot,
    RelationshipEvidence,
    Section,
)
from articles.roles import install_roles
from articles.sanitize import clean_body
from articles.signals import stories_written
from people.models import Person, Relationship
from photos import originals, renditions
from photos.models import CreditSource, Photo, PhotoCredit

ADMIN_URL = "http://127.0.0.1:8000/admin/"
SITE_URL = "http://127.0.0.1:8000"
PHOTO_SIZE = (1200, 675)

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

# The demo's sections, in navigation order: (slug, name, description). A story's
# spec names its section by slug; one that names none is a celebrity story (Stars).
SECTIONS = [
    ("stars", "Stars", "Celebrities, their families, their loves and their break-ups."),
    ("tv", "TV", "Reality shows, streaming series and the people who make them."),
    ("music", "Music", "Albums, tours, award nights and the artists behind them."),
    ("royals", "Royals", "The royal houses of Europe: weddings, tours, christenings."),
    ("sport", "Sport", "Athletes on and off the field, their records and their families."),
]
DEFAULT_SECTION = "stars"
# The desk's arrangement of the demo's front page: (place, story slug, front-page
# headline). The other places fall back to the newest stories.
FRONT_PAGE = [
    (0, "taylor-swift-and-travis-kelce-are-engaged", "Engaged: Taylor Swift and Travis Kelce"),
    (1, demo.SEED_SLUG, ""),
]


def initials(name):
    return "".join(word[0] for word in name.split()).upper()


def render_photo(panels):
    """JPEG bytes of a demo picture: one coloured panel per (initials, colour)."""
    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE, "#222222")
    draw = ImageDraw.Draw(image)
    big = ImageFont.load_default(size=min(220, height // 3))
    small = ImageFont.load_default(size=28)
    panel_width = width // len(panels)
    for index, (letters, colour) in enumerate(panels):
        left = index * panel_width
        right = width if index == len(panels) - 1 else left + panel_width
        draw.rectangle([left, 0, right, height], fill=colour)
        draw.text(((left + right) // 2, height // 2), letters, font=big, fill="white", anchor="mm")
    for index in range(1, len(panels)):
        x = index * panel_width
        draw.line([x, 0, x, height], fill="white", width=6)
    draw.text((width - 24, height - 24), "Newsroom demo", font=small, fill="white", anchor="rd")
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def save_changes(obj, values):
    """Make ``obj`` hold ``values``, saving only a new row or a real change."""
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if obj.pk is not None and not changed:
        return UNCHANGED
    for field in changed:
        setattr(obj, field, values[field])
    state = CREATED if obj.pk is None else UPDATED
    obj.full_clean()
    obj.save()
    return state


def sync(model, lookup, values):
    """Find ``model`` by ``lookup`` (or start one) and make it hold ``values``."""
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    return obj, save_changes(obj, values)


class Command(BaseCommand):
    help = (
        "Load the demo desk: the seed story and sixty more, their people and photos, and an "
        "'editor' superuser and desk accounts (with DEBUG, sharing a published password; "
        "without, only with --with-accounts and random passwords). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Load the demo content even with DEBUG off. No account is made then, "
            "unless --with-accounts is given too.",
        )
        parser.add_argument(
            "--with-accounts",
            action="store_true",
            help="With DEBUG off: also make the demo editor (a superuser) and the desk "
            "accounts, each with a random password printed once. Existing accounts keep "
            "their passwords.",
        )

    def handle(self, *args, allow_without_debug=False, with_accounts=False, **options):
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError(
                "loaddemo fills the database with demo stories and people, so it only runs "
                "with DEBUG=1. On a private demo server without DEBUG, pass "
                "--allow-without-debug (and --with-accounts for desk accounts with random "
                "passwords)."
            )
        self.with_accounts = with_accounts
        self.counts = {
            kind: Counter()
            for kind in ("sections", "people", "ties", "sources", "photos", "stories")
        }
        self.renditions_made = 0
        self.corrected_times = False
        self.source_states = {}
        self.written_files = []
        try:
            with transaction.atomic():
                self.load()
        except BaseException:
            # The rows are rolled back; take back the files this run wrote as well.
            for storage, name in self.written_files:
                storage.delete(name)
            raise
        self.report()

    # Loading -----------------------------------------------------------------

    def load(self):
        self.user = self.load_accounts()
        self.sections = self.load_sections()
        self.people = {spec["slug"]: self.load_person(spec) for spec in demo.PEOPLE}
        ties = [(spec, self.load_relationship(spec)) for spec in demo.RELATIONSHIPS]
        stories = {spec["slug"]: self.load_story(spec) for spec in demo.STORIES}
        for spec in demo.STORIES:
            self.sync_set(
                stories[spec["slug"]].related,
                [stories[slug] for slug in spec.get("related", [])],
            )
        for spec, tie in ties:
            self.sync_evidence(tie, [stories[slug] for slug in spec.get("evidence", [])])
        self.load_front_page(stories)
        self.sync_change_times(stories)

    def load_front_page(self, stories):
        """The demo's lead and first top story, placed as an editor would in the admin."""
        for place, slug, headline in FRONT_PAGE:
            story = stories.get(slug)
            taken = FrontSlot.objects.filter(article=story).exclude(place=place).exists()
            if story is None or taken:
                continue  # a story the demo no longer has, or one the desk placed elsewhere
            sync(FrontSlot, {"place": place}, {"article_id": story.pk, "headline": headline})

    def load_sections(self):
        """{slug: Section}, each made or brought to the demo's name, order and description."""
        found = {}
        for order, (slug, name, description) in enumerate(SECTIONS, start=1):
            values = {"name": name, "order": order * 10, "description": description}
            found[slug], state = sync(Section, {"slug": slug}, values)
            self.counts["sections"][state] += 1
        return found

    def sync_change_times(self, stories):
        """Date the demo rows by the stories, not by the day they were loaded.

        A story was written and last changed when it was published; a person
        was last edited when the desk first wrote about them. Saving stamps
        now, so the times are put back afterwards, on this load and any later
        one that finds them off.
        """
        first_story, retimed = {}, []
        for spec in demo.STORIES:
            article = stories[spec["slug"]]
            when = article.published_at
            if when is None or when > timezone.now():
                continue  # drafts and scheduled stories keep the desk's own times
            changed = Article.objects.filter(pk=article.pk).exclude(
                created_at=when, updated_at=when
            )
            if changed.update(created_at=when, updated_at=when):
                self.corrected_times = True
                retimed.append(article.pk)
            for slug in spec["people"]:
                first_story[slug] = min(when, first_story.get(slug, when))
        for slug, when in first_story.items():
            person = Person.objects.filter(pk=self.people[slug].pk).exclude(updated_at=when)
            if person.update(updated_at=when):
                self.corrected_times = True
        if self.corrected_times:
            # update() sends no signal of Django's: cached pages must go
            # (a person's page shows its time too: the page cache is one for all).
            stories_written(retimed)

    def load_accounts(self):
        """The demo editor (a superuser) and one staff account for each other role.

        With DEBUG they share the published demo password, and the editor's is
        put back to it (saying so). Without DEBUG no account is made unless
        asked for, and then each gets a random password, printed once; an
        existing account's password is never changed, unless it is still the
        published one, which is replaced (and the new one printed).
        """
        User = get_user_model()
        self.account_lines = []
        if not settings.DEBUG and not self.with_accounts:
            self.user_state = "not created (DEBUG is off; --with-accounts creates the accounts)"
            return User.objects.filter(username=demo.USERNAME).first()
        if Group.objects.filter(name__in=demo.DESK_ACCOUNTS.values()).count() < len(
            demo.DESK_ACCOUNTS
        ):
            install_roles()
        editor_flags = {"is_staff": True, "is_superuser": True, "is_active": True}
        accounts = [(demo.USERNAME, None, {**demo.USER_DETAILS, **editor_flags})] + [
            (username, role, {"email": f"{username}@example.com", "is_staff": True})
            for username, role in demo.DESK_ACCOUNTS.items()
        ]
        states = {}
        for username, role, details in accounts:
            states[username] = self.load_account(User, username, role, details)
        self.user_state = states[demo.USERNAME]
        return User.objects.get(username=demo.USERNAME)

    def load_account(self, User, username, role, details):
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, **details)
            password = demo.PASSWORD if settings.DEBUG else secrets.token_urlsafe(15)
            validate_password(password, user)
            user.set_password(password)
            user.save()
            if role:
                user.groups.add(Group.objects.get(name=role))
            if not settings.DEBUG:
                self.account_lines.append(f"  {username}: {password}")
            return CREATED
        state = UNCHANGED
        if role is None:  # the editor stays a superuser
            changed = [field for field in ("is_staff", "is_superuser", "is_active")
                       if getattr(user, field) != details[field]]  # fmt: skip
            if changed:
                for field in changed:
                    setattr(user, field, details[field])
                user.save(update_fields=changed)
                state = UPDATED
        if settings.DEBUG:
            if role is None and not user.check_password(demo.PASSWORD):
                user.set_password(demo.PASSWORD)
                user.save(update_fields=["password"])
                state = "password reset to the demo one"
            return state
        if user.check_password(demo.PASSWORD):
            password = secrets.token_urlsafe(15)
            user.set_password(password)
            user.save(update_fields=["password"])
            self.account_lines.append(f"  {username}: {password}")
            return "published demo password replaced by a random one"
        self.account_lines.append(f"  {username}: (exists; its password is left as it is)")
        return state

    def load_person(self, spec):
        values = {field: value for field, value in spec.items() if field != "slug"}
        person, state = sync(Person, {"slug": spec["slug"]}, values)
        self.counts["people"][state] += 1
        return person

    def load_relationship(self, spec):
        person = self.people[spec["person"]]
        other = self.people[spec["other"]]
        kind = spec["kind"]
        started = spec.get("started")
        values = {
            "person_id": person.pk,
            "other_id": other.pk,
            "ended": spec.get("ended"),
            "end_reason": spec.get("end_reason", ""),
            "kinship": spec.get("kinship", ""),
            "status": spec.get("status", Relationship.Status.CONFIRMED),
            "place": spec.get("place", ""),
            "ordinal": spec.get("ordinal"),
            "other_ordinal": spec.get("other_ordinal"),
        }
        tie = (
            Relationship.objects.filter(kind=kind, started=started)
            .filter(Q(person=person, other=other) | Q(person=other, other=person))
            .first()
        )
        tie = tie or Relationship(kind=kind, started=started)
        state = save_changes(tie, values)
        self.counts["ties"][state] += 1
        return tie

    def sync_evidence(self, tie, stories):
        """Make ``tie`` carry exactly ``stories`` as the stories reporting it."""
        current = set(
            RelationshipEvidence.objects.filter(relationship=tie).values_list("article", flat=True)
        )
        if current == {story.pk for story in stories}:
            return
        RelationshipEvidence.objects.filter(relationship=tie).delete()
        RelationshipEvidence.objects.bulk_create(
            RelationshipEvidence(relationship=tie, article=story) for story in stories
        )

    def load_photo(self, slug, spec):
        name = f"demo/{slug}.jpg"
        photo = Photo.objects.filter(image=name).first()
        values = {
            "caption": spec["caption"],
            "alt_text": spec["alt_text"],
            "is_portrait": spec.get("is_portrait", False),
            "licence": demo.licence_for(spec),
            "restrictions": spec.get("restrictions", ""),
        }
        if photo is None:
            data = render_photo(
                [(initials(self.people[p].name), demo.COLOURS[p]) for p in spec["people"]]
            )
            self.store_file(name, data)
            photo = Photo(image=name)
        state = save_changes(photo, values)
        changed_people = self.sync_set(photo.people, [self.people[p] for p in spec["people"]])
        changed_credits = self.sync_credits(photo, spec["credits"])
        if state == UNCHANGED and (changed_people or changed_credits):
            state = UPDATED
        self.counts["photos"][state] += 1
        if renditions.refresh(photo):
            self.renditions_made += 1
            self.written_files.extend(
                (default_storage, item["name"]) for item in photo.renditions["items"]
            )
        return photo

    def credit_source(self, spec):
        """The credit source a demo credit names, made or corrected as needed."""
        if spec["role"] == PhotoCredit.Role.SCREENSHOT:
            kind, name, platform = CreditSource.Kind.ACCOUNT, spec["account"], spec["platform"]
        else:
            kind, name, platform = spec["role"], spec["name"], ""
        source = (
            CreditSource.objects.filter(name__iexact=name, platform__iexact=platform).first()
            or CreditSource()
        )
        state = save_changes(source, {"kind": kind, "name": name, "platform": platform})
        # Many credits share a source: count each source once, as first met.
        self.source_states.setdefault(source.pk, state)
        return source

    def store_file(self, name, data):
        """Write the original ``data`` to ``name`` in private storage, reusing an identical
        file left by an earlier load."""
        storage = originals.storage()
        if storage.exists(name):
            with storage.open(name, "rb") as existing:
                if existing.read() == data:
                    return
            storage.delete(name)
        saved = storage.save(name, ContentFile(data))
        self.written_files.append((storage, saved))
        if saved != name:
            raise CommandError(f"Could not store the demo photo as {name} (got {saved}).")

    def sync_credits(self, photo, specs):
        wanted = [
            (
                order,
                spec["role"],
                None if spec["role"] == PhotoCredit.Role.COLLAGE else self.credit_source(spec).pk,
                spec.get("name", "") if spec["role"] == PhotoCredit.Role.COLLAGE else "",
            )
            for order, spec in enumerate(specs)
        ]
        current = list(
            photo.credits.order_by("order", "pk").values_list("order", "role", "source_id", "name")
        )
        if current == wanted:
            return False
        photo.credits.all().delete()
        for order, role, source_id, word in wanted:
            credit = PhotoCredit(
                photo=photo, order=order, role=role, source_id=source_id, name=word
            )
            credit.full_clean()
            credit.save()
        return True

    def sync_guests(self, article, slugs):
        """Put the demo's guest writers first on the byline; True if it had to change."""
        guests = {spec["slug"]: spec for spec in demo.GUEST_AUTHORS}
        changed = False
        for order, slug in enumerate(slugs):
            spec = guests[slug]
            values = {key: spec[key] for key in ("name", "bio", "links")}
            writer, state = sync(Contributor, {"slug": slug}, values)
            _, made = Byline.objects.update_or_create(
                article=article, contributor=writer, defaults={"order": order}
            )
            changed = changed or made or state != UNCHANGED
        gone = article.bylines.filter(contributor__account__isnull=True).exclude(
            contributor__slug__in=slugs
        )
        return bool(gone.delete()[0]) or changed

    def sync_set(self, manager, objects):
        """Make a many-to-many hold exactly ``objects``; True if it had to change."""
        if set(manager.values_list("pk", flat=True)) == {obj.pk for obj in objects}:
            return False
        manager.set(objects)
        return True

    def load_story(self, spec):
        slug = spec["slug"]
        photo = self.load_photo(slug, spec["photo"]) if "photo" in spec else None
        existing = Article.objects.filter(slug=slug).first()
        values = {
            "headline": spec["headline"],
            "standfirst": spec["standfirst"],
            "dateline": spec["dateline"],
            # Compared as stored: saving cleans the body to the allow-list.
            "body": clean_body(spec["body"]),
            "status": spec["status"],
            "kind": spec.get("kind", Article.Kind.NEWS),
            "section_id": self.sections[spec.get("section", DEFAULT_SECTION)].pk,
            "published_at": self.publication_time(spec, existing),
            "lead_photo_id": photo.pk if photo else None,
        }
        article, state = sync(Article, {"slug": slug}, values)
        changed = [
            self.sync_people(article, spec),
            # Guests first: the staff writer's byline is then put after them.
            self.sync_guests(article, spec.get("guest_authors", [])),
            self.sync_set(article.authors, [self.user] if self.user else []),
            self.sync_tags(article, spec["tags"]),
        ]
        if state == UNCHANGED and any(changed):
            state = UPDATED
        self.counts["stories"][state] += 1
        return article

    def publication_time(self, spec, existing):
        days = spec.get("schedule_days_ahead")
        if days is None:
            return spec["published_at"]
        now = timezone.now()
        if existing is not None and existing.published_at and existing.published_at > now:
            return existing.published_at  # still ahead: keep it, so a rerun changes nothing
        moment = timezone.localtime(now) + datetime.timedelta(days=days)
        return moment.replace(hour=10, minute=0, second=0, microsecond=0)

    def sync_people(self, article, spec):
        wanted = [
            (self.people[slug].pk, slug == spec["main"], order)
            for order, slug in enumerate(spec["people"])
        ]
        current = list(
            article.person_links.order_by("order", "pk").values_list(
                "person_id", "is_main", "order"
            )
        )
        if current == wanted:
            return False
        article.person_links.all().delete()
        for person_id, is_main, order in wanted:
            link = ArticlePerson(article=article, person_id=person_id, is_main=is_main, order=order)
            link.full_clean()
            link.save()
        return True

    def sync_tags(self, article, names):
        if set(article.tags.names()) == set(names):
            return False
        article.tags.set(names)
        return True

    # Reporting ---------------------------------------------------------------

    def report(self):
        self.counts["sources"].update(self.source_states.values())
        labels = {
            "sections": "Sections",
            "people": "People",
            "ties": "Relationships",
            "sources": "Credit sources",
            "photos": "Photos",
            "stories": "Stories",
        }
        for kind, label in labels.items():
            counts = self.counts[kind]
            self.stdout.write(
                f"{label}: {counts[CREATED]} created, {counts[UPDATED]} updated, "
                f"{counts[UNCHANGED]} unchanged"
            )
        self.stdout.write(f"Renditions: made for {self.renditions_made} photos, others up to date")
        self.stdout.write(f"Demo editor account: {self.user_state}")
        seed = Article.objects.get(slug=demo.SEED_SLUG)
        self.stdout.write(f"Seed story: {SITE_URL}{seed.get_absolute_url()}")
        self.stdout.write(self.style.SUCCESS("Demo loaded."))
        if settings.DEBUG:
            self.stdout.write(f"Log in at {ADMIN_URL}")
            self.stdout.write(f"  username: {demo.USERNAME}")
            self.stdout.write(f"  password: {demo.PASSWORD}")
            accounts = ", ".join(demo.DESK_ACCOUNTS)
            self.stdout.write(
                f"  (also {accounts}, with the same password, to try the other roles)"
            )
        elif self.account_lines:
            self.stdout.write("Desk accounts (a new password is shown this once; note it now):")
            for line in self.account_lines:
                self.stdout.write(line)
