"""Stories and the people they are about; their photos are the photos app's."""

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from common.month_names import month_names
from common.reversing import reverse_slug
from people.models import Person, Relationship
from photos.models import Photo

from .fields import KeyList
from .querysets import ArticleQuerySet
from .sanitize import clean_body


def desk_time(moment):
    """``moment`` on the desk's clock, as the admin prints it: "5 March 2026, 10:00 CET".

    Written out rather than through ``dateformat``: a list of 100 stories
    prints 100 of these, and the formatter parses its pattern each time.
    """
    local = timezone.localtime(moment)
    return f"{local.day} {month_names()[local.month]} {local:%Y, %H:%M} {local.tzname()}"


def byline_name(user):
    """An account as bylines print it, on the site and the desk: full name, else login."""
    return user.get_full_name() or user.get_username()


class Place(models.Model):
    """A place stories are filed from: the dateline's place, on record.

    The dateline prints the desk's own wording; the record says which place
    it is, for search engines (JSON-LD) and for the desk to find stories by.
    """

    name = models.CharField(max_length=100, help_text="The town or city: Calabasas.")
    region = models.CharField(
        max_length=100, blank=True, help_text="The state, county or region: California."
    )
    country = models.CharField(max_length=100, blank=True, help_text="United States.")
    slug = models.SlugField(max_length=200, unique=True)

    class Meta:
        ordering = ["name", "region", "country"]
        constraints = [
            models.UniqueConstraint(fields=["name", "region", "country"], name="place_unique")
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """As a dateline prints it: "Calabasas, California", or "London, United Kingdom"."""
        return ", ".join(part for part in (self.name, self.region or self.country) if part)


class Section(models.Model):
    """A section of the site (Stars, TV, Music, Royals, Sport): a story's primary home.

    The header's navigation lists the sections in ``order``; each has a page
    of its stories (``/section/<slug>/``), a feed and sitemap entries.
    """

    name = models.CharField(max_length=60, unique=True, help_text="As the navigation prints it.")
    slug = models.SlugField(
        max_length=60,
        unique=True,
        error_messages={"unique": "Another section already uses this address; choose another."},
    )
    order = models.PositiveSmallIntegerField(
        "order in the navigation", default=0, help_text="Lower comes first."
    )
    description = models.TextField(
        max_length=500,
        blank=True,
        help_text="A sentence for the section page and search results: what it covers.",
    )

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_slug("section", self.slug)

    def clean(self):
        self.name = " ".join(self.name.split())


class Contributor(models.Model):
    """Someone whose name a byline prints: a staff writer or a guest.

    A staff writer's record belongs to their account (``account``) and
    follows its name; a guest or freelance writer has no account and never
    signs in to the desk. Either has an author page readers can open.
    """

    name = models.CharField(max_length=150, help_text="As the byline prints it.")
    slug = models.SlugField(
        max_length=160,
        unique=True,
        error_messages={"unique": "Another author already uses this address; choose another."},
    )
    bio = models.TextField(
        "short bio",
        max_length=600,
        blank=True,
        help_text="Two or three sentences for the author page: who they are, what they cover.",
    )
    photo = models.ForeignKey(
        Photo,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portrait_of_contributors",
        help_text="A portrait for the author page.",
    )
    links = models.TextField(
        blank=True,
        help_text="Their own pages elsewhere (a website, social accounts): one address a line.",
    )
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributor",
        help_text="The staff account of a staff writer; empty for a guest or freelance writer.",
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = "author"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_slug("author", self.slug)

    @property
    def is_guest(self):
        return self.account_id is None

    @property
    def link_list(self):
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    def clean(self):
        self.name = " ".join(self.name.split())
        validate = URLValidator(schemes=["http", "https"])
        for number, line in enumerate(self.links.splitlines(), 1):
            if not line.strip():
                continue
            try:
                validate(line.strip())
            except ValidationError:
                raise ValidationError(
                    {"links": f"Line {number} is not a web address (https://…): “{line.strip()}”."}
                ) from None
        if self.account_id and self.name != byline_name(self.account):
            # A staff writer's name is their account's, printed the same on desk and site.
            self.name = byline_name(self.account)


class TaggedArticle(TaggedItemBase):
    """Tags on stories, kept in their own table with a real foreign key.

    A tag that stories carry cannot be deleted: the admin names the stories,
    and readers never meet a tag link that leads nowhere.
    """

    tag = models.ForeignKey(
        Tag, on_delete=models.PROTECT, related_name="%(app_label)s_%(class)s_items"
    )
    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )
    # The story's status and time, copied (see reading.listings): a tag page
    # and a story's related stories walk one index of these rows.
    is_published = models.BooleanField(default=False, editable=False)
    published_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        verbose_name = "tag"
        constraints = [
            models.UniqueConstraint(
                "content_object",
                "tag",
                name="tagged_article_unique",
                violation_error_message="This tag is already on the story.",
            )
        ]
        indexes = [
            models.Index(
                fields=["tag", "-published_at", "-content_object"],
                condition=Q(is_published=True),
                name="tagged_article_reading",
            )
        ]


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "draft"
        REVIEW = "review", "in review"
        PUBLISHED = "published", "published"

    class Kind(models.TextChoices):
        NEWS = "news", "news"
        INTERVIEW = "interview", "interview"
        GALLERY = "gallery", "gallery"
        NOTE = "note", "short note (a birthday, an anniversary)"

    headline = models.CharField(max_length=200)
    kind = models.CharField(
        "kind of story",
        max_length=20,
        choices=Kind.choices,
        default=Kind.NEWS,
        help_text="What sort of story it is: related stories and the front page weigh it.",
    )
    slug = models.SlugField(
        max_length=200,
        unique=True,
        error_messages={"unique": "Another story already uses this slug; choose another."},
    )
    standfirst = models.TextField(
        max_length=500,
        blank=True,
        help_text="One or two sentences under the headline; search results and social cards "
        "show it as the description.",
    )
    seo_title = models.CharField(
        "search title",
        max_length=70,
        blank=True,
        help_text="The title search results and the browser tab show, if not the headline.",
    )
    social_headline = models.CharField(
        max_length=120,
        blank=True,
        help_text="The headline of the story's card when shared, if not the headline.",
    )
    dateline = models.CharField(
        max_length=100,
        blank=True,
        help_text="Where the story is reported from, as printed; left empty, the place's name.",
    )
    dateline_place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stories_filed",
        verbose_name="dateline place",
        help_text="The place on record, for search engines and for finding its stories.",
    )
    dateline_source = models.CharField(
        max_length=40,
        blank=True,
        help_text="The agency the report comes from, printed in brackets after the date: dpa, AP.",
    )
    body = models.TextField(blank=True, help_text="HTML; cleaned to the house allow-list on save.")
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Readers see the story from this moment; left empty, publishing sets it to now.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    authors = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="articles")
    tags = TaggableManager(through=TaggedArticle, blank=True)
    people = models.ManyToManyField(
        Person, through="ArticlePerson", blank=True, related_name="articles"
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stories",
        help_text="The story's primary section: its page, feed and breadcrumb.",
    )
    lead_photo = models.ForeignKey(
        Photo, on_delete=models.PROTECT, null=True, blank=True, related_name="lead_of"
    )
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="pinned_by",
        help_text="Stories to show first in the related-stories sidebar.",
    )

    has_corrections = models.BooleanField(
        default=False,
        editable=False,
        help_text="Set by the first correction, so pages without any skip looking for them.",
    )
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Goes up by one with every save, so a save over an unseen version is refused.",
    )
    # The ids of the story's people and tags, kept by reading.receivers (see
    # listings.Listing.store_keys): the related-stories score adds them up on
    # the row it has read, not by looking up each story's links.
    person_ids = KeyList()
    tag_ids = KeyList()
    author_ids = KeyList()  # its bylines' authors, kept the same way
    # Where the story is counted among its section's months (see
    # reading.sections), as it was last counted: a section or time changed by
    # QuerySet.update still knows which month to count again.
    counted_section = models.PositiveIntegerField(null=True, editable=False)
    counted_month = models.DateField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        # The desk's word: "Add story", "Select story to change", "3 stories".
        verbose_name = "story"
        verbose_name_plural = "stories"
        ordering = ["-published_at", "-pk"]
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish stories"),
            ("edit_any_article", "Can edit stories by anyone"),
            ("tag_people_article", "Can tag people on stories"),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_reading_order"),
            # Newest-first walks that only need ids (a person's or tag's newest
            # stories) read the index alone, never the rows.
            models.Index(fields=["status", "-published_at", "-id"], name="article_reading_ids"),
            # A section's page and feed: its newest stories, one walk at any depth.
            models.Index(
                fields=["section", "status", "-published_at", "-id"],
                name="article_section_reading",
            ),
            # A photo's newest published story (the person page's gallery):
            # without it SQLite, lacking statistics, walks every published
            # story once per photo through the index above.
            models.Index(
                fields=["lead_photo", "status", "-published_at", "-id"],
                name="article_lead_photo_newest",
            ),
            # The desk's story list, newest first whatever the status, and its
            # publication drill-down read this index rather than every row.
            models.Index(fields=["-published_at", "-id"], name="article_desk_newest"),
            # The desk's "corrected" filter: the few corrected stories, newest first.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(has_corrections=True),
                name="article_desk_corrected",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_date",
                violation_error_message="A published story needs a publication time.",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if self.dateline_place_id and not self.dateline.strip():
            self.dateline = self.dateline_place.label
        self.body = clean_body(self.body)
        if self.pk is not None and not kwargs.get("force_insert"):
            # Corrections are kept for good: restoring an old revision keeps the flag.
            self.has_corrections = self.has_corrections or self.corrections.exists()
            self.version += 1
            # The ids of its people and tags are read afresh by reading.receivers.
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {
                    *kwargs["update_fields"],
                    "version",
                    "has_corrections",
                    "person_ids",
                    "tag_ids",
                    "author_ids",
                }
        # Its links and their listings follow it from reading.receivers.
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse_slug("story", self.slug)

    def clean(self):
        # Publishing without a time means now. Set it here too, before the
        # constraints are validated, or forms refuse what save() would fix.
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    @property
    def is_scheduled(self):
        """Published, but for a moment still ahead: readers see it from then on."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def search_title(self):
        """What search results and the browser tab call the story."""
        return self.seo_title or self.headline

    @property
    def social_title(self):
        """What the story's card says when shared."""
        return self.social_headline or self.headline

    @property
    def is_live(self):
        """Whether readers can see the story now."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def person_links_in_order(self, links=None):
        """The tagged people, main person first (of ``links``, else the prefetched links)."""
        links = self.person_links.all() if links is None else links
        return sorted(links, key=lambda link: (not link.is_main, link.order))

    def byline_authors(self):
        """The authors the byline prints, in order (uses prefetched bylines)."""
        return [byline.contributor for byline in self.bylines.all()]

    def tags_in_order(self):
        """The story's tags by name (uses prefetched tags)."""
        return sorted(self.tags.all(), key=lambda tag: (tag.name, tag.pk))

    @property
    def lead_photo_for_readers(self):
        """The lead photo readers may see: itself, its replacement once expired, or None."""
        return self.lead_photo.for_readers if self.lead_photo_id else None

    @property
    def main_person(self):
        links = self.person_links_in_order()
        return links[0].person if links else None


