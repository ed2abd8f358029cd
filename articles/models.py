"""Stories, the people they are about, and their credited photos."""

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import dateformat, timezone
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from common.reversing import reverse_slug
from people.models import Person, Relationship

from . import renditions
from .credits import compose_credit_line
from .fields import KeyList, OriginalImageField, originals_storage
from .managers import ArticleQuerySet, CreditSourceQuerySet, PhotoQuerySet
from .sanitize import clean_body


def desk_time(moment):
    """``moment`` on the desk's clock, as the admin prints it: "5 March 2026, 10:00 CET"."""
    return dateformat.format(timezone.localtime(moment), "j F Y, H:i T")


class CreditSource(models.Model):
    """An agency, photographer, supplier or platform account, named once and reused.

    Credits point here instead of retyping the name, so "IMAGO" is spelt the
    same on every photo and a correction reaches every credit line at once.
    """

    class Kind(models.TextChoices):
        AGENCY = "agency", "agency"
        PHOTOGRAPHER = "photographer", "photographer"
        SUPPLIER = "supplier", "supplier"
        ACCOUNT = "account", "platform account"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(
        max_length=200,
        help_text="As printed in credit lines; for a platform account, the account without @.",
    )
    platform = models.CharField(
        max_length=50,
        blank=True,
        help_text="For a platform account only: “Instagram”, “TikTok”, “X”.",
    )
    aliases = models.TextField(
        blank=True,
        help_text="Other spellings found in photo files' embedded credits, one a line; "
        "uploads naming one of them are credited to this source.",
    )

    objects = CreditSourceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "platform"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                Lower("platform"),
                name="credit_source_unique",
                violation_error_message="This credit source exists already; choose it instead.",
            ),
            models.CheckConstraint(
                condition=~Q(name=""),
                name="credit_source_named",
                violation_error_message="A credit source needs a name.",
            ),
            models.CheckConstraint(
                condition=(Q(kind="account") & ~Q(platform=""))
                | (~Q(kind="account") & Q(platform="")),
                name="credit_source_platform_for_accounts",
                violation_error_message="A platform account names its platform; "
                "agencies, photographers and suppliers have none.",
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.ACCOUNT:
            return f"{self.platform}/{self.name} (platform account)"
        return f"{self.name} ({self.get_kind_display()})"

    def clean(self):
        self.name = self.name.strip()
        self.platform = self.platform.strip()
        if self.kind == self.Kind.ACCOUNT:
            self.name = self.name.lstrip("@").strip()

    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class Photo(models.Model):
    class Licence(models.TextChoices):
        AGENCY = "agency", "agency licence"
        HANDOUT = "handout", "handout"
        SOCIAL = "social", "social-media embed"
        OWN = "own", "own photo"

    image = OriginalImageField(
        upload_to="photos/%Y/%m/",
        storage=originals_storage,
        width_field="width",
        height_field="height",
        help_text="Kept privately, cleaned of GPS and camera data; readers see renditions only.",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    caption = models.TextField(blank=True)
    alt_text = models.CharField(
        max_length=300,
        help_text="What the photo shows, for readers who cannot see it.",
    )
    people = models.ManyToManyField(
        Person, blank=True, related_name="photos", help_text="Who is shown in the photo."
    )
    is_portrait = models.BooleanField(
        "portrait",
        default=False,
        help_text="A good likeness of the one person shown: the newest portrait heads their page.",
    )
    licence = models.CharField(
        max_length=20,
        choices=Licence.choices,
        default=Licence.AGENCY,
        help_text="On what terms the desk may use the photo.",
    )
    restrictions = models.TextField(
        "usage restrictions",
        blank=True,
        help_text="Conditions of use, e.g. “Editorial use only, no social media”. Editors are "
        "warned when they choose a photo with restrictions.",
    )
    expires_on = models.DateField(
        "licence expires on",
        null=True,
        blank=True,
        help_text="From this day (desk time) readers no longer see the photo anywhere; stories "
        "show the replacement, or no photo.",
    )
    replacement = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        help_text="Shown instead of this photo once its licence has expired.",
    )
    focal_x = models.PositiveSmallIntegerField(
        "focal point across",
        default=50,
        validators=[MaxValueValidator(100)],
        help_text="Per cent from the left edge; crops keep this point in frame.",
    )
    focal_y = models.PositiveSmallIntegerField(
        "focal point down",
        default=50,
        validators=[MaxValueValidator(100)],
        help_text="Per cent from the top edge.",
    )
    renditions = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="The resized copies made for readers (see articles/renditions.py).",
    )
    embedded_metadata = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="Credit and caption fields read from the file's IPTC/XMP data on upload.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__lte=100) & Q(focal_y__lte=100),
                name="photo_focal_point_in_frame",
                violation_error_message="The focal point lies inside the photo (0–100 per cent).",
            ),
            models.CheckConstraint(
                condition=~Q(replacement=F("pk")),
                name="photo_not_its_own_replacement",
                violation_error_message="A photo cannot replace itself.",
            ),
        ]

    def __str__(self):
        return self.caption or self.alt_text

    def clean(self):
        if not self.alt_text.strip():
            raise ValidationError({"alt_text": "Describe the photo for readers who cannot see it."})
        if self.replacement_id is not None:
            if self.pk is not None and self.replacement_id == self.pk:
                raise ValidationError({"replacement": "A photo cannot replace itself."})
            if self.replacement.is_expired:
                raise ValidationError(
                    {"replacement": "The replacement's licence has expired as well."}
                )

    @property
    def credit_line(self):
        """The printed credit; uses prefetched credits when they are there."""
        return compose_credit_line(self.credits.all())

    # Rights ------------------------------------------------------------------

    def expired_on(self, day):
        return self.expires_on is not None and self.expires_on <= day

    @property
    def is_expired(self):
        """Whether the licence has run out (readers no longer see the photo)."""
        # Most photos never expire: spare them the clock, asked once per card.
        return self.expires_on is not None and self.expired_on(timezone.localdate())

    @property
    def for_readers(self):
        """This photo, or its replacement once expired, or None: what readers may see.

        Readers see a photo through its renditions only; one without current
        renditions (not made yet, or withdrawn) is not shown at all.
        """
        shown = self
        if self.is_expired:
            shown = self.replacement
            if shown is not None and shown.is_expired:
                shown = None
        return shown if shown is not None and renditions.is_current(shown) else None

    @property
    def rights_warning(self):
        """What an editor choosing this photo must know, or ""."""
        notes = []
        if self.is_expired:
            notes.append(f"its licence expired on {self.expires_on.day} {self.expires_on:%B %Y}")
        elif self.expires_on:
            notes.append(f"its licence expires on {self.expires_on.day} {self.expires_on:%B %Y}")
        # The notes are joined into a sentence that brings its own full stop.
        restrictions = self.restrictions.strip().rstrip(".").rstrip()
        if restrictions:
            notes.append(f"usage restrictions: {restrictions}")
        return "; ".join(notes)

    # Renditions ----------------------------------------------------------------

    def rendition_sources(self, crop, fmt):
        """The current renditions of ``crop`` in ``fmt``, narrowest first (no queries)."""
        return renditions.current(self, crop, fmt)

    @property
    def share_image_url(self):
        """The best large JPEG for sharing (about 1200 pixels wide), or "" without renditions."""
        return renditions.share_url(self)

    @property
    def share_image(self):
        """The share image's url, width, height and bytes, for feeds, Open Graph and JSON-LD."""
        return renditions.share_image(self)


