"""Photos, their credits, and the credit sources those name."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone

from people.models import Person

from . import renditions
from .credits import compose_credit_line
from .fields import OriginalImageField, originals_storage
from .managers import CreditSourceQuerySet, PhotoQuerySet


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
        # The tables keep the names they had in the articles app (photos/migrations/0001).
        db_table = "articles_creditsource"
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
        Person,
        blank=True,
        related_name="photos",
        help_text="Who is shown in the photo.",
        db_table="articles_photo_people",
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
        help_text="The resized copies made for readers (see photos/renditions.py).",
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
        db_table = "articles_photo"
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The photo list, newest first, and its upload drill-down read this
            # rather than sorting every row.
            models.Index(fields=["-created_at", "-id"], name="photo_desk_newest"),
            # Licences running out: the rights filters and warnings.
            models.Index(
                fields=["expires_on"],
                condition=Q(expires_on__isnull=False),
                name="photo_licence_ends",
            ),
        ]
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
        db_table = "articles_photocredit"
        ordering = ["order", "pk"]
        indexes = [
            # A source's photos (search by source, counts of its credits) read
            # from the index alone: an agency is credited on tens of thousands.
            models.Index(fields=["source", "photo"], name="photo_credit_by_source"),
        ]
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