class ArticlePerson(models.Model):
    """A person a story is about; one of them may be marked as the main one."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="person_links")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="article_links")
    is_main = models.BooleanField(
        "main person", default=False, help_text="The person the story is mainly about."
    )
    order = models.PositiveSmallIntegerField(default=0)
    # The story's status and time, copied (see reading.listings): a person's
    # page and a story's related stories walk one index of these rows.
    is_published = models.BooleanField(default=False, editable=False)
    published_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "person in the story"
        verbose_name_plural = "people in the story"
        constraints = [
            models.UniqueConstraint(
                "article",
                "person",
                name="article_person_unique",
                violation_error_message="This person is already tagged on the story.",
            ),
            models.UniqueConstraint(
                "article",
                condition=Q(is_main=True),
                name="article_one_main_person",
                violation_error_message="Only one person can be the main person of a story.",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "article"], name="article_person_by_person"),
            models.Index(
                fields=["person", "-published_at", "-article"],
                condition=Q(is_published=True),
                name="article_person_reading",
            ),
        ]

    def __str__(self):
        return f"{self.person} in “{self.article}”"

    def age_at_publication(self):
        """The age readers see beside the name: none where the birth date is private."""
        if self.article.published_at is None:
            return self.person.public_age_today
        return self.person.public_age_on(self.article.published_at)


class Byline(models.Model):
    """A name on a story's byline, in the order printed.

    The staff among them are also the story's ``authors``, the accounts the
    desk lets write it (kept equal both ways by ``articles.bylines``).
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    contributor = models.ForeignKey(
        Contributor, on_delete=models.PROTECT, related_name="bylines", verbose_name="author"
    )
    order = models.PositiveSmallIntegerField(default=0)
    # The story's status and time, copied (see reading.listings): an author's
    # page walks one index of these rows, as a person's page does.
    is_published = models.BooleanField(default=False, editable=False)
    published_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "byline"
        constraints = [
            models.UniqueConstraint(
                "article",
                "contributor",
                name="byline_unique",
                violation_error_message="This author is already on the byline.",
            )
        ]
        indexes = [
            models.Index(fields=["contributor", "article"], name="byline_by_contributor"),
            # An author page: their stories, newest first.
            models.Index(
                fields=["contributor", "-published_at", "-article"],
                condition=Q(is_published=True),
                name="byline_reading",
            ),
        ]

    def __str__(self):
        return f"{self.contributor} on “{self.article}”"