class PhotoCredit(models.Model):
    """One name in a photo's credit line: a credit source in a role; a photo has them in order."""

    class Role(models.TextChoices):
        COLLAGE = "collage", "in-house collage or edit"
        AGENCY = "agency", "agency"
        PHOTOGRAPHER = "photographer", "photographer"
        SUPPLIER = "supplier", "supplier"
        SCREENSHOT = "screenshot", "screenshot of a platform account"

    photo = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="credits")
    order = models.PositiveSmallIntegerField(default=0)
    role = models.CharField(max_length=20, choices=Role.choices)
    source = models.ForeignKey(
        CreditSource,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credits",
        help_text="The agency, photographer, supplier or platform account; none for a collage.",
    )
    name = models.CharField(
        "collage word",
        max_length=200,
        blank=True,
        help_text="For a collage or edit only: the word to print (“Collage” when left empty).",
    )

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role="collage") | Q(source__isnull=False),
                name="credit_names_source",
                violation_error_message="An agency, photographer, supplier or screenshot "
                "credit needs its source.",
            ),
            models.CheckConstraint(
                condition=~Q(role="collage") | Q(source__isnull=True),
                name="credit_collage_has_no_source",
                violation_error_message="A collage or edit credit names no source; add the "
                "sources as credits of their own.",
            ),
        ]

    def __str__(self):
        return compose_credit_line([self])

    def clean(self):
        if self.role != self.Role.COLLAGE:
            self.name = ""
        if self.source_id is None:
            return
        is_account = self.source.kind == CreditSource.Kind.ACCOUNT
        if self.role == self.Role.SCREENSHOT and not is_account:
            raise ValidationError(
                {
                    "source": "A screenshot credit names a platform account, not an agency, "
                    "photographer or supplier."
                }
            )
        if self.role != self.Role.SCREENSHOT and is_account:
            raise ValidationError({"source": "A platform account is credited as a screenshot."})


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
    # The story's status and time, copied (see articles.listings): a tag page
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

    headline = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        error_messages={"unique": "Another story already uses this slug; choose another."},
    )
    standfirst = models.TextField(
        max_length=500, blank=True, help_text="One or two sentences under the headline."
    )
    dateline = models.CharField(
        max_length=100, blank=True, help_text="Where the story is reported from."
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
    # The ids of the story's people and tags, kept by articles.signals (see
    # listings.Listing.store_keys): the related-stories score adds them up on
    # the row it has read, not by looking up each story's links.
    person_ids = KeyList()
    tag_ids = KeyList()

    objects = ArticleQuerySet.as_manager()

    class Meta:
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
        self.body = clean_body(self.body)
        if self.pk is not None and not kwargs.get("force_insert"):
            # Corrections are kept for good: restoring an old revision keeps the flag.
            self.has_corrections = self.has_corrections or self.corrections.exists()
            self.version += 1
            # The ids of its people and tags are read afresh by articles.signals.
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {
                    *kwargs["update_fields"],
                    "version",
                    "has_corrections",
                    "person_ids",
                    "tag_ids",
                }
        # Its links and their listings follow it from articles.signals.
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
    def is_live(self):
        """Whether readers can see the story now."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def person_links_in_order(self):
        """The tagged people, main person first (uses prefetched links)."""
        return sorted(self.person_links.all(), key=lambda link: (not link.is_main, link.order))

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
    # The story's status and time, copied (see articles.listings): a person's
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
        return f"{self.describe()} by {self.by or 'someone since removed'}"

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
# The version counter and the corrections flag are left out: they only go
# forward, and restoring an old text is a new save (see ArticleAdmin.revision_view).
# The links' copies of the story's status and time are left out too: they
# follow the story as it is now, whatever revision is restored.
COPIED = ["is_published", "published_at"]
reversion.register(ArticlePerson, exclude=COPIED)
reversion.register(TaggedArticle, exclude=COPIED)
reversion.register(
    Article,
    exclude=["version", "has_corrections", "person_ids", "tag_ids"],
    follow=["person_links", "tagged_items"],
)


class MonthlyCount(models.Model):
    """Published stories in one month (desk time), kept current by ``articles.listings``."""

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
