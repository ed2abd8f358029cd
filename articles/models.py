"""Stories, the people they are about, and their credited photos."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from people.models import Person

from .credits import compose_credit_line
from .managers import ArticleQuerySet
from .sanitize import clean_body


class Photo(models.Model):
    image = models.ImageField(upload_to="photos/%Y/%m/", width_field="width", height_field="height")
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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.caption or self.alt_text

    def clean(self):
        if not self.alt_text.strip():
            raise ValidationError({"alt_text": "Describe the photo for readers who cannot see it."})

    @property
    def credit_line(self):
        """The printed credit; uses prefetched credits when they are there."""
        return compose_credit_line(self.credits.all())


class PhotoCredit(models.Model):
    """One name in a photo's credit line; a photo carries them in order."""

    class Role(models.TextChoices):
        COLLAGE = "collage", "in-house collage or edit"
        AGENCY = "agency", "agency"
        PHOTOGRAPHER = "photographer", "photographer"
        SUPPLIER = "supplier", "supplier"
        SCREENSHOT = "screenshot", "screenshot of a platform account"

    photo = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="credits")
    order = models.PositiveSmallIntegerField(default=0)
    role = models.CharField(max_length=20, choices=Role.choices)
    name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Agency, photographer or supplier; for a collage or edit, the word to print "
        "(“Collage” when left empty).",
    )
    platform = models.CharField(
        max_length=50, blank=True, help_text="For a screenshot: “Instagram”, “TikTok”, “X”."
    )
    account = models.CharField(
        max_length=100, blank=True, help_text="For a screenshot: the account shown, without @."
    )

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="screenshot") | (~Q(platform="") & ~Q(account="")),
                name="credit_screenshot_names_account",
                violation_error_message="A screenshot credit names the platform and the account.",
            ),
            models.CheckConstraint(
                condition=Q(role__in=["screenshot", "collage"]) | ~Q(name=""),
                name="credit_names_source",
                violation_error_message="An agency, photographer or supplier credit needs a name.",
            ),
        ]

    def __str__(self):
        return compose_credit_line([self])

    def clean(self):
        self.account = self.account.strip().lstrip("@")


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

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "-published_at"], name="article_reading_order")]
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
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("story", args=[self.slug])

    def clean(self):
        # Publishing without a time means now. Set it here too, before the
        # constraints are validated, or forms refuse what save() would fix.
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

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
        indexes = [models.Index(fields=["person", "article"], name="article_person_by_person")]

    def __str__(self):
        return f"{self.person} in “{self.article}”"

    def age_at_publication(self):
        if self.article.published_at is None:
            return self.person.age_today
        return self.person.age_on(self.article.published_at)