class RelationshipEvidence(models.Model):
    """A story that reports a relationship: the desk's evidence for the tie.

    Kept here, not in ``people``, because people know nothing of stories.
    """

    relationship = models.ForeignKey(
        Relationship, on_delete=models.CASCADE, related_name="evidence"
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="reported_relationships"
    )

    class Meta:
        ordering = ["relationship", "article"]
        verbose_name = "story reporting the relationship"
        verbose_name_plural = "stories reporting the relationship"
        constraints = [
            models.UniqueConstraint(
                "relationship",
                "article",
                name="relationship_evidence_unique",
                violation_error_message="This story is already given as evidence.",
            )
        ]

    def __str__(self):
        return f"{self.relationship}: “{self.article}”"


class StatusChange(models.Model):
    """One step of a story through the desk: who moved it, when, from where to where."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=Article.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Article.Status.choices)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="The publication time the story had after this step."
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = "status change"

    def __str__(self):
        return (
            f"{self.describe()} by {byline_name(self.by) if self.by else 'someone since removed'}"
        )

    def describe(self):
        """The step in desk words: "submitted for review", "scheduled for …"."""
        Status = Article.Status
        if self.to_status == Status.PUBLISHED:
            if self.published_at and self.published_at > self.at:
                return f"scheduled for {desk_time(self.published_at)}"
            return "published"
        if self.to_status == Status.REVIEW:
            return "submitted for review"
        if self.from_status == Status.PUBLISHED:
            return "unpublished (back to draft)"
        if self.from_status == Status.REVIEW:
            return "sent back to draft"
        return "created as a draft"


class Correction(models.Model):
    """A dated correction or update note, appended to a story and kept for good."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "correction"
        UPDATE = "update", "update"

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="corrections")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(help_text="What was wrong and what is right now, or what is new.")
    created_at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display().capitalize()} of {self.created_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding:
            # A correction changes the story: readers and feeds see it as updated.
            Article.objects.filter(pk=self.article_id).update(
                updated_at=self.created_at, has_corrections=True, version=models.F("version") + 1
            )

    def clean(self):
        self.text = self.text.strip()
        if not self.text:
            raise ValidationError({"text": "Say what was corrected or updated."})


# Revisions: every save of a story keeps its text, its people and its tags.
# The corrections flag is left out: it only goes forward. The version counter
# is kept, so a refused stale save finds the revision its author opened
# (articles.conflicts); a restore still saves forward (ArticleAdmin.save_model).
# The links' copies of the story's status and time are left out too: they
# follow the story as it is now, whatever revision is restored.
COPIED = ["is_published", "published_at"]
reversion.register(ArticlePerson, exclude=COPIED)
reversion.register(TaggedArticle, exclude=COPIED)
reversion.register(Byline)
reversion.register(
    Article,
    exclude=[
        "has_corrections",
        "person_ids",
        "tag_ids",
        "author_ids",
        "counted_section",
        "counted_month",
    ],
    follow=["person_links", "tagged_items", "bylines"],
)


class MonthlyCount(models.Model):
    """Published stories in one month (desk time), kept current by ``reading.listings``."""

    month = models.DateField(help_text="The first day of the month.")
    stories = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class PersonMonth(MonthlyCount):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint("person", "month", name="person_month_unique"),
        ]

    def __str__(self):
        return f"{self.person_id} in {self.month:%Y-%m}: {self.stories}"


class TagMonth(MonthlyCount):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint("tag", "month", name="tag_month_unique"),
        ]

    def __str__(self):
        return f"{self.tag_id} in {self.month:%Y-%m}: {self.stories}"


class AuthorMonth(MonthlyCount):
    contributor = models.ForeignKey(Contributor, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint("contributor", "month", name="author_month_unique"),
        ]

    def __str__(self):
        return f"{self.contributor_id} in {self.month:%Y-%m}: {self.stories}"


class PersonCoverage(models.Model):
    """A person's published stories in all: the sum of their monthly counts.

    Kept with those counts by ``reading.listings``: one row a person, from
    their creation, 0 until they are covered. The desk's person pickers rank
    by it, the most covered first: summing the months at every keystroke
    would read them all.
    """

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, primary_key=True, related_name="coverage"
    )
    stories = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "person coverage"
        indexes = [models.Index(fields=["-stories", "person"], name="person_coverage_ranked")]

    def __str__(self):
        return f"{self.person_id}: {self.stories}"


class SectionMonth(MonthlyCount):
    """A section's published stories in one month, kept by ``reading.sections``."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint("section", "month", name="section_month_unique"),
        ]

    def __str__(self):
        return f"{self.section_id} in {self.month:%Y-%m}: {self.stories}"


class FrontSlot(models.Model):
    """A place on the front page the desk fills: the lead, or one of the top stories.

    The story shows there while it is live and the slot has not ended, under
    the slot's own headline and photo if given; otherwise the front page
    falls back to the newest stories (``reading.front_page``).
    """

    LEAD = 0
    TOP_SLOTS = 4
    PLACES = [(LEAD, "lead"), *((n, f"top story {n}") for n in range(1, TOP_SLOTS + 1))]

    place = models.PositiveSmallIntegerField(
        choices=PLACES,
        unique=True,
        error_messages={"unique": "This place already has a story; change that slot instead."},
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="front_slots",
        verbose_name="story",
        help_text="Shown while it is live; a draft or a scheduled story waits its turn.",
    )
    headline = models.CharField(
        "front-page headline",
        max_length=200,
        blank=True,
        help_text="The headline on the front page, if not the story's own.",
    )
    photo = models.ForeignKey(
        Photo,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="front_slots",
        verbose_name="front-page photo",
        help_text="The photo on the front page, if not the story's lead photo.",
    )
    ends_at = models.DateTimeField(
        "ends",
        null=True,
        blank=True,
        help_text="From this moment the place falls back to the newest stories; empty: "
        "until changed.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["place"]
        verbose_name = "front-page slot"
        constraints = [
            models.CheckConstraint(
                condition=Q(place__lte=4),
                name="front_slot_place_known",
                violation_error_message="The front page has a lead and four top stories.",
            ),
            models.UniqueConstraint(
                "article",
                name="front_slot_story_once",
                violation_error_message="This story already has a place on the front page.",
            ),
        ]

    def __str__(self):
        return f"{self.get_place_display().capitalize()}: {self.article}"

    def clean(self):
        self.headline = " ".join(self.headline.split())
        if self.ends_at is not None and self.ends_at <= timezone.now():
            raise ValidationError(
                {
                    "ends_at": "This moment has passed: the slot would never show. Choose a later "
                    "one, or leave it empty to keep the story until the slot is changed."
                }
            )

    def is_showing(self, now=None):
        """Whether readers see the slot's story now: it is live and the slot has not ended."""
        now = now or timezone.now()
        return (self.ends_at is None or self.ends_at > now) and self.article.is_live

    @property
    def front_headline(self):
        return self.headline or self.article.headline

    @property
    def front_photo(self):
        """The photo readers see in the slot: its own, else the story's (either may be
        replaced once its licence has expired), or None."""
        if self.photo_id:
            return self.photo.for_readers
        return self.article.lead_photo_for_readers


class TagDescription(models.Model):
    """A tag's few words for its page, kept beside taggit's tag (whose table is taggit's)."""

    tag = models.OneToOneField(
        Tag, on_delete=models.CASCADE, primary_key=True, related_name="description"
    )
    text = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences under the tag's title on its page: what the tag covers.",
    )

    class Meta:
        verbose_name = "description"

    def __str__(self):
        return self.text

    def clean(self):
        self.text = " ".join(self.text.split())
